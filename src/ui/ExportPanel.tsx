import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { database } from '../db/database';
import { t } from '../i18n/t';
import { templateItem } from '../settings/store';
import { downloadBlob } from './download';
import { EXPORT_FORMATS, exportLessons, type ExportFormat } from './export-run';

type Props = {
  /** Exactly these lessons, in this order ("what you see"); without, everything. */
  ids?: string[];
  /** The panel's heading; "Export everything" without. */
  label?: string;
};

const FORMAT_LABELS: Record<ExportFormat, () => string> = {
  json: () => t('export_format_json'),
  csv: () => t('export_format_csv'),
  md: () => t('export_format_md'),
  zip: () => t('export_format_zip'),
};

type Run =
  | { state: 'idle' }
  | { state: 'running'; done: number; total: number }
  | { state: 'done' | 'cancelled' | 'error'; text: string };

/**
 * Exports lessons in the chosen format, written in pages with a progress bar and a Cancel
 * button; the status line says what was exported (its `data-state` tells tests and the bench
 * when the file has been handed to the download).
 */
export function ExportPanel({ ids, label }: Props) {
  const [format, setFormat] = useState<ExportFormat>('json');
  const [bom, setBom] = useState(false);
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const controller = useRef<AbortController>();
  // The library's toolbar and "Your data" each show one.
  const titleId = useId();
  // Leaving the page (or the toolbar unmounting) stops an export nobody waits for.
  useEffect(() => () => controller.current?.abort(), []);

  const start = async () => {
    const abort = (controller.current = new AbortController());
    setRun({ state: 'running', done: 0, total: ids?.length ?? 0 });
    try {
      const template = await templateItem.load();
      const result = await exportLessons(database(), {
        format,
        ids,
        bom,
        template: template.value,
        signal: abort.signal,
        onProgress: (done, total) => setRun({ state: 'running', done, total }),
      });
      downloadBlob(result.filename, result.blob);
      const done = t('export_done', [result.lessons.toLocaleString(), format.toUpperCase()]);
      setRun({
        state: 'done',
        text: result.wins > 0 ? `${done} ${t('export_done_wins', result.wins)}` : done,
      });
    } catch (error) {
      if (abort.signal.aborted) setRun({ state: 'cancelled', text: t('export_cancelled') });
      else setRun({ state: 'error', text: t('export_failed', String(error)) });
    }
  };

  const running = run.state === 'running';
  return (
    <div
      data-testid="export-panel"
      role="group"
      aria-labelledby={titleId}
      style={{ display: 'grid', gap: '8px' }}
    >
      <h3 id={titleId}>{label ?? t('export_label_all')}</h3>
      <div class="row">
        <label>
          {t('export_format')}{' '}
          <select
            name="format"
            value={format}
            disabled={running}
            onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}
          >
            {EXPORT_FORMATS.map((id) => (
              <option key={id} value={id}>
                {FORMAT_LABELS[id]()}
              </option>
            ))}
          </select>
        </label>
        {format === 'csv' && (
          <label>
            <input
              type="checkbox"
              name="bom"
              checked={bom}
              disabled={running}
              onChange={(e) => setBom(e.currentTarget.checked)}
            />{' '}
            {t('export_bom')}
          </label>
        )}
        <button type="button" data-testid="export-start" disabled={running} onClick={start}>
          {t('export_start')}
        </button>
        {running && (
          <button type="button" onClick={() => controller.current?.abort()}>
            {t('export_cancel')}
          </button>
        )}
      </div>
      {format === 'csv' && <p class="muted">{t('export_csv_hint')}</p>}
      {running && (
        <progress max={Math.max(run.total, 1)} value={run.done} aria-labelledby={titleId} />
      )}
      <p
        data-testid="export-status"
        data-state={run.state}
        role="status"
        class={run.state === 'error' ? 'status error' : 'status'}
      >
        {running
          ? t('export_progress', [run.done.toLocaleString(), run.total.toLocaleString()])
          : run.state === 'idle'
            ? ''
            : run.text}
      </p>
    </div>
  );
}
