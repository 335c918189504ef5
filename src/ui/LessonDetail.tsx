import type { Lesson } from '../lessons/schema';
import { outcomeLabel } from '../reflection/outcomes';
import { OTHER_REASON_ANSWER, QUESTIONS } from '../reflection/questions';
import { reasonLabel } from '../reflection/reasons';
import { formatAmount, formatDateTime } from './format';

/** Everything a lesson holds, as text. */
export function LessonDetail({ id, lesson }: { id: string; lesson: Lesson }) {
  const facts: [string, string | undefined][] = [
    ['Saved', formatDateTime(lesson.createdAt)],
    ['Company', lesson.company],
    ['Amount', formatAmount(lesson.amount, lesson.currency) || undefined],
    ['Stage before', lesson.stageBefore],
    ['Outcome', outcomeLabel(lesson.outcome)],
    ['Reason', reasonLabel(lesson.reason, lesson.answers[OTHER_REASON_ANSWER]) || undefined],
  ];
  return (
    <div id={id}>
      <dl class="answers">
        {facts
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        {QUESTIONS.map((q) => (
          <div key={q.id}>
            <dt>{q.label}</dt>
            <dd>{lesson.answers[q.id] || <span class="muted">—</span>}</dd>
          </div>
        ))}
      </dl>
      {lesson.dealUrl && (
        <p>
          <a href={lesson.dealUrl} target="_blank" rel="noreferrer noopener">
            Open the deal in {lesson.crm === 'hubspot' ? 'HubSpot' : 'the CRM'}
          </a>
        </p>
      )}
    </div>
  );
}
