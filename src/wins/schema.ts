import { z } from 'zod';
import { t } from '../i18n/t';

export const WIN_SCHEMA_VERSION = 1;

const text = (max: number) => z.string().max(max);

/**
 * What the "what worked" capture keeps about one won deal, before the store gives it an id.
 * Deal fields are as the CRM page showed them (untrusted text, shown as text only).
 */
export const WinInputSchema = z.object({
  /** Adapter id (`hubspot`, …). */
  crm: text(40).min(1),
  dealId: text(200).optional(),
  dealName: text(500)
    .trim()
    .min(1, { error: () => t('lesson_error_deal_name') }),
  dealUrl: z.url({ protocol: /^https?$/ }).optional(),
  amount: z.number().finite().optional(),
  currency: text(10).optional(),
  company: text(500).optional(),
  /** The stage the deal was in before it was won. */
  stageBefore: text(200).optional(),
  /** Written answers by question id (src/wins/questions.ts). */
  answers: z.record(z.string().max(80), text(20_000)),
});
export type WinInput = z.infer<typeof WinInputSchema>;

export const WinSchema = WinInputSchema.extend({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  schemaVersion: z.literal(WIN_SCHEMA_VERSION),
});
export type Win = z.infer<typeof WinSchema>;
