import { lessonFieldLabel } from './field-labels';
import { outcomeLabel } from './outcomes';
import { CONFIDENCE, FEELINGS, OTHER_REASON_ANSWER } from './questions';
import type { LessonEdit } from './schema';
import { answerText, questionLabel, reasonLabel, type Template } from './template';
import { t } from '../i18n/t';

/** The prefix of an answer's field in an edit: `answers.planAction`. */
export const ANSWER_FIELD = 'answers.';

/** The field an edit changed, in words: an answer by its question's label. */
export function editFieldLabel(template: Template, field: string): string {
  if (!field.startsWith(ANSWER_FIELD)) return lessonFieldLabel(field) ?? field;
  const id = field.slice(ANSWER_FIELD.length);
  return id === OTHER_REASON_ANSWER ? t('form_other_reason') : questionLabel(template, id);
}

/** What the field held before the edit, as a reader sees it (labels, not ids); undefined: empty. */
export function previousText(
  template: Template,
  edit: LessonEdit,
  formatAmount: (amount: number) => string,
): string | undefined {
  const { field, previous } = edit;
  if (previous === undefined) return undefined;
  if (typeof previous === 'number')
    return field === 'feeling'
      ? (FEELINGS.find((f) => f.value === previous)?.label ?? String(previous))
      : formatAmount(previous);
  if (field.startsWith(ANSWER_FIELD))
    return answerText(template, field.slice(ANSWER_FIELD.length), previous);
  if (field === 'reason' || field === 'secondaryReason') return reasonLabel(template, previous);
  if (field === 'outcome') return outcomeLabel(previous);
  if (field === 'confidence') return CONFIDENCE.find((c) => c.id === previous)?.label ?? previous;
  return previous;
}
