import type { ReboundDatabase } from '../db/database';
import type { ImportCounts } from '../db/import';
import { importLessons } from '../db/lessons';
import { importWins } from '../db/wins';
import { describeWriteError } from '../db/write-error';
import { firstFew } from '../export/import-problems';
import { fromJson } from '../export/json';
import { t } from '../i18n/t';
import { defaultTemplateSettings, type TemplateSettings } from '../lessons/template';
import { withImportedEntries } from '../lessons/template-edit';
import { templateItem } from '../settings/store';
import type { Status } from './StatusLine';

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
 * Imports a JSON export, all or nothing, and says what came of it in the words the options
 * page shows: what was added, updated, already here or left out, or why nothing was imported
 * (a bad file, or a write the browser refused).
 */
export async function importFile(
  db: ReboundDatabase,
  file: { name: string; text: string },
): Promise<NonNullable<Status>> {
  const parsed = fromJson(file.text);
  if (!parsed.ok) return { error: true, text: t('import_failed', [file.name, parsed.error]) };
  let lessons: ImportCounts;
  let wins: ImportCounts;
  try {
    // Lessons and wins together or not at all.
    ({ lessons, wins } = await db.transaction('rw', db.lessons, db.wins, async () => ({
      lessons: await importLessons(db, parsed.lessons),
      wins: await importWins(db, parsed.wins),
    })));
  } catch (error) {
    return {
      error: true,
      text: t('import_failed', [file.name, describeWriteError(error).message]),
    };
  }
  const text = [t('import_done', [file.name, lessons.added, lessons.updated, lessons.unchanged])];
  if (parsed.wins.length > 0)
    text.push(t('import_done_wins', [wins.added, wins.updated, wins.unchanged]));
  text.push(...skippedText(lessons, wins));
  try {
    if (parsed.template) await mergeTemplate(parsed.template);
  } catch (error) {
    // The lessons are stored; only the wording of their questions is not.
    text.push(t('import_template_failed', describeWriteError(error).message));
    return { error: true, text: text.join(' ') };
  }
  return { error: false, text: text.join(' ') };
}
