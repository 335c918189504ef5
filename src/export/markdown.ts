import type { Lesson } from '../lessons/schema';
import { lessonAnswers, lessonFacts } from '../lessons/describe';
import type { Template } from '../lessons/template';
import { t } from '../i18n/t';
import { winAnswers } from '../lessons/win-questions';
import type { Win } from '../lessons/win-schema';

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

/** One lesson as a Markdown section under its deal name (also the body of its own note in the zip). */
export function lessonSection(lesson: Lesson, template: Template): string {
  const lines = [`## ${escapeMarkdown(lesson.dealName)}`, ''];
  const facts: [string, string][] = [
    [t('markdown_date'), lesson.createdAt.slice(0, 10)],
    ...lessonFacts(lesson, template),
    [t('markdown_crm'), lesson.crm],
  ];
  for (const [label, value] of facts) lines.push(`- **${label}:** ${escapeMarkdown(value)}`);
  if (lesson.dealUrl) lines.push(`- **${t('markdown_link')}:** ${autolink(lesson.dealUrl)}`);
  for (const [question, answer] of lessonAnswers(lesson, template)) {
    lines.push('', `### ${escapeMarkdown(question)}`, '', escapeMarkdown(answer));
  }
  return lines.join('\n');
}

function winSection(win: Win): string {
  const lines = [`## ${escapeMarkdown(win.dealName)}`, ''];
  const facts: [string, string | undefined][] = [
    [t('markdown_won'), win.createdAt.slice(0, 10)],
    [t('fact_company'), win.company],
    [
      t('fact_amount'),
      win.amount === undefined ? undefined : `${win.amount} ${win.currency ?? ''}`,
    ],
    [t('fact_stage_before'), win.stageBefore],
    [t('markdown_crm'), win.crm],
  ];
  for (const [label, value] of facts)
    if (value?.trim()) lines.push(`- **${label}:** ${escapeMarkdown(value.trim())}`);
  if (win.dealUrl) lines.push(`- **${t('markdown_link')}:** ${autolink(win.dealUrl)}`);
  for (const [question, answer] of winAnswers(win.answers)) {
    lines.push('', `### ${escapeMarkdown(question)}`, '', escapeMarkdown(answer));
  }
  return lines.join('\n');
}

/**
 * A notes-friendly document written in parts: `head`, the lessons page by page (one section
 * each), then (when there are any) the "what worked" notes on won deals under their own heading.
 * Parts are separated by a blank line, each ending with one newline.
 */
export const markdownParts = {
  head(count: number, now: Date): string {
    const day = now.toISOString().slice(0, 10);
    const exported =
      count === 1 ? t('markdown_exported_one', day) : t('markdown_exported', [day, count]);
    return `# ${t('markdown_title')}\n\n${exported}\n`;
  },
  lessons(lessons: readonly Lesson[], template: Template): string {
    return lessons.map((lesson) => `\n${lessonSection(lesson, template)}\n`).join('');
  },
  wins(wins: readonly Win[]): string {
    if (wins.length === 0) return '';
    return [`# ${t('markdown_wins_title')}`, ...wins.map(winSection)]
      .map((part) => `\n${part}\n`)
      .join('');
  },
};

/** The whole document as one string: for tests and small exports. */
export function toMarkdown(
  lessons: Lesson[],
  template: Template,
  now = new Date(),
  wins: Win[] = [],
): string {
  return (
    markdownParts.head(lessons.length, now) +
    markdownParts.lessons(lessons, template) +
    markdownParts.wins(wins)
  );
}
