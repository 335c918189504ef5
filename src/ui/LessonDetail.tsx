import { lessonAnswers, lessonFacts } from '../lessons/describe';
import type { Lesson } from '../lessons/schema';
import type { Template } from '../reflection/template';
import { formatAmount, formatDateTime } from './format';
import { t } from '../i18n/t';

/** Everything a lesson holds, as text. */
export function LessonDetail({
  id,
  lesson,
  template,
}: {
  id: string;
  lesson: Lesson;
  template: Template;
}) {
  const rows: [string, string][] = [
    [t('fact_saved'), formatDateTime(lesson.createdAt)],
    ...lessonFacts(lesson, template, formatAmount),
    ...lessonAnswers(lesson, template),
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
