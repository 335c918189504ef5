// zod/mini: this schema is parsed in the content script, which must stay small at load.
import { z } from 'zod/mini';

/** The longest page text each deal field accepts (fitDeal in dom.ts cuts page text to these). */
export const DEAL_TEXT_LIMITS = {
  dealName: 500,
  currency: 10,
  company: 500,
  pipeline: 200,
  stage: 200,
  owner: 200,
  lostReason: 500,
} as const;

const text = (key: keyof typeof DEAL_TEXT_LIMITS) =>
  z.string().check(z.maxLength(DEAL_TEXT_LIMITS[key]));

/** What the page shows about a deal. Every string here came from a CRM page: untrusted text. */
export const DealContextSchema = z.object({
  dealName: text('dealName'),
  amount: z.optional(z.number()),
  currency: z.optional(text('currency')),
  company: z.optional(text('company')),
  pipeline: z.optional(text('pipeline')),
  stage: z.optional(text('stage')),
  owner: z.optional(text('owner')),
  /** The lost reason the user chose in the CRM's own dialog, when the page shows it. */
  lostReason: z.optional(text('lostReason')),
});
export type DealContext = z.infer<typeof DealContextSchema>;
