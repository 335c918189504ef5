import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '../../../src/i18n/t';
import { sendToBackground } from '../../../src/messaging/transport';
import { ExportPanel } from '../../../src/ui/ExportPanel';

type Run = { state: 'idle' | 'deleting' } | { state: 'done' | 'error'; text: string };

/**
 * "Delete all data": a dialog that offers the JSON export of everything first (the only copy
 * is on this device), then asks the user to confirm before the background deletes everything
 * (src/background/delete-all.ts). The status says what happened, a failure in words; its
 * `data-state` tells tests when the background has answered.
 */
export function DeleteAllData() {
  const [open, setOpen] = useState(false);
  const [sure, setSure] = useState(false);
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const dialogTitleId = useId();
  // Modal: the rest of the page is inert while it is open, Escape closes it (onClose).
  useEffect(() => {
    if (open) dialog.current?.showModal();
  }, [open]);

  const close = () => {
    dialog.current?.close();
    setOpen(false);
  };
  const deleteAll = async () => {
    setRun({ state: 'deleting' });
    const reply = await sendToBackground({ type: 'data/delete-all' });
    setRun(
      reply.ok
        ? { state: 'done', text: t('delete_all_done') }
        : { state: 'error', text: reply.error },
    );
    close();
  };
  const deleting = run.state === 'deleting';

  return (
    <div
      data-testid="delete-all"
      role="group"
      aria-labelledby={titleId}
      style={{ display: 'grid', gap: '8px' }}
    >
      <h3 id={titleId}>{t('delete_all_title')}</h3>
      <p class="muted">{t('delete_all_intro')}</p>
      <div>
        <button
          type="button"
          class="danger"
          data-testid="delete-all-open"
          onClick={() => {
            setSure(false);
            setOpen(true);
          }}
        >
          {t('delete_all_open')}
        </button>
      </div>
      <p
        data-testid="delete-all-status"
        data-state={run.state}
        role="status"
        class={run.state === 'error' ? 'status error' : 'status'}
      >
        {run.state === 'done' || run.state === 'error' ? run.text : ''}
      </p>
      {open && (
        <dialog
          ref={dialog}
          aria-labelledby={dialogTitleId}
          data-testid="delete-all-dialog"
          onClose={() => setOpen(false)}
          style={{ maxWidth: '560px', display: 'grid', gap: '10px' }}
        >
          <h3 id={dialogTitleId}>{t('delete_all_dialog_title')}</h3>
          <p>{t('delete_all_what')}</p>
          <ExportPanel label={t('delete_all_export_first')} />
          <label>
            <input
              type="checkbox"
              data-testid="delete-all-sure"
              checked={sure}
              disabled={deleting}
              onChange={(e) => setSure(e.currentTarget.checked)}
            />{' '}
            {t('delete_all_sure')}
          </label>
          <div class="row">
            <button
              type="button"
              class="danger"
              data-testid="delete-all-confirm"
              disabled={!sure || deleting}
              onClick={() => void deleteAll()}
            >
              {deleting ? t('delete_all_deleting') : t('delete_all_confirm')}
            </button>
            <button
              type="button"
              data-testid="delete-all-cancel"
              disabled={deleting}
              onClick={close}
            >
              {t('delete_all_cancel')}
            </button>
          </div>
        </dialog>
      )}
    </div>
  );
}
