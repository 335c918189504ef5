import type { z } from 'zod';
import { t } from '../i18n/t';
import { lessonFieldLabel } from '../lessons/field-labels';

type Issue = z.core.$ZodIssue;

/** How many invalid records one message names before it only counts the rest. */
export const NAMED_PROBLEMS = 3;

/** The lists of an export that hold records, and how a message names one of their records. */
const RECORD_LISTS = {
  lessons: (number: number, problem: string) => t('import_record', [number, problem]),
  wins: (number: number, problem: string) => t('import_record_win', [number, problem]),
} as const;
type RecordList = keyof typeof RECORD_LISTS;

/** The export file's own fields (not a record's), in words. */
const FILE_FIELD_LABELS: Record<string, () => string> = {
  exportedAt: () => t('field_exported_at'),
  lessons: () => t('field_lessons'),
  wins: () => t('field_wins'),
};

/** The value an issue points at in the file as read, to tell a missing field from a wrong one. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** A wrong value as the message quotes it: short, and only when it is plain text or a number. */
function quoted(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return;
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** What is wrong with one labelled field, as a sentence: "Format version is missing." */
function fieldProblem(issue: Issue, value: unknown, label: string): string {
  if (value === undefined) return t('import_problem_missing', label);
  if (issue.code === 'too_big' && issue.origin === 'string')
    return t('import_problem_too_long', [label, String(issue.maximum)]);
  if (issue.code === 'too_small' && issue.origin === 'string')
    return t('import_problem_empty', label);
  if (issue.code === 'invalid_format' && issue.format === 'url')
    return t('import_problem_not_link', label);
  if (issue.code === 'invalid_format' && issue.format === 'datetime')
    return t('import_problem_not_date', label);
  const shown = issue.code === 'invalid_value' ? quoted(value) : undefined;
  return shown === undefined
    ? t('import_problem_invalid', label)
    : t('import_problem_unknown', [label, shown]);
}

/**
 * What is wrong with one lesson (or "what worked" note) of a file, as a sentence naming the
 * field in words. `issue.path` starts inside the record; `answerLabel` words a question id.
 */
export function describeRecordIssue(
  issue: Issue,
  record: unknown,
  answerLabel: (questionId: string) => string = (id) => id,
): string {
  const [field, answer] = issue.path;
  if (typeof field !== 'string') return t('import_problem_not_record');
  const label =
    field === 'answers' && typeof answer === 'string'
      ? t('field_answer', answerLabel(answer))
      : (lessonFieldLabel(field) ?? field);
  return fieldProblem(issue, valueAt(record, issue.path), label);
}

/** The file's own problem (not a record's): the first one is enough to say what to fix. */
function fileProblem(issue: Issue, file: unknown): string {
  const [field] = issue.path;
  // The format's own schemas carry their sentence (src/export/json.ts).
  if (field === 'format' || field === 'formatVersion') return issue.message;
  if (field === 'template') return t('import_problem_template');
  const label = typeof field === 'string' ? FILE_FIELD_LABELS[field] : undefined;
  return label
    ? fieldProblem(issue, valueAt(file, issue.path), label())
    : t('import_error_not_rebound');
}

/**
 * The first few of many sentences, then how many more there are. `more` words the count of
 * the rest: one key for one, one for more (Chrome's i18n has no plurals).
 */
export function firstFew(sentences: string[], more: (count: number) => string): string {
  const rest = sentences.length - NAMED_PROBLEMS;
  return [...sentences.slice(0, NAMED_PROBLEMS), ...(rest > 0 ? [more(rest)] : [])].join(' ');
}

/** One record of a file that cannot be imported: which list, its 1-based number, and why. */
export type InvalidRecord = { list: RecordList; number: number; reason: string };

/**
 * Why one record of a file cannot be imported, as the sentence the preview lists: "Record
 * 1713: Format version is missing." `error` is its own parse's, paths inside the record.
 */
export function describeRecord(
  list: RecordList,
  number: number,
  error: z.ZodError,
  record: unknown,
  answerLabel?: (questionId: string) => string,
): InvalidRecord {
  const reason = describeRecordIssue(error.issues[0]!, record, answerLabel);
  return { list, number, reason: RECORD_LISTS[list](number, reason) };
}

/** Why an export file (not one of its records) cannot be imported; `file` is the parsed JSON. */
export function describeFileError(error: z.ZodError, file: unknown): string {
  return fileProblem(error.issues[0]!, file);
}
