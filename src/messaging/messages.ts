import { z } from 'zod';
import { DealContextSchema } from '../crm/types';
import { LessonInputSchema } from '../lessons/schema';
import { WinInputSchema } from '../wins/schema';
import { ReflectionValuesSchema } from '../reflection/values';

/**
 * A loss seen on a page: the stage shown changed from an open stage to a lost one. With
 * `result: 'won'`, a win instead (sent only when the user turned on the "what worked" capture).
 */
export const LossObservedSchema = z.object({
  type: z.literal('loss/observed'),
  crm: z.string().min(1).max(40),
  dealId: z.string().min(1).max(200),
  dealUrl: z.url(),
  stageBefore: z.string().max(200),
  stageAfter: z.string().max(200),
  deal: DealContextSchema,
  /** Reported before its save was sent: only a later save confirms it. */
  beforeSave: z.boolean().optional(),
  /** Reported from the user's action, not the saved state (Observation.intent). */
  intent: z.boolean().optional(),
  /** Absent means lost, as before wins were looked for. */
  result: z.enum(['lost', 'won']).optional(),
});
export type LossObserved = z.infer<typeof LossObservedSchema>;

/** A confirmed deal event, without the page's detection bookkeeping. */
export const DealEventSchema = LossObservedSchema.omit({
  type: true,
  stageAfter: true,
  beforeSave: true,
  intent: true,
  result: true,
});

/** A confirmed loss, ready for a reflection. */
export const LossEventSchema = DealEventSchema.extend({
  lossId: z.uuid(),
  /** The user skipped several prompts in a row: ask once whether to change the settings. */
  askAboutSettings: z.boolean().optional(),
  /** The page did not show the deal's name (only the CRM's save told of the loss): ask for it. */
  askDeal: z.boolean().optional(),
});
export type LossEvent = z.infer<typeof LossEventSchema>;

/** A confirmed win, ready for the "what worked" capture. */
export const WinEventSchema = DealEventSchema.extend({ winId: z.uuid() });
export type WinEvent = z.infer<typeof WinEventSchema>;

/** What a content script found missing on its page ("stage field"), or nothing. */
export const HealthSchema = z.object({
  crm: z.string().min(1).max(40),
  url: z.url(),
  missing: z.string().max(200).optional(),
});
export type Health = z.infer<typeof HealthSchema>;

/** A tab's health as the background last heard it (`health/all`, for the options page). */
export const TabHealthSchema = HealthSchema.extend({ tabId: z.number().int(), at: z.number() });
export type TabHealth = z.infer<typeof TabHealthSchema>;

/** A deal record page a CRM tab shows: kept for the popup's "Missed a loss?". */
export const DealSeenSchema = z.object({
  type: z.literal('deal/seen'),
  crm: z.string().min(1).max(40),
  dealId: z.string().min(1).max(200),
  dealUrl: z.url(),
  dealName: z.string().min(1).max(500),
  amount: z.number().finite().optional(),
  company: z.string().max(500).optional(),
});
export type DealSeen = z.infer<typeof DealSeenSchema>;

/** Messages that content scripts and extension pages send to the background. */
export const ToBackgroundSchema = z.discriminatedUnion('type', [
  LossObservedSchema,
  z.object({
    type: z.literal('lesson/save'),
    lossId: z.uuid().optional(),
    lesson: LessonInputSchema,
  }),
  z.object({ type: z.literal('prompt/later'), lossId: z.uuid() }),
  /** Later, with a reminder at `until` (a browser notification opens the reflection). */
  z.object({ type: z.literal('prompt/snooze'), lossId: z.uuid(), until: z.iso.datetime() }),
  /** Skip this deal: never ask about it again. */
  z.object({ type: z.literal('prompt/skip'), lossId: z.uuid() }),
  /**
   * The "what worked" answers for a won deal, stored under the capture's id: as the user types
   * (`done` false), and once more when they save or close it (`done`).
   */
  z.object({
    type: z.literal('win/save'),
    winId: z.uuid(),
    win: WinInputSchema,
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
  /** The answers so far, as the user types. */
  z.object({ type: z.literal('draft/save'), lossId: z.uuid(), values: ReflectionValuesSchema }),
  /**
   * A CRM page asks for a prompt that was waiting for it (the loss happened as it loaded).
   * Reply data: the ToContent message (prompt/open or win/open) it would have been sent.
   */
  z.object({ type: z.literal('prompt/pull') }),
  HealthSchema.extend({ type: z.literal('health/report') }),
  /** The popup asks how detection is doing in a tab. Reply data: Health | undefined. */
  z.object({ type: z.literal('health/get'), tabId: z.number().int() }),
  /** The options page asks how detection is doing in every tab. Reply data: TabHealth[]. */
  z.object({ type: z.literal('health/all') }),
  DealSeenSchema,
]);
export type ToBackground = z.infer<typeof ToBackgroundSchema>;

/** Messages the background sends to a CRM tab's content script. */
export const ToContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('prompt/open'), loss: LossEventSchema }),
  /** Open the "what worked" capture for a confirmed win. */
  z.object({ type: z.literal('win/open'), win: WinEventSchema }),
  /**
   * The background saw the CRM save a stage of this deal, and no detector reported it: what
   * does the page show of the deal (and, with `lookForLoss`, does it now show it lost)?
   * Reply data: PageRead.
   */
  z.object({
    type: z.literal('page/read'),
    dealId: z.string().min(1).max(200),
    lookForLoss: z.boolean(),
    /** When the save was sent (ms since epoch): a page loaded after it shows only what followed. */
    savedAt: z.number().optional(),
  }),
  /** "Test on open tabs": what a user rule sees on this page. Reply data: RuleProbe. */
  z.object({ type: z.literal('rule/probe'), ruleId: z.uuid() }),
]);

/** What a CRM page showed of a deal when the background asked (`page/read`). */
export const PageReadSchema = z.object({
  dealUrl: z.url(),
  deal: DealContextSchema,
  /** The lost label the page came to show after the save, when asked to look for one. */
  lossShown: z.string().max(200).optional(),
  /** The page began loading after the save was sent: it never showed the deal before it. */
  loadedAfterSave: z.boolean().optional(),
});
export type PageRead = z.infer<typeof PageReadSchema>;

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
export type ToContent = z.infer<typeof ToContentSchema>;

/** Every answer: success (with data for questions), or a message a person can read. */
export const ReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown().optional() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type Reply = z.infer<typeof ReplySchema>;
