// zod/mini, not zod: everything here is parsed by the content script, which must stay small at
// load (issue #8: ≤ 15 kB gzip). Classic zod is ~50 kB gzip of its own; mini schemas compose
// into the classic ones of messages.ts, so the background parses the very same schemas.
import { z } from 'zod/mini';
import { DealContextSchema } from '../lessons/deal';

/** The longest stage label a loss message carries (arm-page.ts cuts page text to it). */
export const STAGE_MAX = 200;
/** The longest deal id a loss message carries. */
export const DEAL_ID_MAX = 200;

/**
 * A loss seen on a page: the stage shown changed from an open stage to a lost one. With
 * `outcome: 'won'`, a win instead (sent only when the user turned on the "what worked" capture).
 */
export const OutcomeObservedSchema = z.object({
  type: z.literal('outcome/observed'),
  crm: z.string().check(z.minLength(1), z.maxLength(40)),
  dealId: z.string().check(z.minLength(1), z.maxLength(DEAL_ID_MAX)),
  dealUrl: z.url(),
  stageBefore: z.string().check(z.maxLength(STAGE_MAX)),
  stageAfter: z.string().check(z.maxLength(STAGE_MAX)),
  deal: DealContextSchema,
  /** Reported before its save was sent: only a later save confirms it. */
  beforeSave: z.optional(z.boolean()),
  /** Reported from the user's action, not the saved state (Observation.intent). */
  intent: z.optional(z.boolean()),
  outcome: z.enum(['lost', 'won']),
});
export type OutcomeObserved = z.infer<typeof OutcomeObservedSchema>;

/** A confirmed deal event, without the page's detection bookkeeping. */
export const DealEventSchema = z.omit(OutcomeObservedSchema, {
  type: true,
  stageAfter: true,
  beforeSave: true,
  intent: true,
  outcome: true,
});

/** A confirmed loss, ready for a reflection. */
export const LossEventSchema = z.extend(DealEventSchema, {
  lossId: z.uuid(),
  /** The user skipped several prompts in a row: ask once whether to change the settings. */
  askAboutSettings: z.optional(z.boolean()),
  /** The page did not show the deal's name (only the CRM's save told of the loss): ask for it. */
  askDeal: z.optional(z.boolean()),
});
export type LossEvent = z.infer<typeof LossEventSchema>;

/** A confirmed win, ready for the "what worked" capture. */
export const WinEventSchema = z.extend(DealEventSchema, { winId: z.uuid() });
export type WinEvent = z.infer<typeof WinEventSchema>;

/** What a content script found missing on its page ("stage field"), or nothing. */
export const HealthSchema = z.object({
  crm: z.string().check(z.minLength(1), z.maxLength(40)),
  url: z.url(),
  missing: z.optional(z.string().check(z.maxLength(200))),
});
export type Health = z.infer<typeof HealthSchema>;

export const HealthReportSchema = z.extend(HealthSchema, { type: z.literal('health/report') });

/** A deal record page a CRM tab shows: kept for the popup's "Missed a loss?". */
export const DealSeenSchema = z.object({
  type: z.literal('deal/seen'),
  crm: z.string().check(z.minLength(1), z.maxLength(40)),
  dealId: z.string().check(z.minLength(1), z.maxLength(DEAL_ID_MAX)),
  dealUrl: z.url(),
  dealName: z.string().check(z.minLength(1), z.maxLength(500)),
  amount: z.optional(z.number()),
  company: z.optional(z.string().check(z.maxLength(500))),
});
export type DealSeen = z.infer<typeof DealSeenSchema>;

/**
 * A past lesson as an open deal's page shows it (the similar-deal chip, issue #11): only what the
 * chip shows, built by the background from the stored lesson. Untrusted text (it came from CRM
 * pages and the user's answers): the chip renders it as text only.
 */
export const LessonCardSchema = z.object({
  lessonId: z.uuid(),
  dealName: z.string().check(z.maxLength(500)),
  /** The reason's label in the user's template (or the outcome's), when the lesson has one. */
  reason: z.optional(z.string().check(z.maxLength(200))),
  /** The if-then plan as one sentence (planText in src/lessons/questions.ts). */
  plan: z.optional(z.string().check(z.maxLength(2000))),
  createdAt: z.iso.datetime(),
  /** Why it matches this deal, in words ("same company", "lost at Proposal twice"). */
  why: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(6)),
});
export type LessonCard = z.infer<typeof LessonCardSchema>;

/**
 * What the background found for an open deal: a plan whose cue this deal shows now (at most once
 * per lesson and deal), then the lessons of similar deals, best first. Empty: no chip.
 */
export const DealMatchesSchema = z.object({
  cue: z.optional(LessonCardSchema),
  similar: z.array(LessonCardSchema).check(z.maxLength(5)),
});
export type DealMatches = z.infer<typeof DealMatchesSchema>;

/**
 * An open deal's record page, as it rendered (src/detection/deal-seen.ts): does the background
 * have lessons of similar deals, or a plan whose cue this deal shows? Answered with DealMatches,
 * or nothing (no chip). `stageEntered`: the page saw the deal move into its stage just now.
 */
export const DealOpenSchema = z.object({
  type: z.literal('deal/open'),
  crm: z.string().check(z.minLength(1), z.maxLength(40)),
  dealId: z.string().check(z.minLength(1), z.maxLength(DEAL_ID_MAX)),
  dealUrl: z.url(),
  deal: DealContextSchema,
  stageEntered: z.optional(z.boolean()),
});
export type DealOpen = z.infer<typeof DealOpenSchema>;

/**
 * A CRM page asks for a prompt that was waiting for it (the loss happened as it loaded): the
 * reply is the ToContent message (prompt/open or win/open) it would have been sent.
 */
export const PromptPullSchema = z.object({ type: z.literal('prompt/pull') });

/**
 * A content script is about to open a panel (or may soon: it saw a loss): the background runs
 * the panel's script (entrypoints/panel.ts) in that frame, in the content script's world.
 */
export const PanelLoadSchema = z.object({ type: z.literal('panel/load') });

/**
 * What the content script itself sends before any panel is loaded. Each is also a member of
 * ToBackgroundSchema (messages.ts), which the background parses; the panels send the rest.
 */
export const ContentToBackgroundSchema = z.discriminatedUnion('type', [
  OutcomeObservedSchema,
  HealthReportSchema,
  PromptPullSchema,
  PanelLoadSchema,
  DealSeenSchema,
  DealOpenSchema,
]);
export type ContentToBackground = z.infer<typeof ContentToBackgroundSchema>;

/** Messages the background sends to a CRM tab's content script. */
export const ToContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('prompt/open'), loss: LossEventSchema }),
  /** Open the "what worked" capture for a confirmed win. */
  z.object({ type: z.literal('win/open'), win: WinEventSchema }),
  /**
   * The background saw the CRM save a stage of this deal, and no detector reported it: what
   * does the page show of the deal (and, with `lookForLoss`, does it now show it lost)?
   * Answered with a PageRead (messages.ts).
   */
  z.object({
    type: z.literal('page/read'),
    dealId: z.string().check(z.minLength(1), z.maxLength(DEAL_ID_MAX)),
    lookForLoss: z.boolean(),
    /** When the save was sent (ms since epoch): a page loaded after it shows only what followed. */
    savedAt: z.optional(z.number()),
  }),
  /** "Test on open tabs": what a user rule sees on this page, answered with a RuleProbe. */
  z.object({ type: z.literal('rule/probe'), ruleId: z.uuid() }),
]);
export type ToContent = z.infer<typeof ToContentSchema>;

/**
 * The answer on the wire: success (with the data the request type's reply schema describes), or
 * a message a person can read. Only the envelope: the sender parses `data` with the schema of
 * what it asked (sendParsed in content-transport.ts).
 */
export const ReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.optional(z.unknown()) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

/** A reply whose data is `T` (left out when `T` allows nothing: most requests answer no data). */
export type Reply<T = undefined> =
  | (undefined extends T ? { ok: true; data?: T } : { ok: true; data: T })
  | { ok: false; error: string };

/** For each request type of a direction, the schema of its reply's data. */
export type ReplyMap<M extends { type: string }> = { [K in M['type']]: z.core.$ZodType };

/** The reply a request of type `K` gets, typed by the map of its direction. */
export type ReplyTo<Map extends Record<string, z.core.$ZodType>, K extends keyof Map> = Reply<
  z.output<Map[K]>
>;

/**
 * What answers each request type of a direction: a handler per type, whose reply is checked
 * against that type's reply schema at compile time.
 */
export type Handlers<M extends { type: string }, Map extends ReplyMap<M>, Sender> = {
  [K in M['type']]: (message: Extract<M, { type: K }>, sender: Sender) => Promise<ReplyTo<Map, K>>;
};

/** The reply data of a request answered with success alone. */
export const NO_DATA = z.undefined();

/**
 * The reply data of each message the content script sends (zod/mini, like the messages). The
 * background's own map (messages.ts) includes these.
 */
export const ContentToBackgroundReplies = {
  'outcome/observed': NO_DATA,
  'health/report': NO_DATA,
  /** The prompt (prompt/open or win/open) that was waiting for this tab, if one was. */
  'prompt/pull': z.optional(ToContentSchema),
  'panel/load': NO_DATA,
  'deal/seen': NO_DATA,
  /** Nothing when the deal's page shows no chip. */
  'deal/open': z.optional(DealMatchesSchema),
} satisfies ReplyMap<ContentToBackground>;
