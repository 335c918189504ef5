import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { database } from '../../../src/db/database';
import { recentLessons } from '../../../src/db/lessons';
import { recentWins } from '../../../src/db/wins';
import { toCsv } from '../../../src/export/csv';
import { toJson } from '../../../src/export/json';
import { toMarkdown } from '../../../src/export/markdown';
import type { Lesson } from '../../../src/lessons/schema';
import { resolveTemplate, type TemplateSettings } from '../../../src/lessons/template';
import { templateItem } from '../../../src/settings/store';
import { downloadText } from '../../../src/ui/download';
import { importFile } from '../../../src/ui/import-file';
import { t } from '../../../src/i18n/t';
import { StatusLine, type Status } from '../../../src/ui/StatusLine';
import { StoragePersistence } from '../../../src/ui/StoragePersistence';
import type { Win } from '../../../src/lessons/win-schema';

const FORMATS = {
  json: {
    get label() {
      return t('export_format_json');
    },
    type: 'application/json',
    write: (lessons: Lesson[], wins: Win[], template: TemplateSettings | undefined) =>
      toJson(lessons, { template, wins }),
    hasWins: true,
  },
  csv: {
    get label() {
      return t('export_format_csv');
    },
    type: 'text/csv',
    // One row per lesson: wins are in the JSON and Markdown exports.
    write: (lessons: Lesson[], _wins: Win[], template: TemplateSettings | undefined) =>
      toCsv(lessons, resolveTemplate(template)),
    hasWins: false,
  },
  md: {
    get label() {
      return t('export_format_md');
    },
    type: 'text/markdown',
    write: (lessons: Lesson[], wins: Win[], template: TemplateSettings | undefined) =>
      toMarkdown(lessons, resolveTemplate(template), new Date(), wins),
    hasWins: true,
  },
} as const;

export function ExportImport() {
  const [status, setStatus] = useState<Status>();

  const exportAs = async (ext: keyof typeof FORMATS) => {
    const format = FORMATS[ext];
    const [lessons, wins, template] = await Promise.all([
      recentLessons(database()),
      recentWins(database()),
      templateItem.load(),
    ]);
    const day = new Date().toISOString().slice(0, 10);
    downloadText(
      `rebound-lessons-${day}.${ext}`,
      format.write(lessons, wins, template.value),
      format.type,
    );
    const done = t('export_done', [lessons.length, ext.toUpperCase()]);
    const withWins = format.hasWins && wins.length > 0;
    setStatus({
      error: false,
      text: withWins ? `${done} ${t('export_done_wins', wins.length)}` : done,
    });
  };

  const importChosen = async (event: JSX.TargetedEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setStatus(await importFile(database(), { name: file.name, text: await file.text() }));
  };

  return (
    <section aria-labelledby="export-title" style={{ display: 'grid', gap: '10px' }}>
      <h2 id="export-title">{t('export_title')}</h2>
      <StoragePersistence />
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
          onChange={(e) => void importChosen(e)}
        />
      </div>
      <StatusLine status={status} block />
    </section>
  );
}
