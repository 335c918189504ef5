import { z } from 'zod';
import type { DealContext } from './deal';
import { ANSWER_MAX, NAME_MAX } from './schema';
import { reasonFromCrm, type Template } from './template';

/** What the form holds while the user answers: also what a draft keeps. */
export const ReflectionValuesSchema = z.object({
  mode: z.enum(['quick', 'deep']),
  outcome: z.string().max(40),
  reason: z.string().max(200),
  secondaryReason: z.string().max(200),
  confidence: z.string().max(40),
  feeling: z.number().int().min(1).max(5).optional(),
  answers: z.record(z.string().max(80), z.string().max(ANSWER_MAX)),
  /** Only asked when no CRM page told us (manual entry). */
  dealName: z.string().max(NAME_MAX),
  company: z.string().max(NAME_MAX),
});
export type ReflectionValues = z.infer<typeof ReflectionValuesSchema>;

export const EMPTY_VALUES: ReflectionValues = {
  mode: 'quick',
  outcome: '',
  reason: '',
  secondaryReason: '',
  confidence: '',
  feeling: undefined,
  answers: {},
  dealName: '',
  company: '',
};

/** The form's starting point for a loss: the reason the user already gave the CRM, if it is one of ours. */
export function initialValues(deal: DealContext | undefined, template: Template): ReflectionValues {
  const reason = reasonFromCrm(template, deal?.lostReason);
  // A fresh answers object: EMPTY_VALUES is shared and must never be written through.
  return {
    ...EMPTY_VALUES,
    answers: {},
    reason: reason ?? '',
    confidence: reason ? 'fairly-sure' : '',
  };
}
