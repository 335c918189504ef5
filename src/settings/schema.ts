import { z } from 'zod';
import { t } from '../i18n/t';
import { CaptureWinsSchema } from './detection';
import { ruleHostProblem } from './rule-host';

/** A user's rule for a CRM Rebound has no adapter for. */
export const CustomRuleSchema = z
  .object({
    id: z.uuid(),
    name: z
      .string()
      .trim()
      .min(1, { error: () => t('rule_error_name') })
      .max(80),
    /** A match pattern such as https://crm.example.com/deals/* */
    urlPattern: z
      .string()
      .trim()
      .regex(/^https?:\/\/(\*|\*\.[^/*]+|[^/*]+)\/.*$/, { error: () => t('rule_error_pattern') }),
    /** The element whose text is the deal's stage (or status). */
    stageSelector: z.string().trim().max(500).default(''),
    /** A button that marks the deal lost, for CRMs that have one. */
    lostButtonSelector: z.string().trim().max(500).default(''),
    /** The text that means lost: plain, or /regex/flags. */
    lostText: z
      .string()
      .trim()
      .min(1, { error: () => t('rule_error_lost_text') })
      .max(200),
    dealNameSelector: z.string().trim().max(500).default(''),
    amountSelector: z.string().trim().max(500).default(''),
    /**
     * Where a page says which deal it shows (src/crm/custom/deal-id.ts): the whole path (the
     * default, and what rules saved before this field meant), one path segment, a query
     * parameter, the hash, or an element's text. A CRM that routes by `?id=` or by hash shows
     * every deal at one path: identified by path, all its deals would be one deal.
     */
    dealIdFrom: z.enum(['path', 'segment', 'query', 'hash', 'element']).default('path'),
    /** The segment's position (1 = first), the parameter's name, or the element's CSS selector. */
    dealIdKey: z.string().trim().max(500).default(''),
  })
  .superRefine((rule, ctx) => {
    const needsKey =
      rule.dealIdFrom === 'segment' || rule.dealIdFrom === 'query' || rule.dealIdFrom === 'element';
    if (needsKey && !rule.dealIdKey) {
      ctx.addIssue({ code: 'custom', path: ['dealIdKey'], message: t('rule_error_deal_id_key') });
    } else if (rule.dealIdFrom === 'segment' && !/^[1-9]\d?$/.test(rule.dealIdKey)) {
      ctx.addIssue({
        code: 'custom',
        path: ['dealIdKey'],
        message: t('rule_error_deal_id_segment'),
      });
    }
  });
export type CustomRule = z.infer<typeof CustomRuleSchema>;

/**
 * A rule as the options page saves it: also for one CRM's https host, never every site nor
 * every site under a public suffix (src/settings/rule-host.ts). Stored rules are read with
 * CustomRuleSchema, which does not check the host: a rule saved before this check keeps the
 * whole list readable, and is never registered nor asked for (src/background/custom-rules.ts).
 */
export const SavableCustomRuleSchema = CustomRuleSchema.superRefine((rule, ctx) => {
  const problem = ruleHostProblem(rule.urlPattern);
  if (problem) ctx.addIssue({ code: 'custom', path: ['urlPattern'], message: problem });
});

/** When Rebound asks: saved together by the options page's "When Rebound asks" section. */
export const AskSettingsSchema = z.object({
  /** Don't ask about deals worth less than this (in the deal's own currency). */
  minAmount: z.number().nonnegative().optional(),
  /** At most this many in-page prompts a day; later losses wait in the popup. */
  dailyCap: z.number().int().min(1).max(100).default(10),
  /** Show the short self-compassion line on the prompt. */
  kindLine: z.boolean().default(true),
  captureWins: CaptureWinsSchema,
});
export type AskSettings = z.infer<typeof AskSettingsSchema>;

/** A time of day, `HH:MM` (24 h), as an `<input type="time">` gives it. */
const TimeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: () => t('comeback_reminder_time_invalid') });

/**
 * Lessons that come back (issue #11), saved together by the options page's "Lessons that come
 * back" section: the popup's review, its badge and daily reminder, the second look at a loss,
 * the similar-deal chip on open deals and the plans whose cue comes back at its moment.
 */
export const ComeBackSettingsSchema = z.object({
  /** The toolbar badge shows how many lessons are due for review. */
  reviewBadge: z.boolean().default(true),
  /** A daily notification at `reminderTime` (local time) that opens the review, when on. */
  reminder: z.boolean().default(false),
  reminderTime: TimeOfDaySchema.default('09:00'),
  /** Two to four weeks after a loss, its review asks "Learned anything new about why?". */
  secondLook: z.boolean().default(true),
  /** The "lessons from similar deals" chip on open deals in supported CRMs. */
  similarDeals: z.boolean().default(true),
  /** CRM adapter ids where the chip stays off although `similarDeals` is on. */
  similarDealsOffIn: z.array(z.string().min(1).max(40)).max(50).default([]),
  /** An if-then plan whose cue names a stage or situation comes back when a deal shows it. */
  cuePlans: z.boolean().default(true),
});
export type ComeBackSettings = z.infer<typeof ComeBackSettingsSchema>;

/** Skips in a row after which Rebound asks, once, whether to change the settings. */
export const SKIP_STREAK = 3;
