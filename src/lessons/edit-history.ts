import { lessonFieldLabel } from './field-labels';
import { outcomeLabel } from './outcomes';
import { CONFIDENCE, FEELINGS, OTHER_REASON_ANSWER } from './questions';
import type { Lesson, LessonEdit } from './schema';
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

/** The parts of a lesson its first thought is read from. */
type Remembered = Pick<Lesson, 'reason' | 'outcome' | 'answers' | 'history'>;

/**
 * What a field held when the lesson was first saved: the `previous` of its oldest edit (the
 * history is oldest first), else what it holds now. Past HISTORY_MAX edits the oldest kept one
 * stands in for it.
 */
export function firstValue(
  lesson: Remembered,
  field: string,
  current: string | undefined,
): string | number | undefined {
  const oldest = lesson.history?.find((edit) => edit.field === field);
  return oldest ? oldest.previous : current;
}

const asText = (value: string | number | undefined) =>
  typeof value === 'number' ? String(value) : value;

/** A lesson's first thought about why it was lost beside what it says now, in words. */
export type ReasonDrift = { first: string; later: string };

/**
 * "What did I learn later?" (the product's edge 6): when an edit changed a lesson's reason or
 * its outcome, what the user first thought and what the lesson says now, each the changed parts
 * by their labels ("Price / value" → "No access to the decision maker"). Compared as labels, so
 * a reason merged into another, or changed and changed back, is no change. Undefined when
 * nothing changed, and when the first save named no reason and only a reason was added later:
 * filling in a blank is not a second thought.
 */
export function reasonDrift(lesson: Remembered, template: Template): ReasonDrift | undefined {
  const first: string[] = [];
  const later: string[] = [];
  const firstReason = asText(firstValue(lesson, 'reason', lesson.reason));
  if (firstReason) {
    const field = ANSWER_FIELD + OTHER_REASON_ANSWER;
    const otherNow = lesson.answers[OTHER_REASON_ANSWER];
    const was = reasonLabel(template, firstReason, asText(firstValue(lesson, field, otherNow)));
    const is = lesson.reason
      ? reasonLabel(template, lesson.reason, otherNow)
      : t('insights_no_reason');
    if (was !== is) {
      first.push(was);
      later.push(is);
    }
  }
  const firstOutcome = asText(firstValue(lesson, 'outcome', lesson.outcome));
  if (firstOutcome && firstOutcome !== lesson.outcome) {
    first.push(outcomeLabel(firstOutcome));
    later.push(outcomeLabel(lesson.outcome));
  }
  return first.length ? { first: first.join(' · '), later: later.join(' · ') } : undefined;
}
