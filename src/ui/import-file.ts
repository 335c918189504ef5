import type { ReboundDatabase } from '../db/database';
import { planImport, writePlan, type ImportCounts, type ImportPlan } from '../db/import';
import { writeLessonPlan } from '../db/lessons';
import { describeWriteError } from '../db/write-error';
import { firstFew, type InvalidRecord } from '../export/import-problems';
import type { ParsedFile } from '../export/json';
import { t } from '../i18n/t';
import type { Lesson } from '../lessons/schema';
import { defaultTemplateSettings, type TemplateSettings } from '../lessons/template';
import { withImportedEntries } from '../lessons/template-edit';
import type { Win } from '../lessons/win-schema';
import { templateItem } from '../settings/store';
import type { Status } from './StatusLine';

/** A file checked against this device, before anything is written: what the preview shows. */
export type ImportPreview = {
  name: string;
  lessons: ImportPlan<Lesson>;
  wins: ImportPlan<Win>;
  template?: TemplateSettings;
  invalid: InvalidRecord[];
};

/** Works out what importing a read file would add, replace and leave; writes nothing. */
export async function previewImport(
  db: ReboundDatabase,
  name: string,
  file: ParsedFile,
): Promise<ImportPreview> {
  const [lessons, wins] = await Promise.all([
    planImport(db.lessons, file.lessons),
    planImport(db.wins, file.wins),
  ]);
  return { name, lessons, wins, template: file.template, invalid: file.invalid };
}

/** The records left out for a copy with the same id, by number, the first few named. */
function skippedText(lessons: ImportCounts, wins: ImportCounts): string[] {
  const sentences = [
    ...lessons.skipped.map(({ skipped, kept }) => t('import_duplicate', [skipped, kept])),
    ...wins.skipped.map(({ skipped, kept }) => t('import_duplicate_win', [skipped, kept])),
  ];
  if (sentences.length === 0) return [];
  return [
    firstFew(sentences, (count) =>
      count === 1 ? t('import_duplicates_more_one') : t('import_duplicates_more', count),
    ),
  ];
}

/** Adds the questions and reasons the imported lessons were written with, where this device lacks them. */
async function mergeTemplate(template: TemplateSettings) {
  // Into the template stored now, alone: no other setting is written back.
  await templateItem.update((stored) => {
    const local = stored ?? defaultTemplateSettings();
    const merged = withImportedEntries(local, template);
    return merged === local ? stored : merged;
  });
}

/**
 * Writes a previewed import, lessons and wins in one transaction, all or nothing: records new
 * here are added, and the ones already here replaced by the file's copy only when that copy is
 * newer and `replaceNewer` was chosen. Says what came of it in the words the options page
 * shows, or why nothing was imported (a write the browser refused).
 */
export async function commitImport(
  db: ReboundDatabase,
  preview: ImportPreview,
  replaceNewer: boolean,
): Promise<NonNullable<Status>> {
  let lessons: ImportCounts;
  let wins: ImportCounts;
  try {
    ({ lessons, wins } = await db.transaction('rw', db.lessons, db.wins, db.reviews, async () => ({
      lessons: await writeLessonPlan(db, preview.lessons, replaceNewer),
      wins: await writePlan(db.wins, preview.wins, replaceNewer),
    })));
  } catch (error) {
    return {
      error: true,
      text: t('import_failed', [preview.name, describeWriteError(error).message]),
    };
  }
  const text = [
    t('import_done', [preview.name, lessons.added, lessons.updated, lessons.unchanged]),
  ];
  if (wins.added + wins.updated + wins.unchanged > 0)
    text.push(t('import_done_wins', [wins.added, wins.updated, wins.unchanged]));
  if (preview.invalid.length > 0) text.push(t('import_done_invalid', preview.invalid.length));
  text.push(...skippedText(lessons, wins));
  try {
    if (preview.template) await mergeTemplate(preview.template);
  } catch (error) {
    // The lessons are stored; only the wording of their questions is not.
    text.push(t('import_template_failed', describeWriteError(error).message));
    return { error: true, text: text.join(' ') };
  }
  return { error: false, text: text.join(' ') };
}
