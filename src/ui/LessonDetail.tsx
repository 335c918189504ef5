import { lessonAnswers, lessonFacts } from '../lessons/describe';
import type { Lesson } from '../lessons/schema';
import { formatAmount, formatDateTime } from './format';

/** Everything a lesson holds, as text. */
export function LessonDetail({ id, lesson }: { id: string; lesson: Lesson }) {
  const rows: [string, string][] = [
    ['Saved', formatDateTime(lesson.createdAt)],
    ...lessonFacts(lesson, formatAmount),
    ...lessonAnswers(lesson),
  ];
  return (
    <div id={id}>
      <dl class="answers">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {lesson.dealUrl && (
        <p>
          <a href={lesson.dealUrl} target="_blank" rel="noreferrer noopener">
            Open the deal in {lesson.crm === 'manual' ? 'the CRM' : lesson.crm}
          </a>
        </p>
      )}
    </div>
  );
}
