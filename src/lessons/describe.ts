import { outcomeLabel } from '../reflection/outcomes';
import {
  answerText,
  CONFIDENCE,
  FEELINGS,
  OTHER_REASON_ANSWER,
  planText,
  QUESTIONS,
  questionLabel,
} from '../reflection/questions';
import { reasonLabel } from '../reflection/reasons';
import type { Lesson } from './schema';

/** A lesson's facts as label/text pairs, in reading order; empty ones left out. */
export function lessonFacts(
  lesson: Lesson,
  formatAmount: (amount: number, currency?: string) => string = (a, c) => `${a} ${c ?? ''}`.trim(),
): [string, string][] {
  const other = lesson.answers[OTHER_REASON_ANSWER];
  const feeling = FEELINGS.find((f) => f.value === lesson.feeling);
  const facts: [string, string | undefined][] = [
    ['Company', lesson.company],
    [
      'Amount',
      lesson.amount === undefined ? undefined : formatAmount(lesson.amount, lesson.currency),
    ],
    ['Stage before', lesson.stageBefore],
    ['Outcome', outcomeLabel(lesson.outcome)],
    ['Reason', reasonLabel(lesson.reason, other) || undefined],
    ['Second reason', reasonLabel(lesson.secondaryReason, other) || undefined],
    ['How sure', CONFIDENCE.find((c) => c.id === lesson.confidence)?.label],
    ['Feeling', feeling && `${feeling.value} of 5 (${feeling.label.toLowerCase()})`],
    ['Reason given in the CRM', lesson.crmLostReason],
    ['Plan', planText(lesson.answers)],
  ];
  return facts.filter((fact): fact is [string, string] => Boolean(fact[1]));
}

/** The written answers as question/answer pairs: today's questions first, then retired ones. */
export function lessonAnswers(lesson: Lesson): [string, string][] {
  const order = QUESTIONS.map((q) => q.id);
  const keys = Object.keys(lesson.answers)
    .filter((key) => key !== OTHER_REASON_ANSWER && lesson.answers[key])
    .sort((a, b) => (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999));
  return keys.map((key) => [questionLabel(key), answerText(key, lesson.answers[key]!)]);
}
