import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { database } from '../../../src/db/database';
import { importLessons, recentLessons } from '../../../src/db/lessons';
import { importWins, recentWins } from '../../../src/db/wins';
import { toCsv } from '../../../src/export/csv';
import { fromJson, toJson } from '../../../src/export/json';
import { toMarkdown } from '../../../src/export/markdown';
import type { Lesson } from '../../../src/lessons/schema';
import { defaultTemplateSettings, resolveTemplate } from '../../../src/reflection/template';
import { withImportedEntries } from '../../../src/reflection/template-edit';
import type { Settings } from '../../../src/settings/schema';
import { loadSettings, saveSettings } from '../../../src/settings/store';
import { downloadText } from '../../../src/ui/download';
import { t } from '../../../src/i18n/t';
import { StatusLine, type Status } from '../../../src/ui/StatusLine';
import type { Win } from '../../../src/wins/schema';

const FORMATS = {
  json: {
    get label() {
      return t('export_format_json');
    },
    type: 'application/json',
    write: (lessons: Lesson[], wins: Win[], settings: Settings) =>
      toJson(lessons, { template: settings.template, wins }),
    hasWins: true,
  },
  csv: {
    get label() {
      return t('export_format_csv');
    },
    type: 'text/csv',
    // One row per lesson: wins are in the JSON and Markdown exports.
    write: (lessons: Lesson[], _wins: Win[], settings: Settings) =>
      toCsv(lessons, resolveTemplate(settings.template)),
    hasWins: false,
  },
  md: {
    get label() {
      return t('export_format_md');
    },
    type: 'text/markdown',
    write: (lessons: Lesson[], wins: Win[], settings: Settings) =>
      toMarkdown(lessons, resolveTemplate(settings.template), new Date(), wins),
    hasWins: true,
  },
} as const;

export function ExportImport() {
  const [status, setStatus] = useState<Status>();

  const exportAs = async (ext: keyof typeof FORMATS) => {
    const format = FORMATS[ext];
    const [lessons, wins, { settings }] = await Promise.all([
      recentLessons(database()),
      recentWins(database()),
      loadSettings(),
    ]);
    const day = new Date().toISOString().slice(0, 10);
    downloadText(
      `rebound-lessons-${day}.${ext}`,
      format.write(lessons, wins, settings),
      format.type,
    );
    const done = t('export_done', [lessons.length, ext.toUpperCase()]);
    const withWins = format.hasWins && wins.length > 0;
    setStatus({
      error: false,
      text: withWins ? `${done} ${t('export_done_wins', wins.length)}` : done,
    });
  };

  const importFile = async (event: JSX.TargetedEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const parsed = fromJson(await file.text());
    if (!parsed.ok)
      return setStatus({
        error: true,
        text: t('import_failed', [file.name, parsed.error]),
      });
    const db = database();
    // Lessons and wins together or not at all.
    const { counts, wins } = await db.transaction('rw', db.lessons, db.wins, async () => ({
      counts: await importLessons(db, parsed.lessons),
      wins: await importWins(db, parsed.wins),
    }));
    // The questions and reasons the imported lessons were written with, where this device lacks them.
    if (parsed.template) {
      const { settings } = await loadSettings();
      const local = settings.template ?? defaultTemplateSettings();
      const merged = withImportedEntries(local, parsed.template);
      if (merged !== local) await saveSettings({ ...settings, template: merged });
    }
    const done = t('import_done', [file.name, counts.added, counts.updated, counts.unchanged]);
    if (parsed.wins.length === 0) return setStatus({ error: false, text: done });
    setStatus({
      error: false,
      text: `${done} ${t('import_done_wins', [wins.added, wins.updated, wins.unchanged])}`,
    });
  };

  return (
    <section aria-labelledby="export-title" style={{ display: 'grid', gap: '10px' }}>
      <h2 id="export-title">{t('export_title')}</h2>
      <div class="row">
        {Object.entries(FORMATS).map(([ext, format]) => (
          <button
            key={ext}
            type="button"
            onClick={() => void exportAs(ext as keyof typeof FORMATS)}
          >
            {t('export_button', format.label)}
          </button>
        ))}
      </div>
      <div class="row">
        <label for="import-file">{t('import_label')}</label>
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => void importFile(e)}
        />
      </div>
      <StatusLine status={status} block />
    </section>
  );
}
