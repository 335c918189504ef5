// zod/mini, not zod: everything here is parsed by the content script, which must stay small at
// load (issue #8: ≤ 15 kB gzip). Classic zod is ~50 kB gzip of its own; mini schemas compose
// into the classic ones of messages.ts, so the background parses the very same schemas.
import { z } from 'zod/mini';
import { DealContextSchema } from '../crm/types';

/** The longest stage label a loss message carries (arm-page.ts cuts page text to it). */
export const STAGE_MAX = 200;

/**
 * A loss seen on a page: the stage shown changed from an open stage to a lost one. With
 * `result: 'won'`, a win instead (sent only when the user turned on the "what worked" capture).
 */
export const LossObservedSchema = z.object({
  type: z.literal('loss/observed'),
  crm: z.string().check(z.minLength(1), z.maxLength(40)),
  dealId: z.string().check(z.minLength(1), z.maxLength(200)),
  dealUrl: z.url(),
  stageBefore: z.string().check(z.maxLength(STAGE_MAX)),
  stageAfter: z.string().check(z.maxLength(STAGE_MAX)),
  deal: DealContextSchema,
  /** Reported before its save was sent: only a later save confirms it. */
  beforeSave: z.optional(z.boolean()),
  /** Absent means lost, as before wins were looked for. */
  result: z.optional(z.enum(['lost', 'won'])),
});
export type LossObserved = z.infer<typeof LossObservedSchema>;

/** A confirmed deal event, without the page's detection bookkeeping. */
export const DealEventSchema = z.omit(LossObservedSchema, {
  type: true,
  stageAfter: true,
  beforeSave: true,
  result: true,
});

/** A confirmed loss, ready for a reflection. */
export const LossEventSchema = z.extend(DealEventSchema, {
  lossId: z.uuid(),
  /** The user skipped several prompts in a row: ask once whether to change the settings. */
  askAboutSettings: z.optional(z.boolean()),
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

/**
 * A CRM page asks for a prompt that was waiting for it (the loss happened as it loaded).
 * Reply data: the ToContent message (prompt/open or win/open) it would have been sent.
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
  LossObservedSchema,
  HealthReportSchema,
  PromptPullSchema,
  PanelLoadSchema,
]);
export type ContentToBackground = z.infer<typeof ContentToBackgroundSchema>;

/** Messages the background sends to a CRM tab's content script. */
export const ToContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('prompt/open'), loss: LossEventSchema }),
  /** Open the "what worked" capture for a confirmed win. */
  z.object({ type: z.literal('win/open'), win: WinEventSchema }),
  /** "Test on open tabs": what a user rule sees on this page. Reply data: RuleProbe. */
  z.object({ type: z.literal('rule/probe'), ruleId: z.uuid() }),
]);
export type ToContent = z.infer<typeof ToContentSchema>;

export const RuleProbeSchema = z.object({
  url: z.string(),
  ruleName: z.string(),
  dealName: z.string(),
  amount: z.optional(z.number()),
  /** The stage element's text, when the rule names one and it is on the page. */
  stage: z.optional(z.string()),
  stageIsLost: z.boolean(),
  lostButtonFound: z.boolean(),
  /** Named elements the rule asks for that this page does not have. */
  missing: z.array(z.string()),
});
export type RuleProbe = z.infer<typeof RuleProbeSchema>;

/** Every answer: success (with data for questions), or a message a person can read. */
export const ReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.optional(z.unknown()) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type Reply = z.infer<typeof ReplySchema>;
