import { z } from 'zod';

/**
 * A deal to reflect on, named in the reflect page's URL ("Missed a loss?" in the popup): the
 * form starts with its name and company, still editable. From a URL, so parsed like any input.
 */
export const DealPrefillSchema = z.object({
  crm: z.string().min(1).max(40),
  dealId: z.string().min(1).max(200),
  dealUrl: z.url({ protocol: /^https?$/ }),
  dealName: z.string().trim().min(1).max(500),
  company: z.string().max(500).optional(),
});
export type DealPrefill = z.infer<typeof DealPrefillSchema>;
