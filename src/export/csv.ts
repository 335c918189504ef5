import Papa from 'papaparse';
import { t } from '../i18n/t';
import { LESSON_SCHEMA_VERSION, LessonSchema, type Lesson } from '../lessons/schema';
import { describeRecordIssue } from './import-problems';
import { outcomeLabel } from '../lessons/outcomes';
import { controllableText } from '../lessons/describe';
import { OTHER_REASON_ANSWER } from '../lessons/questions';
import { reasonLabel, type Template } from '../lessons/template';

const FIELD_COLUMNS = [
  'id',
  'createdAt',
  'updatedAt',
  'crm',
  'dealId',
  'dealName',
  'dealUrl',
  'amount',
  'currency',
  'company',
  'stageBefore',
  'outcome',
  'reason',
  'secondaryReason',
  'confidence',
  'feeling',
  'crmLostReason',
  'mode',
  'templateVersion',
] as const;
/** Columns read back as numbers. */
const NUMBER_COLUMNS: readonly string[] = ['amount', 'feeling', 'templateVersion'];
/** Readable twins of the id columns, for people reading the sheet; ignored when read back. */
const LABEL_COLUMNS = ['outcomeLabel', 'reasonLabel', 'reasonWithinMyControl'] as const;
const ANSWER_PREFIX = 'answers.';

/** Answers to questions that are no longer asked still get a column: nothing is dropped. */
function answerKeys(lessons: Lesson[], template: Template): string[] {
  const known: string[] = [...template.questions.map((q) => q.id), OTHER_REASON_ANSWER];
  const extra = new Set(
    lessons.flatMap((l) => Object.keys(l.answers)).filter((k) => !known.includes(k)),
  );
  return [...known, ...[...extra].sort()];
}

/**
 * One row per lesson, for spreadsheets. Escaping is Papa Parse's; `escapeFormulae` prefixes a
 * cell starting with = + - @ (or tab, CR) with a quote, so a spreadsheet shows CRM text instead
 * of running it as a formula.
 */
export function toCsv(lessons: Lesson[], template: Template): string {
  const keys = answerKeys(lessons, template);
  const rows = lessons.map((l) => [
    ...FIELD_COLUMNS.map((column) => l[column] ?? ''),
    outcomeLabel(l.outcome),
    reasonLabel(template, l.reason, l.answers[OTHER_REASON_ANSWER]),
    controllableText(template, l.reason) ?? '',
    ...keys.map((key) => l.answers[key] ?? ''),
  ]);
  const fields = [...FIELD_COLUMNS, ...LABEL_COLUMNS, ...keys.map((k) => ANSWER_PREFIX + k)];
  // Papa's own `escapeFormulae: true` pattern ends in `.*$`, which misses multi-line cells.
  return Papa.unparse({ fields, data: rows }, { escapeFormulae: /^[=+\-@\t\r]/ });
}

/** Undoes `escapeFormulae`. A value that itself began with a quote before = + - @ reads back without it (JSON is the lossless format). */
function unescapeFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** Reads a CSV export back into lessons; the first bad row is named in the message. */
export function fromCsv(
  text: string,
): { ok: true; lessons: Lesson[] } | { ok: false; error: string } {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const problem = parsed.errors[0];
  if (problem)
    return {
      ok: false,
      error: t('import_error_csv_row', [(problem.row ?? 0) + 2, problem.message]),
    };
  const lessons: Lesson[] = [];
  for (const [index, row] of parsed.data.entries()) {
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
    const candidate = {
      ...Object.fromEntries(FIELD_COLUMNS.map((c) => [c, field(c)])),
      answers,
      schemaVersion: LESSON_SCHEMA_VERSION,
    };
    const lesson = LessonSchema.safeParse(candidate);
    if (!lesson.success)
      return {
        ok: false,
        error: t('import_error_csv_row', [
          index + 2,
          describeRecordIssue(lesson.error.issues[0]!, candidate),
        ]),
      };
    lessons.push(lesson.data);
  }
  return { ok: true, lessons };
}
