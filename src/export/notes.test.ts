import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../lessons/schema';
import { testLesson } from '../lessons/lesson.test-helper';
import { resolveTemplate } from '../lessons/template';
import { lessonNote, notesZip, safeFileName, uniqueNames, yamlString } from './notes';

const BUILT_IN = resolveTemplate(undefined);

const lesson = (overrides: Partial<Lesson> = {}) =>
  testLesson({
    amount: 48000.5,
    currency: 'USD',
    company: 'Acme Corp',
    reason: 'competitor.price-value',
    answers: { whatHappened: 'They went with Globex.' },
    ...overrides,
  });

/** The front matter as key → raw YAML value; the list under `tags` as its items. */
function frontMatter(note: string): { fields: Record<string, string>; tags: string[] } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(note);
  if (!match) throw new Error('no front matter');
  const fields: Record<string, string> = {};
  const tags: string[] = [];
  for (const line of match[1]!.split('\n')) {
    const item = /^ {2}- (.*)$/.exec(line);
    if (item) tags.push(item[1]!);
    else if (line !== 'tags:') {
      const field = /^([a-z_]+): (.*)$/.exec(line);
      if (!field) throw new Error(`not a YAML key line: ${JSON.stringify(line)}`);
      fields[field[1]!] = field[2]!;
    }
  }
  return { fields, tags };
}

/**
 * A YAML double-quoted scalar read back. The escapes it uses are JSON's plus \uXXXX, which
 * JSON reads too; what matters is that nothing outside the quotes is YAML syntax.
 */
const readQuoted = (value: string) => {
  expect(value).toMatch(/^"(?:[^"\\]|\\.)*"$/);
  return JSON.parse(value) as string;
};

const HOSTILE = [
  'Acme: "the big one" # not a comment',
  '---\nouter: injected\n...',
  'yes',
  '!!python/object:os.system "rm -rf"',
  '&anchor *alias',
  '  leading spaces and trailing  ',
  '<script>alert(1)</script>',
  "=HYPERLINK('x')",
  'line\r\nbreaks\u2028and\u2029separators\u0085next',
  'tab\there \u007f del \ufeff bom',
  '失注 🚀 Société',
  '{ "json": [1, 2] }',
];

describe('YAML escaping', () => {
  it.each(HOSTILE)('keeps %j as one quoted string that reads back as written', (text) => {
    const quoted = yamlString(text);
    expect(quoted).not.toMatch(/[\n\r\u0085\u2028\u2029\u007f\ufeff]/);
    expect(readQuoted(quoted)).toBe(text);
  });
});

describe('a lesson as a note', () => {
  it('has front matter that notes apps read as properties, and the lesson below', () => {
    const note = lessonNote(lesson({ tags: ['enterprise', 'Q4: push'] }), BUILT_IN);
    const { fields, tags } = frontMatter(note);
    expect(readQuoted(fields.id!)).toBe('3f0e3c5e-8f7a-4d6b-9d1e-2a4b6c8d0e1f');
    expect(readQuoted(fields.created!)).toBe('2026-01-02T03:04:05.000Z');
    expect(readQuoted(fields.deal!)).toBe('Acme renewal');
    expect(readQuoted(fields.company!)).toBe('Acme Corp');
    expect(fields.amount).toBe('48000.5');
    expect(readQuoted(fields.outcome!)).toBe('competitor');
    expect(readQuoted(fields.reason_label!)).toBe('Price / value');
    expect(tags.map(readQuoted)).toEqual(['enterprise', 'Q4: push']);
    expect(note).toContain('## Acme renewal');
    expect(note).toContain('They went with Globex.');
  });

  it('keeps hostile CRM text inside its quotes', () => {
    for (const text of HOSTILE) {
      const note = lessonNote(lesson({ dealName: text.trim() || 'x', company: text }), BUILT_IN);
      const { fields } = frontMatter(note);
      expect(readQuoted(fields.company!)).toBe(text);
    }
  });

  it('leaves out the fields a lesson does not have', () => {
    const { fields, tags } = frontMatter(
      lessonNote(lesson({ amount: undefined, company: undefined, reason: undefined }), BUILT_IN),
    );
    expect(Object.keys(fields)).not.toContain('amount');
    expect(Object.keys(fields)).not.toContain('company');
    expect(Object.keys(fields)).not.toContain('reason');
    expect(tags).toEqual([]);
  });
});

describe('file names', () => {
  it.each([
    ['Acme <Corp>: "Q4" / EMEA \\ pilot | v2? *', 'Acme Corp Q4 EMEA pilot v2'],
    ['tab\tand\nnewline\u0000nul', 'tab and newline nul'],
    ['trailing dots and spaces. . .', 'trailing dots and spaces'],
    ['...hidden', 'hidden'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['COM1', '_COM1'],
    ['lpt9 deal', 'lpt9 deal'],
    ['', 'lesson'],
    ['???', 'lesson'],
    ['Société 🚀 失注', 'Société 🚀 失注'],
  ])('makes %j safe on Windows, macOS and Linux: %j', (text, name) => {
    expect(safeFileName(text)).toBe(name);
  });

  it('limits the length in bytes without cutting a character in two', () => {
    const name = safeFileName('🚀'.repeat(100));
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(120);
    expect(name).toBe('🚀'.repeat(30));
  });

  it('gives every note its own name, ignoring case and Unicode normalisation', () => {
    const name = uniqueNames();
    expect([
      name('Acme', '.md'),
      name('ACME', '.md'),
      name('acme', '.md'),
      name('Cafe\u0301', '.md'),
      name('Caf\u00e9', '.md'),
    ]).toEqual(['Acme.md', 'ACME (2).md', 'acme (3).md', 'Café.md', 'Café (2).md']);
  });
});

describe('the zip of notes', () => {
  it('holds one Markdown note per lesson, under safe unique names, added page by page', () => {
    const chunks: Uint8Array[] = [];
    const zip = notesZip(BUILT_IN, (chunk) => chunks.push(chunk));
    zip.add([lesson(), lesson({ id: '9b2d1c4e-1234-4abc-8def-0123456789ab' })]);
    zip.add([
      lesson({ id: '00000000-0000-4000-8000-00000000000a', company: 'CON', dealName: 'a/b' }),
    ]);
    zip.end();
    const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((at, chunk) => (bytes.set(chunk, at), at + chunk.length), 0);
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual([
      '2026-01-02 Acme Corp Acme renewal.md',
      '2026-01-02 Acme Corp Acme renewal (2).md',
      '2026-01-02 CON a b.md',
    ]);
    const second = strFromU8(files['2026-01-02 Acme Corp Acme renewal (2).md']!);
    expect(readQuoted(frontMatter(second).fields.id!)).toBe('9b2d1c4e-1234-4abc-8def-0123456789ab');
  });
});
