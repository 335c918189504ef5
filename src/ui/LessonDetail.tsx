import { lessonAnswers, lessonFacts } from '../lessons/describe';
import type { Lesson } from '../lessons/schema';
import { formatAmount, formatDateTime } from './format';
import { t } from '../i18n/t';

/** Everything a lesson holds, as text. */
export function LessonDetail({ id, lesson }: { id: string; lesson: Lesson }) {
  const rows: [string, string][] = [
    [t('fact_saved'), formatDateTime(lesson.createdAt)],
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
            {t('lesson_open_deal', lesson.crm === 'manual' ? t('lesson_the_crm') : lesson.crm)}
          </a>
        </p>
      )}
    </div>
  );
}
