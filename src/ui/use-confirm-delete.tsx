import { useState } from 'preact/hooks';
import { t } from '../i18n/t';
import { describeWriteError } from '../db/write-error';

/**
 * A Delete button that asks first: the button goes where the item's actions are, the question
 * (an alertdialog with Delete and Keep) below it. Nothing is deleted until the user says yes. A
 * delete that fails leaves the question open, with the reason in words.
 */
export function useConfirmDelete(
  question: string,
  /** Resolves with the reason in words when the delete was refused (a reply that said no). */
  remove: () => Promise<void | string>,
  /** Other words for the button and its "yes" (Clear the log, Clear). */
  labels?: { button: string; yes: string },
) {
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState<string>();
  const yes = async () => {
    setFailed(undefined);
    try {
      const refused = await remove();
      if (refused) return setFailed(refused);
      setConfirming(false);
    } catch (error) {
      setFailed(describeWriteError(error).message);
    }
  };
  const button = (
    <button type="button" class="danger" onClick={() => setConfirming(true)} disabled={confirming}>
      {labels?.button ?? t('library_delete')}
    </button>
  );
  const confirm = confirming && (
    <div
      class="row"
      role="alertdialog"
      aria-label={t('library_confirm_delete')}
      style={{ marginTop: '8px' }}
    >
      <span>{question}</span>
      <button type="button" class="danger" onClick={() => void yes()}>
        {labels?.yes ?? t('library_delete_yes')}
      </button>
      <button
        type="button"
        onClick={() => {
          setConfirming(false);
          setFailed(undefined);
        }}
      >
        {t('library_keep')}
      </button>
      {failed && (
        <p class="status error" role="alert">
          {failed}
        </p>
      )}
    </div>
  );
  return { button, confirm };
}
