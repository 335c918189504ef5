import { z } from 'zod';
import { DealContextSchema } from '../lessons/deal';
import {
  ContentToBackgroundReplies,
  DEAL_ID_MAX,
  DealOpenSchema,
  DealSeenSchema,
  STAGE_MAX,
  HealthReportSchema,
  HealthSchema,
  OutcomeObservedSchema,
  NO_DATA,
  PanelLoadSchema,
  PromptPullSchema,
  type ReplyMap,
  type ReplyTo,
  type ToContent,
} from './content-messages';
import { AnswersSchema } from '../lessons/schema';
import { ReflectionValuesSchema } from '../lessons/values';
import { DealPrefillSchema } from '../lessons/deal-prefill';

// What content scripts parse lives in content-messages.ts (zod/mini, small at load); it is
// re-exported here so the rest of the extension imports every message from one place.
export * from './content-messages';

/**
 * What a CRM page showed of a deal when the background asked (`page/read`): built by the
 * content script, parsed by the background (so not in the content script's bundle).
 */
export const PageReadSchema = z.object({
  dealUrl: z.url(),
  deal: DealContextSchema,
  /** The lost label the page came to show after the save, when asked to look for one. */
  lossShown: z.string().max(STAGE_MAX).optional(),
  /** The page began loading after the save was sent: it never showed the deal before it. */
  loadedAfterSave: z.boolean().optional(),
});
export type PageRead = z.infer<typeof PageReadSchema>;

/** What a user rule sees on a page (`rule/probe`), built by the content script. */
export const RuleProbeSchema = z.object({
  url: z.string(),
  ruleName: z.string(),
  /** The deal id the rule reads on this page (its deal-id source), when it finds one. */
  dealId: z.string().optional(),
  dealName: z.string(),
  amount: z.number().optional(),
  /** The stage element's text, when the rule names one and it is on the page. */
  stage: z.string().optional(),
  stageIsLost: z.boolean(),
  lostButtonFound: z.boolean(),
  /** Named elements the rule asks for that this page does not have. */
  missing: z.array(z.string()),
});
export type RuleProbe = z.infer<typeof RuleProbeSchema>;

/** A tab's health as the background last heard it (`health/all`, for the options page). */
export const TabHealthSchema = z.object({
  ...HealthSchema.shape,
  tabId: z.number().int(),
  at: z.number(),
});
export type TabHealth = z.infer<typeof TabHealthSchema>;

/**
 * What saving a reflection's lesson answered: kept (`alreadySaved` when an earlier save of the
 * same draft had kept it: a retry, or the same reflection saved in another window), or not kept
 * because an answer is missing or wrong (`problem`, in words for the form).
 */
export const LessonSaveResultSchema = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), lessonId: z.uuid(), alreadySaved: z.boolean() }),
  z.object({ saved: z.literal(false), problem: z.string() }),
]);
export type LessonSaveResult = z.infer<typeof LessonSaveResultSchema>;

/**
 * What a draft write came to: written, with the draft's new revision; or refused for good, and
 * the form says why: `stale`, the draft was changed in another window since this one read it
 * (writing would erase that); `gone`, it was finished or skipped elsewhere.
 */
export const DraftWriteSchema = z.discriminatedUnion('written', [
  z.object({ written: z.literal(true), updatedAt: z.iso.datetime() }),
  z.object({ written: z.literal(false), why: z.enum(['stale', 'gone']) }),
]);
export type DraftWrite = z.infer<typeof DraftWriteSchema>;

/** Messages that content scripts and extension pages send to the background. */
export const ToBackgroundSchema = z.discriminatedUnion('type', [
  OutcomeObservedSchema,
  /**
   * Keep the lesson of a draft: only the draft's id and the answers. The background builds the
   * lesson from its own copy of the loss (the draft's), so nothing the page or panel says about
   * the deal is stored: strict, so a message carrying deal or lesson fields is refused whole.
   */
  z.strictObject({
    type: z.literal('lesson/save'),
    draftId: z.uuid(),
    values: ReflectionValuesSchema,
  }),
  z.object({ type: z.literal('prompt/later'), lossId: z.uuid() }),
  /** Later, with a reminder at `until` (a browser notification opens the reflection). */
  z.object({ type: z.literal('prompt/snooze'), lossId: z.uuid(), until: z.iso.datetime() }),
  /** Skip this deal: never ask about it again. */
  z.object({ type: z.literal('prompt/skip'), lossId: z.uuid() }),
  /**
   * The "what worked" answers for a won deal: as the user types (`done` false), and once more
   * when they save or close it (`done`). Only the win's id and the answers: the background
   * builds the win from its own copy of the won deal, so nothing the page says about the deal
   * is stored. Strict, so a message carrying win or deal fields is refused whole.
   */
  z.strictObject({
    type: z.literal('win/save'),
    winId: z.uuid(),
    answers: AnswersSchema,
    done: z.boolean(),
  }),
  /**
   * "Not now" on a win capture with nothing written: closed, anything kept while typing (since
   * erased) removed; the deal is not asked about again.
   */
  z.object({ type: z.literal('win/dismiss'), winId: z.uuid() }),
  /** Open the options page (a content script cannot). */
  z.object({ type: z.literal('options/open') }),
  /** Empty the detection log (the background is its one writer). */
  z.object({ type: z.literal('detection-log/clear') }),
  /**
   * Delete everything Rebound keeps on this device (the options page's "Delete all data",
   * extension pages only): the background holds the caches and writers that must go with it.
   */
  z.strictObject({ type: z.literal('data/delete-all') }),
  /**
   * The answers so far, as the user types (the background is every draft's one writer), based
   * on the draft's revision the sender last read or wrote (`basedOn`, its `updatedAt`; none for
   * a draft as it was started): a write based on an older one is refused (DraftWriteSchema).
   */
  z.strictObject({
    type: z.literal('draft/save'),
    draftId: z.uuid(),
    values: ReflectionValuesSchema,
    basedOn: z.iso.datetime().optional(),
  }),
  /** Let an unfinished reflection entered by hand go: its draft removed (extension pages only). */
  z.object({ type: z.literal('draft/discard'), draftId: z.uuid() }),
  /**
   * A reflection entered by hand (the reflect page) starts its draft, for the deal its link
   * named if any: then it is saved like a prompted one, once. Answered with the draft's id.
   */
  z.object({ type: z.literal('draft/new'), deal: DealPrefillSchema.optional() }),
  PromptPullSchema,
  PanelLoadSchema,
  HealthReportSchema,
  /** The popup asks how detection is doing in a tab. */
  z.object({ type: z.literal('health/get'), tabId: z.number().int() }),
  /** The options page asks how detection is doing in every tab. */
  z.object({ type: z.literal('health/all') }),
  DealSeenSchema,
  DealOpenSchema,
  /** "Not helpful" on a similar deal's lesson: never offer that lesson for this deal again. */
  z.object({
    type: z.literal('similar/not-helpful'),
    crm: z.string().min(1).max(40),
    dealId: z.string().min(1).max(DEAL_ID_MAX),
    lessonId: z.uuid(),
  }),
]);
export type ToBackground = z.infer<typeof ToBackgroundSchema>;

/** The reply data of every message to the background, by type. */
export const BackgroundReplies = {
  ...ContentToBackgroundReplies,
  'lesson/save': LessonSaveResultSchema,
  'prompt/later': NO_DATA,
  'prompt/snooze': NO_DATA,
  'prompt/skip': NO_DATA,
  'win/save': NO_DATA,
  'win/dismiss': NO_DATA,
  'options/open': NO_DATA,
  'detection-log/clear': NO_DATA,
  'data/delete-all': NO_DATA,
  'draft/save': DraftWriteSchema,
  'draft/discard': NO_DATA,
  'draft/new': z.object({ draftId: z.uuid() }),
  'health/get': z.optional(HealthSchema),
  'health/all': z.array(TabHealthSchema),
  'similar/not-helpful': NO_DATA,
} satisfies ReplyMap<ToBackground>;
export type BackgroundReply<K extends ToBackground['type']> = ReplyTo<typeof BackgroundReplies, K>;

/** The reply data of every message to a CRM tab's content script, by type. */
export const ContentReplies = {
  'prompt/open': NO_DATA,
  'win/open': NO_DATA,
  'page/read': PageReadSchema,
  'rule/probe': RuleProbeSchema,
} satisfies ReplyMap<ToContent>;
export type ContentReply<K extends ToContent['type']> = ReplyTo<typeof ContentReplies, K>;
