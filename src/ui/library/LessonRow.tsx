import { t } from '../../i18n/t';
import { outcomeLabel } from '../../lessons/outcomes';
import { OTHER_REASON_ANSWER, planText } from '../../lessons/questions';
import type { Lesson } from '../../lessons/schema';
import { reasonLabel, reasonOf, type Template } from '../../lessons/template';
import { formatAmount, formatDate } from '../format';
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
  const reason =
    reasonLabel(template, lesson.reason, lesson.answers[OTHER_REASON_ANSWER]) ||
    outcomeLabel(lesson.outcome);
  const colour = reasonOf(template, lesson.reason)?.colour;
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
        {amount && <> · {amount}</>} ·{' '}
        {colour && <span class="reason-dot" aria-hidden="true" style={{ background: colour }} />}
        {reason}
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
