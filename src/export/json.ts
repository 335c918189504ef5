import { z } from 'zod';
import { t } from '../i18n/t';
import { LessonSchema, type Lesson } from '../lessons/schema';
import {
  questionLabel,
  resolveTemplate,
  TemplateSettingsSchema,
  type TemplateSettings,
} from '../lessons/template';
import { WinSchema, type Win } from '../lessons/win-schema';
import { describeImportError } from './import-problems';

export const EXPORT_FORMAT = 'rebound-lessons';
export const EXPORT_FORMAT_VERSION = 1;

const ExportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: () => t('import_error_not_rebound') }),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION, {
    error: () => t('import_error_version', EXPORT_FORMAT_VERSION),
  }),
  exportedAt: z.iso.datetime(),
  lessons: z.array(LessonSchema),
  /** The questions and reasons the lessons were written with, for their wording elsewhere. */
  template: TemplateSettingsSchema.optional(),
  /**
   * "What worked" notes on won deals. Added without a new format version: files from before
   * wins existed have none and still import.
   */
  wins: z.array(WinSchema).default([]),
});

/**
 * Every field of every lesson (and win), and the user's questions and reasons: lossless, for
 * re-import.
 */
export function toJson(
  lessons: Lesson[],
  extras: { template?: TemplateSettings; wins?: Win[] } = {},
  now = new Date(),
): string {
  const file: z.input<typeof ExportFileSchema> = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    lessons,
    template: extras.template,
    wins: extras.wins ?? [],
  };
  return JSON.stringify(file, null, 2);
}

/**
 * Reads a JSON export back; a bad file gets sentences that say what is wrong and where, records
 * by their 1-based number and fields in words.
 */
export function fromJson(
  text: string,
):
  | { ok: true; lessons: Lesson[]; wins: Win[]; template?: TemplateSettings }
  | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: t('import_error_not_json') };
  }
  const parsed = ExportFileSchema.safeParse(raw);
  if (parsed.success)
    return {
      ok: true,
      lessons: parsed.data.lessons,
      wins: parsed.data.wins,
      template: parsed.data.template,
    };
  // Answers are named by their question, in the file's own wording when it carries one.
  const own = TemplateSettingsSchema.safeParse((raw as { template?: unknown } | null)?.template);
  const questions = resolveTemplate(own.success ? own.data : undefined);
  return {
    ok: false,
    error: describeImportError(parsed.error, raw, (id) => questionLabel(questions, id)),
  };
}
