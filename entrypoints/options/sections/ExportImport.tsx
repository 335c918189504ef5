import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { database } from '../../../src/db/database';
import { importLessons, recentLessons } from '../../../src/db/lessons';
import { toCsv } from '../../../src/export/csv';
import { fromJson, toJson } from '../../../src/export/json';
import { toMarkdown } from '../../../src/export/markdown';
import { downloadText } from '../../../src/ui/download';

const FORMATS = {
  json: { label: 'JSON (re-importable)', type: 'application/json', write: toJson },
  csv: { label: 'CSV (spreadsheets)', type: 'text/csv', write: toCsv },
  md: { label: 'Markdown (notes)', type: 'text/markdown', write: toMarkdown },
} as const;

type Status = { kind: 'ok' | 'error'; text: string } | undefined;

export function ExportImport() {
  const [status, setStatus] = useState<Status>();

  const exportAs = async (ext: keyof typeof FORMATS) => {
    const format = FORMATS[ext];
    const lessons = await recentLessons(database());
    const day = new Date().toISOString().slice(0, 10);
    downloadText(`rebound-lessons-${day}.${ext}`, format.write(lessons), format.type);
    setStatus({ kind: 'ok', text: `Exported ${lessons.length} lessons as ${ext.toUpperCase()}.` });
  };

  const importFile = async (event: JSX.TargetedEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const parsed = fromJson(await file.text());
    if (!parsed.ok)
      return setStatus({
        kind: 'error',
        text: `${file.name}: ${parsed.error} Nothing was imported.`,
      });
    const counts = await importLessons(database(), parsed.lessons);
    setStatus({
      kind: 'ok',
      text: `Imported ${file.name}: ${counts.added} new, ${counts.updated} updated, ${counts.unchanged} already here.`,
    });
  };

  return (
    <section aria-labelledby="export-title" style={{ display: 'grid', gap: '10px' }}>
      <h2 id="export-title">Export and import</h2>
      <div class="row">
        {Object.entries(FORMATS).map(([ext, format]) => (
          <button
            key={ext}
            type="button"
            onClick={() => void exportAs(ext as keyof typeof FORMATS)}
          >
            Export {format.label}
          </button>
        ))}
      </div>
      <div class="row">
        <label for="import-file">Import a JSON export</label>
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => void importFile(e)}
        />
      </div>
      {status && (
        <p class={`status ${status.kind === 'error' ? 'error' : ''}`} role="status">
          {status.text}
        </p>
      )}
    </section>
  );
}
