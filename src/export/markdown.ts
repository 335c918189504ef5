import type { Lesson } from '../lessons/schema';
import { outcomeLabel } from '../reflection/outcomes';
import { OTHER_REASON_ANSWER, QUESTIONS } from '../reflection/questions';
import { reasonLabel } from '../reflection/reasons';

/**
 * Escapes Markdown's active characters, so CRM text (a deal named `<img onerror=…>` or
 * `[click](javascript:…)`) shows as the text it is in any Markdown viewer.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\`*_[\]<>#|~&]/g, '\\$&')
      // A line starting like a list item or a heading underline, or like an ordered item.
      .replace(/^(\s*)([-+=])/gm, '$1\\$2')
      .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
      .replace(/\r?\n/g, '  \n')
  );
}

/** A URL as a Markdown autolink; characters that could end the link early are percent-encoded. */
function autolink(url: string): string {
  return `<${url.replace(/[<>\s]/g, encodeURIComponent)}>`;
}

function section(lesson: Lesson): string {
  const facts: [string, string | undefined][] = [
    ['Date', lesson.createdAt.slice(0, 10)],
    ['Company', lesson.company],
    [
      'Amount',
      lesson.amount === undefined ? undefined : `${lesson.amount} ${lesson.currency ?? ''}`.trim(),
    ],
    ['Stage before', lesson.stageBefore],
    ['Outcome', outcomeLabel(lesson.outcome)],
    ['Reason', reasonLabel(lesson.reason, lesson.answers[OTHER_REASON_ANSWER]) || undefined],
    ['CRM', lesson.crm],
    ['Link', lesson.dealUrl],
  ];
  const lines = [`## ${escapeMarkdown(lesson.dealName)}`, ''];
  for (const [label, value] of facts) {
    if (value)
      lines.push(`- **${label}:** ${label === 'Link' ? autolink(value) : escapeMarkdown(value)}`);
  }
  for (const q of QUESTIONS) {
    const answer = lesson.answers[q.id];
    if (answer) lines.push('', `### ${q.label}`, '', escapeMarkdown(answer));
  }
  return lines.join('\n');
}

/** A notes-friendly document: one section per lesson. */
export function toMarkdown(lessons: Lesson[], now = new Date()): string {
  const head = `# Rebound lessons\n\nExported ${now.toISOString().slice(0, 10)} · ${lessons.length} lesson${lessons.length === 1 ? '' : 's'}`;
  return [head, ...lessons.map(section)].join('\n\n') + '\n';
}
