import { z } from 'zod';
import { DEFAULT_LOST_LABELS } from '../crm/stage-labels';

/** A user's rule for a CRM Rebound has no adapter for. */
export const CustomRuleSchema = z.object({
  id: z.uuid(),
  name: z.string().trim().min(1, 'Give the rule a name').max(80),
  /** A match pattern such as https://crm.example.com/deals/* */
  urlPattern: z
    .string()
    .trim()
    .regex(
      /^https?:\/\/(\*|\*\.[^/*]+|[^/*]+)\/.*$/,
      'Use a pattern like https://crm.example.com/deals/*',
    ),
  /** The element whose text is the deal's stage (or status). */
  stageSelector: z.string().trim().max(500).default(''),
  /** A button that marks the deal lost, for CRMs that have one. */
  lostButtonSelector: z.string().trim().max(500).default(''),
  /** The text that means lost: plain, or /regex/flags. */
  lostText: z.string().trim().min(1, 'Say which text means lost').max(200),
  dealNameSelector: z.string().trim().max(500).default(''),
  amountSelector: z.string().trim().max(500).default(''),
});
export type CustomRule = z.infer<typeof CustomRuleSchema>;

export const SETTINGS_VERSION = 1;

export const SettingsSchema = z.object({
  /** Stage labels that mean lost, in any CRM (plain text or /regex/flags). */
  lostLabels: z.array(z.string().max(200)).max(200),
  customRules: z.array(CustomRuleSchema).max(50),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  lostLabels: [...DEFAULT_LOST_LABELS],
  customRules: [],
};
