import { z } from 'zod';
import { t } from '../i18n/t';
import { OUTCOME_IDS } from './outcomes';

export const LESSON_SCHEMA_VERSION = 1;

const text = (max: number) => z.string().max(max);

/** The longest written answer a lesson keeps; the form stops typing there (and says so). */
export const ANSWER_MAX = 20_000;
/** The longest deal or company name a lesson keeps. */
export const NAME_MAX = 500;

/**
 * The deal a lesson (or a "what worked" note) is about, as the CRM page showed it: untrusted
 * text, shown as text only.
 */
export const DealFieldsSchema = z.object({
  /** Adapter id (`hubspot`, …) or `manual` for losses entered by hand. */
  crm: text(40).min(1),
  dealId: text(200).optional(),
  dealName: text(NAME_MAX)
    .trim()
    .min(1, { error: () => t('lesson_error_deal_name') }),
  dealUrl: z.url({ protocol: /^https?$/ }).optional(),
  amount: z.number().finite().optional(),
  currency: text(10).optional(),
  company: text(NAME_MAX).optional(),
  /** The stage the deal was in before it was lost (or won). */
  stageBefore: text(200).optional(),
});

/** The most tags one lesson keeps, and the longest tag. */
export const TAGS_MAX = 30;
export const TAG_MAX = 40;
export const TagSchema = z.string().trim().min(1).max(TAG_MAX);

/** The most edits one lesson remembers; the oldest are let go first (src/db/lesson-edits.ts). */
export const HISTORY_MAX = 200;

/**
 * One field an edit changed, and what it held before: `field` is a lesson field (`reason`,
 * `dealName`, …) or `answers.<question id>`; `previous` is absent when the field was empty.
 */
export const LessonEditSchema = z.object({
  at: z.iso.datetime(),
  field: z.string().min(1).max(120),
  previous: z.union([z.string().max(ANSWER_MAX), z.number().finite()]).optional(),
});
export type LessonEdit = z.infer<typeof LessonEditSchema>;

/** Written answers by question id. */
export const AnswersSchema = z.record(z.string().max(80), text(ANSWER_MAX));

/** What a reflection captures about one lost deal, before the store gives it an id. */
export const LessonInputSchema = DealFieldsSchema.extend({
  outcome: z.enum(OUTCOME_IDS, { error: () => t('lesson_error_outcome') }),
  reason: text(200).optional(),
  secondaryReason: text(200).optional(),
  /** How sure the rep is of the reason: my guess · fairly sure · the buyer told me. */
  confidence: z.enum(['guess', 'fairly-sure', 'buyer-told-me']).optional(),
  /** "How are you feeling about this one?" 1 (rough) to 5 (good). */
  feeling: z.number().int().min(1).max(5).optional(),
  /** The lost reason chosen in the CRM's own dialog, as the page showed it. */
  crmLostReason: text(500).optional(),
  mode: z.enum(['quick', 'deep']).optional(),
  /** The question set it was answered with (src/lessons/questions.ts TEMPLATE_VERSION). */
  templateVersion: z.number().int().positive().optional(),
  /** Written answers by question id (src/lessons/template.ts). */
  answers: AnswersSchema,
  /** The user's own labels ("enterprise", "Q4 push"), unique ignoring case (src/lessons/tags.ts). */
  tags: z.array(TagSchema).max(TAGS_MAX).optional(),
  /** What an edit replaced, oldest first: a lesson's first thought is never lost. */
  history: z.array(LessonEditSchema).max(HISTORY_MAX).optional(),
});
export type LessonInput = z.infer<typeof LessonInputSchema>;

export const LessonSchema = LessonInputSchema.extend({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  schemaVersion: z.literal(LESSON_SCHEMA_VERSION),
});
export type Lesson = z.infer<typeof LessonSchema>;

/** The first problem of a failed parse, naming the field, for messages a person reads. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return t('error_invalid_data');
  const path = issue.path.join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
