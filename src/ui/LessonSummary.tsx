import type { Lesson } from '../lessons/schema';
import { outcomeLabel } from '../lessons/outcomes';
import { OTHER_REASON_ANSWER, planText } from '../lessons/questions';
import { reasonLabel, reasonOf, type Template } from '../lessons/template';
import { formatDate } from './format';

/** One lesson in a list: deal, date, reason (in its colour), and the "next time" plan. */
export function LessonSummary({ lesson, template }: { lesson: Lesson; template: Template }) {
  const plan = planText(lesson.answers);
  return (
    <div>
      <div class="lesson-name">{lesson.dealName}</div>
      <div class="lesson-meta">
        <time dateTime={lesson.createdAt}>{formatDate(lesson.createdAt)}</time>
        {lesson.company && <> · {lesson.company}</>} ·{' '}
        <LessonReason lesson={lesson} template={template} />
      </div>
      {plan && <p class="lesson-next">{plan}</p>}
    </div>
  );
}

/** A lesson's reason in its colour, or its outcome when it has no reason; as the lists show it. */
export function LessonReason({ lesson, template }: { lesson: Lesson; template: Template }) {
  const reason =
    reasonLabel(template, lesson.reason, lesson.answers[OTHER_REASON_ANSWER]) ||
    outcomeLabel(lesson.outcome);
  const colour = reasonOf(template, lesson.reason)?.colour;
  return (
    <>
      {colour && <span class="reason-dot" aria-hidden="true" style={{ background: colour }} />}
      {reason}
    </>
  );
}
