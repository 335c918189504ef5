import { lessonAnswers, lessonFacts } from '../lessons/describe';
import type { Lesson } from '../lessons/schema';
import type { Template } from '../lessons/template';
import { AnswerList, DealLink } from './DealText';
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
      <AnswerList rows={rows} />
      <DealLink url={lesson.dealUrl} crm={lesson.crm} />
    </div>
  );
}
