import type { Lesson } from '../lessons/schema';
import { outcomeLabel } from '../reflection/outcomes';
import { OTHER_REASON_ANSWER, planText } from '../reflection/questions';
import { reasonLabel } from '../reflection/reasons';
import { formatDate } from './format';

/** One lesson in a list: deal, date, reason, and the "next time" plan. */
export function LessonSummary({ lesson }: { lesson: Lesson }) {
  const reason =
    reasonLabel(lesson.reason, lesson.answers[OTHER_REASON_ANSWER]) || outcomeLabel(lesson.outcome);
  const plan = planText(lesson.answers);
  return (
    <div>
      <div class="lesson-name">{lesson.dealName}</div>
      <div class="lesson-meta">
        <time dateTime={lesson.createdAt}>{formatDate(lesson.createdAt)}</time>
        {lesson.company && <> · {lesson.company}</>} · {reason}
      </div>
      {plan && <p class="lesson-next">{plan}</p>}
    </div>
  );
}
