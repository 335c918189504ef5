import { z } from 'zod';
import { AnswersSchema, DealFieldsSchema } from './schema';

export const WIN_SCHEMA_VERSION = 1;

/** What the "what worked" capture keeps about one won deal, before the store gives it an id. */
export const WinInputSchema = DealFieldsSchema.extend({
  /** Written answers by question id (src/lessons/win-questions.ts). */
  answers: AnswersSchema,
});
export type WinInput = z.infer<typeof WinInputSchema>;

export const WinSchema = WinInputSchema.extend({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  schemaVersion: z.literal(WIN_SCHEMA_VERSION),
});
export type Win = z.infer<typeof WinSchema>;
