import { z } from 'zod';
import { t } from '../i18n/t';
import { DEFAULT_LOST_LABELS } from '../crm/stage-labels';
import { TemplateSettingsSchema } from '../reflection/template';
import { DetectionSettingsSchema } from './detection';

const detection = DetectionSettingsSchema.shape;

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

export const SETTINGS_VERSION = 1;

// Fields added after version 1 carry defaults, so settings saved before them still read.
export const SettingsSchema = z.object({
  /** Stage labels that mean lost, in any CRM (plain text or /regex/flags). */
  lostLabels: detection.lostLabels,
  customRules: z.array(CustomRuleSchema).max(50),
  /** Don't ask about deals worth less than this (in the deal's own currency). */
  minAmount: z.number().nonnegative().optional(),
  /** At most this many in-page prompts a day; later losses wait in the popup. */
  dailyCap: z.number().int().min(1).max(100).default(10),
  /** Show the short self-compassion line on the prompt. */
  kindLine: z.boolean().default(true),
  /** Asked once, after several skips in a row, whether to ask less often. */
  skipStreakAsked: z.boolean().default(false),
  /** The user's questions and reasons; absent until they edit them (the built-in ones apply). */
  template: TemplateSettingsSchema.optional(),
  /**
   * Opt-in: when a deal is marked won, a three-question "what worked" capture. Off by default,
   * so nothing changes for people who did not ask for it.
   */
  captureWins: detection.captureWins,
  /** Stage labels that mean won, for that capture (plain text or /regex/flags). */
  wonLabels: detection.wonLabels,
});
export type Settings = z.infer<typeof SettingsSchema>;

/** The schema's own defaults, with the lists that have none. */
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({
  lostLabels: [...DEFAULT_LOST_LABELS],
  customRules: [],
});

/** Skips in a row after which Rebound asks, once, whether to change the settings. */
export const SKIP_STREAK = 3;
