import type { Lesson } from '../../lessons/schema';

/**
 * The words of a lesson the library's search reads: every answer and the deal's fields, with
 * reasons and outcomes in the user's words. The labels come from the page (a worker has no
 * `browser.i18n` and no settings), as plain data.
 */
export type SearchLabels = { reasons: Record<string, string>; outcomes: Record<string, string> };

export type SearchDocument = {
  id: string;
  deal: string;
  company: string;
  answers: string;
  facts: string;
  tags: string;
};

export function searchDocument(lesson: Lesson, labels: SearchLabels): SearchDocument {
  const reason = (id: string | undefined) => (id ? (labels.reasons[id] ?? id) : '');
  return {
    id: lesson.id,
    deal: lesson.dealName,
    company: lesson.company ?? '',
    answers: Object.values(lesson.answers).join('\n'),
    facts: [
      reason(lesson.reason),
      reason(lesson.secondaryReason),
      labels.outcomes[lesson.outcome] ?? lesson.outcome,
      lesson.crmLostReason,
      lesson.stageBefore,
      lesson.crm,
    ]
      .filter(Boolean)
      .join('\n'),
    tags: (lesson.tags ?? []).join('\n'),
  };
}
