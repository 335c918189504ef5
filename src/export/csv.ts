import Papa from 'papaparse';
import { t } from '../i18n/t';
import { LESSON_SCHEMA_VERSION, LessonSchema, type Lesson } from '../lessons/schema';
import { describeRecordIssue, type InvalidRecord } from './import-problems';
import { outcomeLabel } from '../lessons/outcomes';
import { controllableText } from '../lessons/describe';
import { OTHER_REASON_ANSWER } from '../lessons/questions';
import { VALUE_FIELDS } from '../lessons/lesson-fields';
import { reasonLabel, type Template } from '../lessons/template';

/** Columns read back as numbers. */
const NUMBER_COLUMNS: readonly string[] = ['amount', 'feeling', 'templateVersion'];
/** Readable twins of the id columns, for people reading the sheet; ignored when read back. */
const LABEL_COLUMNS = ['outcomeLabel', 'reasonLabel', 'reasonWithinMyControl'] as const;
const ANSWER_PREFIX = 'answers.';
const TAGS_COLUMN = 'tags';

/** Tags share one cell, split at "; "; a `;` or `\` inside a tag is escaped with `\`. */
const TAG_SEPARATOR = '; ';

export function joinTags(tags: readonly string[] | undefined): string {
  return (tags ?? []).map((tag) => tag.replace(/[\\;]/g, '\\$&')).join(TAG_SEPARATOR);
}

export function splitTags(cell: string): string[] {
  const tags: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const char = cell[i]!;
    if (char === '\\' && i + 1 < cell.length) current += cell[++i];
    else if (char !== ';') current += char;
    else {
      tags.push(current.trim());
      current = '';
    }
  }
  tags.push(current.trim());
  return tags.filter((tag) => tag !== '');
}

/**
 * Cells starting with = + - @ (or tab, CR) get a quote prefixed, so a spreadsheet shows CRM text
 * instead of running it as a formula; a cell already starting with quotes before one of them
 * gets one more, so reading back (one quote removed) is exact. Papa's own `escapeFormulae: true`
 * pattern ends in `.*$`, which misses multi-line cells.
 */
const FORMULA = /^'*[=+\-@\t\r]/;

/**
 * A CSV export written page by page, one row per lesson, for spreadsheets (history is in the
 * JSON export only). The columns are the template's questions; an answer to a question no
 * longer asked gets a column at the end from the first lesson that has one, so rows written
 * before it are that much shorter (spreadsheets show the cells as empty, and `fromCsv` reads
 * them so). `header()` is asked for last, when every column is known, and goes first.
 */
export function csvWriter(template: Template) {
  const keys: string[] = [...template.questions.map((q) => q.id), OTHER_REASON_ANSWER];
  const known = new Set(keys);
  return {
    rows(lessons: readonly Lesson[]): string {
      for (const key of lessons.flatMap((l) => Object.keys(l.answers)))
        if (!known.has(key)) {
          known.add(key);
          keys.push(key);
        }
      const data = lessons.map((l) => [
        ...VALUE_FIELDS.map((column) => l[column] ?? ''),
        joinTags(l.tags),
        outcomeLabel(l.outcome),
        reasonLabel(template, l.reason, l.answers[OTHER_REASON_ANSWER]),
        controllableText(template, l.reason) ?? '',
        ...keys.map((key) => l.answers[key] ?? ''),
      ]);
      if (data.length === 0) return '';
      return Papa.unparse(data, { escapeFormulae: FORMULA, newline: '\r\n' }) + '\r\n';
    },
    header(): string {
      const fields = [...VALUE_FIELDS, TAGS_COLUMN, ...LABEL_COLUMNS];
      return Papa.unparse([[...fields, ...keys.map((k) => ANSWER_PREFIX + k)]]) + '\r\n';
    },
  };
}

/** The UTF-8 byte order mark, which Excel needs to read accents and emoji in a CSV. */
export const UTF8_BOM = '\uFEFF';

/** A whole CSV export as one string: for tests and small exports. */
export function toCsv(lessons: Lesson[], template: Template): string {
  const writer = csvWriter(template);
  const rows = writer.rows(lessons);
  return writer.header() + rows;
}

/** Undoes the formula escape: one leading quote before = + - @ (or quotes) comes off. */
function unescapeFormula(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * Reads a CSV export back into lessons. A file without Rebound's columns is refused; otherwise
 * every valid row is returned and each invalid one named by its row in the sheet (the header
 * is row 1). `onProgress` counts the rows checked.
 */
export function fromCsv(
  text: string,
  onProgress: (done: number, total: number) => void = () => {},
): { ok: true; lessons: Lesson[]; invalid: InvalidRecord[] } | { ok: false; error: string } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    // Always a comma, as written: guessing could pick another delimiter found in CRM text.
    delimiter: ',',
    skipEmptyLines: true,
  });
  if (!parsed.meta.fields?.includes('id'))
    return { ok: false, error: t('import_error_not_rebound') };
  // A short row is one written before a later column was known (see csvWriter).
  const rowErrors = new Map(
    parsed.errors
      .filter((e) => e.code !== 'TooFewFields' && e.row !== undefined)
      .map((e) => [e.row!, e.message]),
  );
  const invalid: InvalidRecord[] = [];
  const lessons: Lesson[] = [];
  const total = parsed.data.length;
  for (const [index, row] of parsed.data.entries()) {
    if ((index + 1) % 1000 === 0) onProgress(index + 1, total);
    const rowProblem = (problem: string) =>
      invalid.push({
        list: 'lessons',
        number: index + 2,
        reason: t('import_error_csv_row', [index + 2, problem]),
      });
    const malformed = rowErrors.get(index);
    if (malformed !== undefined) {
      rowProblem(malformed);
      continue;
    }
    const cell = (key: string) => {
      const value = unescapeFormula(row[key] ?? '');
      return value === '' ? undefined : value;
    };
    const answers = Object.fromEntries(
      Object.keys(row)
        .filter((key) => key.startsWith(ANSWER_PREFIX) && cell(key) !== undefined)
        .map((key) => [key.slice(ANSWER_PREFIX.length), cell(key)!]),
    );
    const field = (column: string) => {
      const value = cell(column);
      return value !== undefined && NUMBER_COLUMNS.includes(column) ? Number(value) : value;
    };
    const tags = cell(TAGS_COLUMN);
    const candidate = {
      ...Object.fromEntries(VALUE_FIELDS.map((c) => [c, field(c)])),
      ...(tags === undefined ? {} : { tags: splitTags(tags) }),
      answers,
      schemaVersion: LESSON_SCHEMA_VERSION,
    };
    const lesson = LessonSchema.safeParse(candidate);
    if (lesson.success) lessons.push(lesson.data);
    else rowProblem(describeRecordIssue(lesson.error.issues[0]!, candidate));
  }
  onProgress(total, total);
  return { ok: true, lessons, invalid };
}
