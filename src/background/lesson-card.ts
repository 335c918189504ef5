import { clipText } from '../detection/dom';
import { outcomeLabel } from '../lessons/outcomes';
import { OTHER_REASON_ANSWER, planText } from '../lessons/questions';
import type { Lesson } from '../lessons/schema';
import { reasonLabel, type Template } from '../lessons/template';
import { LessonCardSchema, type LessonCard } from '../messaging/messages';

/**
 * A stored lesson as an open deal's page shows it (the similar-deal chip and the cue plan): only
 * what the card shows, cut to the schema, with why it is shown there.
 */
export function lessonCard(lesson: Lesson, why: readonly string[], template: Template): LessonCard {
  const reason =
    reasonLabel(template, lesson.reason, lesson.answers[OTHER_REASON_ANSWER]) ||
    outcomeLabel(lesson.outcome);
  return LessonCardSchema.parse({
    lessonId: lesson.id,
    dealName: clipText(lesson.dealName, 500),
    reason: clipText(reason, 200),
    plan: clipText(planText(lesson.answers), 2000),
    createdAt: lesson.createdAt,
    why: why.slice(0, 6).map((w) => clipText(w, 200)),
  });
}
