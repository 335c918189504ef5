import type { Lesson } from '../lessons/schema';
import { lessonAnswers, lessonFacts } from '../lessons/describe';
import type { Template } from '../reflection/template';
import { t } from '../i18n/t';

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

function section(lesson: Lesson, template: Template): string {
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

/** A notes-friendly document: one section per lesson. */
export function toMarkdown(lessons: Lesson[], template: Template, now = new Date()): string {
  const day = now.toISOString().slice(0, 10);
  const exported =
    lessons.length === 1
      ? t('markdown_exported_one', day)
      : t('markdown_exported', [day, lessons.length]);
  const head = `# ${t('markdown_title')}\n\n${exported}`;
  return [head, ...lessons.map((lesson) => section(lesson, template))].join('\n\n') + '\n';
}
