import { z } from 'zod';
import { t } from '../i18n/t';
import { describeIssue, LessonSchema, type Lesson } from '../lessons/schema';
import { TemplateSettingsSchema, type TemplateSettings } from '../reflection/template';
import { WinSchema, type Win } from '../wins/schema';

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

/** Reads a JSON export back; a bad file gets a message that names what is wrong and where. */
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
  return parsed.success
    ? {
        ok: true,
        lessons: parsed.data.lessons,
        wins: parsed.data.wins,
        template: parsed.data.template,
      }
    : { ok: false, error: t('import_error_invalid', describeIssue(parsed.error)) };
}
