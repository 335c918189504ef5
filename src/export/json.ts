import { z } from 'zod';
import { t } from '../i18n/t';
import { LessonSchema, type Lesson } from '../lessons/schema';
import {
  questionLabel,
  resolveTemplate,
  TemplateSettingsSchema,
  type Template,
  type TemplateSettings,
} from '../lessons/template';
import { WinSchema, type Win } from '../lessons/win-schema';
import { describeFileError, describeRecord, type InvalidRecord } from './import-problems';

export const EXPORT_FORMAT = 'rebound-lessons';
/**
 * 2: lessons may carry tags and their edit history. Version 1 files hold the same records
 * without them, so both are read.
 */
export const EXPORT_FORMAT_VERSION = 2;
const READABLE_VERSIONS = [1, 2] as const;

/**
 * The file's own fields. Records are checked one by one afterwards, so one bad lesson is named
 * and left out instead of refusing the whole file.
 */
const ExportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: () => t('import_error_not_rebound') }),
  formatVersion: z.literal(READABLE_VERSIONS, {
    error: () => t('import_error_version', EXPORT_FORMAT_VERSION),
  }),
  exportedAt: z.iso.datetime(),
  lessons: z.array(z.unknown()),
  /** The questions and reasons the lessons were written with, for their wording elsewhere. */
  template: TemplateSettingsSchema.optional(),
  /** "What worked" notes on won deals; files from before wins existed have none. */
  wins: z.array(z.unknown()).default([]),
});

/**
 * A JSON export written in parts, so a large one is handed to a Blob page by page instead of
 * being held as one string: `head`, then `lessons` pages, `between`, `wins` pages, `tail`.
 * `first` says whether a page starts its list (no comma before it).
 */
export const jsonParts = {
  head(extras: { template?: TemplateSettings }, now: Date): string {
    const head = {
      format: EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION,
      exportedAt: now.toISOString(),
      template: extras.template,
    };
    // The object's closing brace gives way to the record lists.
    return `${JSON.stringify(head).slice(0, -1)},\n"lessons": [`;
  },
  records(records: readonly (Lesson | Win)[], first: boolean): string {
    if (records.length === 0) return '';
    return (first ? '\n' : ',\n') + records.map((r) => JSON.stringify(r)).join(',\n');
  },
  between: '\n],\n"wins": [',
  tail: '\n]}\n',
};

/**
 * Every field of every lesson (and win), and the user's questions and reasons: lossless, for
 * re-import. The same text the streamed export writes (src/ui/export-run.ts).
 */
export function toJson(
  lessons: Lesson[],
  extras: { template?: TemplateSettings; wins?: Win[] } = {},
  now = new Date(),
): string {
  return [
    jsonParts.head(extras, now),
    jsonParts.records(lessons, true),
    jsonParts.between,
    jsonParts.records(extras.wins ?? [], true),
    jsonParts.tail,
  ].join('');
}

/** What a file holds: the records that can be imported, and the ones that cannot, by number. */
export type ParsedFile = {
  lessons: Lesson[];
  wins: Win[];
  template?: TemplateSettings;
  invalid: InvalidRecord[];
};

/** Each record of a list that validates, and a sentence for each one that does not. */
function validRecords<T>(
  list: 'lessons' | 'wins',
  records: unknown[],
  schema: z.ZodType<T>,
  answerLabel: (id: string) => string,
  invalid: InvalidRecord[],
  onProgress: (done: number) => void,
): T[] {
  const valid: T[] = [];
  records.forEach((record, i) => {
    const parsed = schema.safeParse(record);
    if (parsed.success) valid.push(parsed.data);
    else invalid.push(describeRecord(list, i + 1, parsed.error, record, answerLabel));
    if ((i + 1) % 1000 === 0) onProgress(i + 1);
  });
  return valid;
}

/**
 * Reads a JSON export (every format version) back. A file that is not a Rebound export gets a
 * sentence saying why; otherwise every valid record is returned and each invalid one named by
 * its 1-based number with the field in words. `onProgress` counts the records checked.
 */
export function fromJson(
  text: string,
  onProgress: (done: number, total: number) => void = () => {},
): ({ ok: true } & ParsedFile) | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: t('import_error_not_json') };
  }
  const parsed = ExportFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: describeFileError(parsed.error, raw) };
  const file = parsed.data;
  // Answers are named by their question, in the file's own wording when it carries one; worked
  // out only for an invalid record (the wording needs the browser's i18n, which tests of the
  // built extension reading a download in Node have not).
  let questions: Template | undefined;
  const answerLabel = (id: string) =>
    questionLabel((questions ??= resolveTemplate(file.template)), id);
  const total = file.lessons.length + file.wins.length;
  const invalid: InvalidRecord[] = [];
  const lessons = validRecords('lessons', file.lessons, LessonSchema, answerLabel, invalid, (n) =>
    onProgress(n, total),
  );
  const wins = validRecords('wins', file.wins, WinSchema, answerLabel, invalid, (n) =>
    onProgress(file.lessons.length + n, total),
  );
  onProgress(total, total);
  return { ok: true, lessons, wins, template: file.template, invalid };
}
