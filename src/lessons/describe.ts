import { outcomeLabel } from './outcomes';
import { CONFIDENCE, FEELINGS, OTHER_REASON_ANSWER, planText } from './questions';
import { answerText, questionLabel, reasonLabel, reasonOf, type Template } from './template';
import type { Lesson } from './schema';
import { t } from '../i18n/t';

/** A lesson's facts as label/text pairs, in reading order; empty ones left out. */
export function lessonFacts(
  lesson: Lesson,
  template: Template,
  formatAmount: (amount: number, currency?: string) => string = (a, c) => `${a} ${c ?? ''}`.trim(),
): [string, string][] {
  const other = lesson.answers[OTHER_REASON_ANSWER];
  const feeling = FEELINGS.find((f) => f.value === lesson.feeling);
  const facts: [string, string | undefined][] = [
    [t('fact_company'), lesson.company],
    [
      t('fact_amount'),
      lesson.amount === undefined ? undefined : formatAmount(lesson.amount, lesson.currency),
    ],
    [t('fact_stage_before'), lesson.stageBefore],
    [t('fact_outcome'), outcomeLabel(lesson.outcome)],
    [t('fact_reason'), reasonText(template, lesson.reason, other)],
    [t('fact_controllable'), controllableText(template, lesson.reason)],
    [t('fact_second_reason'), reasonText(template, lesson.secondaryReason, other)],
    [t('fact_confidence'), CONFIDENCE.find((c) => c.id === lesson.confidence)?.label],
    [
      t('fact_feeling'),
      feeling && t('fact_feeling_value', [feeling.value, feeling.label.toLowerCase()]),
    ],
    [t('fact_crm_reason'), lesson.crmLostReason],
    [t('fact_plan'), planText(lesson.answers)],
  ];
  return facts.filter((fact): fact is [string, string] => Boolean(fact[1]));
}

/** A reason as a lesson's detail shows it: a merged one names the reason it was written as. */
function reasonText(template: Template, id: string | undefined, other: string | undefined) {
  const label = reasonLabel(template, id, other);
  const written = id && template.reasons[id];
  return written && written.mergedInto
    ? t('fact_reason_merged', [label, written.label])
    : label || undefined;
}

/** "Yes" or "No" for a reason the user has marked within their control or not. */
export function controllableText(template: Template, reason: string | undefined) {
  const info = reasonOf(template, reason);
  return info && (info.controllable ? t('fact_controllable_yes') : t('fact_controllable_no'));
}

/** The written answers as question/answer pairs: today's questions first, then retired ones. */
export function lessonAnswers(lesson: Lesson, template: Template): [string, string][] {
  const order = template.questions.map((q) => q.id);
  const keys = Object.keys(lesson.answers)
    .filter((key) => key !== OTHER_REASON_ANSWER && lesson.answers[key])
    .sort((a, b) => (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999));
  return keys.map((key) => [
    questionLabel(template, key),
    answerText(template, key, lesson.answers[key]!),
  ]);
}
