import { t } from '../../i18n/t';
import { planText } from '../../lessons/questions';
import type { Lesson } from '../../lessons/schema';
import type { Template } from '../../lessons/template';
import { formatAmount, formatDate } from '../format';
import { LessonReason } from '../LessonSummary';
import { Highlighted, highlightRuns, snippet } from '../search/highlight';
import { crmName } from './filter-chips';

/**
 * A lesson in the library list: deal, date, CRM, reason in its colour, tags, and either its
 * plan or, while searching, the part of an answer that matched (matches marked).
 */
export function LessonRowSummary({
  lesson,
  template,
  terms,
}: {
  lesson: Lesson;
  template: Template;
  terms: string[];
}) {
  const plan = planText(lesson.answers);
  const matched =
    terms.length > 0
      ? Object.values(lesson.answers).find((text) =>
          highlightRuns(text, terms).some((run) => run.hit),
        )
      : undefined;
  const line = matched ? snippet(matched, terms) : plan;
  const amount = formatAmount(lesson.amount, lesson.currency);
  return (
    <div class="lesson-summary">
      <div class="lesson-name">
        <Highlighted text={lesson.dealName} terms={terms} />
        {lesson.history?.length ? (
          <span class="edited-mark">{t('library_edited_mark')}</span>
        ) : null}
      </div>
      <div class="lesson-meta">
        <time dateTime={lesson.createdAt}>{formatDate(lesson.createdAt)}</time> ·{' '}
        {crmName(lesson.crm)}
        {lesson.company && (
          <>
            {' · '}
            <Highlighted text={lesson.company} terms={terms} />
          </>
        )}
        {amount && <> · {amount}</>} · <LessonReason lesson={lesson} template={template} />
      </div>
      {lesson.tags?.length ? (
        <ul class="tag-list" aria-label={t('library_row_tags')}>
          {lesson.tags.map((tag) => (
            <li key={tag} class="tag">
              <Highlighted text={tag} terms={terms} />
            </li>
          ))}
        </ul>
      ) : null}
      {line && (
        <p class="lesson-next">
          <Highlighted text={line} terms={terms} />
        </p>
      )}
    </div>
  );
}
