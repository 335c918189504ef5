import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { database } from '../../../src/db/database';
import { t } from '../../../src/i18n/t';
import { commitImport, previewImport, type ImportPreview } from '../../../src/ui/import-file';
import { parseInWorker, type ParseFile } from '../../../src/ui/parse-in-worker';

type Props = {
  /** How a chosen file is read: in a Web Worker; tests read it in the page. */
  parse?: ParseFile;
};

/** How many invalid records the preview lists one by one; the rest are counted. */
const LISTED_INVALID = 100;

type Step =
  | { state: 'idle' }
  | { state: 'reading'; name: string; done: number; total: number }
  | { state: 'preview'; preview: ImportPreview }
  | { state: 'writing'; preview: ImportPreview }
  | { state: 'done' | 'error' | 'cancelled'; text: string };

/** The preview of a checked file: what it would add, what is already here, what is left out. */
function Preview({ preview }: { preview: ImportPreview }) {
  const { lessons, wins, invalid } = preview;
  const here = lessons.newer.length + lessons.notNewer;
  const rest = invalid.length - LISTED_INVALID;
  return (
    <>
      <h3>{t('import_preview_title', preview.name)}</h3>
      <ul>
        <li data-testid="import-count-new">{t('import_preview_new', lessons.fresh.length)}</li>
        <li data-testid="import-count-here">
          {t('import_preview_here', [here, lessons.newer.length])}
        </li>
        <li data-testid="import-count-invalid">{t('import_preview_invalid', invalid.length)}</li>
        {wins.fresh.length + wins.newer.length + wins.notNewer > 0 && (
          <li>
            {t('import_preview_wins', [wins.fresh.length, wins.newer.length + wins.notNewer])}
          </li>
        )}
      </ul>
      {invalid.length > 0 && (
        <>
          <h4>{t('import_invalid_title')}</h4>
          <ul data-testid="import-invalid">
            {invalid.slice(0, LISTED_INVALID).map((record) => (
              <li key={`${record.list}:${record.number}`}>{record.reason}</li>
            ))}
            {rest > 0 && (
              <li>{rest === 1 ? t('import_problem_more_one') : t('import_problem_more', rest)}</li>
            )}
          </ul>
        </>
      )}
    </>
  );
}

/**
 * Imports a Rebound export (JSON of any format version, or Rebound's CSV): the file is read and
 * checked off the page's thread, then previewed — nothing is written until "Import", which
 * writes lessons and notes in one all-or-nothing transaction.
 */
export function ImportPanel({ parse = parseInWorker }: Props) {
  const [step, setStep] = useState<Step>({ state: 'idle' });
  const [replace, setReplace] = useState(true);
  const reading = useRef<AbortController>();
  useEffect(() => () => reading.current?.abort(), []);

  const choose = async (event: JSX.TargetedEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    reading.current?.abort();
    const abort = (reading.current = new AbortController());
    setStep({ state: 'reading', name: file.name, done: 0, total: 0 });
    try {
      const read = await parse(
        file,
        (done, total) => setStep({ state: 'reading', name: file.name, done, total }),
        abort.signal,
      );
      if (!read.ok) {
        setStep({ state: 'error', text: t('import_failed', [file.name, read.error]) });
        return;
      }
      const preview = await previewImport(database(), file.name, read);
      if (!abort.signal.aborted) setStep({ state: 'preview', preview });
    } catch (error) {
      setStep(
        abort.signal.aborted
          ? { state: 'cancelled', text: t('import_cancelled', file.name) }
          : { state: 'error', text: t('import_failed', [file.name, String(error)]) },
      );
    }
  };

  const confirm = async (preview: ImportPreview) => {
    setStep({ state: 'writing', preview });
    const status = await commitImport(database(), preview, replace);
    setStep({ state: status.error ? 'error' : 'done', text: status.text });
  };

  const cancel = () => {
    if (step.state === 'reading') reading.current?.abort();
    else if (step.state === 'preview')
      setStep({ state: 'cancelled', text: t('import_cancelled', step.preview.name) });
  };

  const shown = step.state === 'preview' || step.state === 'writing' ? step.preview : undefined;
  const statusText =
    step.state === 'reading'
      ? step.total > 0
        ? t('import_checking', [step.done.toLocaleString(), step.total.toLocaleString()])
        : t('import_reading', step.name)
      : step.state === 'writing'
        ? t('import_working')
        : step.state === 'done' || step.state === 'error' || step.state === 'cancelled'
          ? step.text
          : '';
  return (
    <div style={{ display: 'grid', gap: '8px' }}>
      <div class="row">
        <label for="import-file">{t('import_label')}</label>
        <input
          id="import-file"
          data-testid="import-file"
          type="file"
          accept=".json,.csv,application/json,text/csv"
          disabled={step.state === 'reading' || step.state === 'writing'}
          onChange={(e) => void choose(e)}
        />
      </div>
      {step.state === 'reading' && (
        <progress
          max={Math.max(step.total, 1)}
          value={step.total > 0 ? step.done : undefined}
          aria-label={t('import_reading', step.name)}
        />
      )}
      {shown && (
        <div data-testid="import-preview" style={{ display: 'grid', gap: '8px' }}>
          <Preview preview={shown} />
          {shown.lessons.newer.length + shown.lessons.notNewer > 0 && (
            <fieldset>
              <legend>{t('import_choice_legend')}</legend>
              <label>
                <input
                  type="radio"
                  name="existing"
                  value="skip"
                  checked={!replace}
                  onChange={() => setReplace(false)}
                />{' '}
                {t('import_choice_skip')}
              </label>{' '}
              <label>
                <input
                  type="radio"
                  name="existing"
                  value="replace"
                  checked={replace}
                  onChange={() => setReplace(true)}
                />{' '}
                {t('import_choice_replace')}
              </label>
            </fieldset>
          )}
          <div class="row">
            <button
              type="button"
              data-testid="import-confirm"
              disabled={step.state === 'writing'}
              onClick={() => void confirm(shown)}
            >
              {t('import_confirm')}
            </button>
            {step.state === 'preview' && (
              <button type="button" onClick={cancel}>
                {t('import_cancel')}
              </button>
            )}
          </div>
        </div>
      )}
      {step.state === 'reading' && (
        <div class="row">
          <button type="button" onClick={cancel}>
            {t('import_cancel')}
          </button>
        </div>
      )}
      <p
        data-testid="import-status"
        data-state={step.state}
        role="status"
        class={step.state === 'error' ? 'status error' : 'status'}
      >
        {statusText}
      </p>
    </div>
  );
}
