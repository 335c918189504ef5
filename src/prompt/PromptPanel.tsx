import { useEffect, useMemo, useState } from 'preact/hooks';
import type { LossEvent } from '../messaging/messages';
import { sendToBackground } from '../messaging/transport';
import { usePanelFrame, useSaveAsYouType } from './panel-hooks';
import { kindLineFor } from '../lessons/questions';
import { ReflectionForm } from './ReflectionForm';
import { SnoozeMenu } from './SnoozeMenu';
import { draftSaver, saveReflection } from './save-reflection';
import { unsavedAnswers } from './unsaved-answers';
import type { Template } from '../lessons/template';
import { initialValues, type ReflectionValues } from '../lessons/values';
import { t } from '../i18n/t';

type Props = {
  loss: LossEvent;
  /** The user's questions and reasons. */
  template: Template;
  showKindLine: boolean;
  /** Losses queued behind this one (a bulk change): each opens after this panel closes. */
  lossesWaiting?: number;
  /** Answers a panel of this loss typed and could not write: the form starts from them. */
  restored?: ReflectionValues;
  onClose: () => void;
};

/**
 * The in-page prompt for one confirmed loss, wired to the background. Non-modal and polite: it
 * takes no focus when it appears, can be minimised to a pill and dragged, and everything typed
 * is kept as a draft.
 */
export function PromptPanel({
  loss,
  template,
  showKindLine,
  lossesWaiting = 0,
  restored,
  onClose,
}: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<'saved' | 'already'>();
  // Retried until written; meanwhile in memory and in storage.session (unsaved-answers.ts), not
  // in the CRM page's own sessionStorage, which belongs to the CRM's origin.
  // The panel opens with the draft as the background started it (its first answers), so its
  // first write is based on that revision.
  const [saver] = useState(draftSaver);
  const draft = useSaveAsYouType<ReflectionValues>(
    (values) => saver.send(loss.lossId, values),
    unsavedAnswers(loss.lossId),
  );
  // Restored answers are written as soon as the panel is there again.
  useEffect(() => {
    if (restored) draft.changed(restored);
  }, []);
  const { frame, finish, finishAfterNotice } = usePanelFrame(loss.lossId, onClose);
  const initial = useMemo(
    () => restored ?? initialValues(loss.deal, template),
    [loss, template, restored],
  );

  const save = async (values: ReflectionValues) => {
    setBusy(true);
    setError(undefined);
    const outcome = await saveReflection(loss.lossId, values, draft);
    setBusy(false);
    if ('error' in outcome) return setError(outcome.error);
    draft.discard();
    setSaved(outcome.saved);
    finishAfterNotice();
  };
  /**
   * Later, Remind me, Skip: the panel closes only once what was typed is written (Skip lets it
   * go) and the background has recorded the choice; otherwise it stays, with the reason (a
   * failed Remind me would leave no reminder). A draft that can never be written (saved or
   * changed in another window) does not hold it open: the form has said so already.
   */
  const close = async (
    message:
      { type: 'prompt/later' } | { type: 'prompt/skip' } | { type: 'prompt/snooze'; until: string },
  ) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    if (message.type === 'prompt/skip') draft.discard();
    const kept = (await draft.flush()) || draft.problemNow()?.final === true;
    const reply = kept
      ? await sendToBackground({ ...message, lossId: loss.lossId })
      : { ok: false as const, error: draft.problemNow()?.reason ?? '' };
    setBusy(false);
    if (!reply.ok) return setError(t('prompt_close_failed', reply.error));
    finish();
  };

  // Esc is Later anywhere in the panel (the form handles it inside itself).
  return frame({
    title: t('prompt_title', loss.deal.dealName),
    pillLabel: t('prompt_pill', loss.deal.dealName),
    subtitle: [
      loss.deal.company,
      loss.stageBefore && t('prompt_stage_before', loss.stageBefore),
      loss.deal.lostReason && t('prompt_crm_reason', loss.deal.lostReason),
    ],
    // Once saved, Esc is not Later: the lesson is kept, and the notice closes the panel itself.
    onEscape: () => void (saved || close({ type: 'prompt/later' })),
    header: (
      <>
        {showKindLine && <p class="rb-kind">{kindLineFor(loss.lossId)}</p>}
        {lossesWaiting > 0 && (
          <p class="rb-note" role="status" data-testid="bulk-more">
            {lossesWaiting === 1
              ? t('prompt_bulk_one')
              : t('prompt_bulk_more', String(lossesWaiting))}
          </p>
        )}
        {loss.askAboutSettings && (
          <p class="rb-note">
            {t('prompt_ask_less_often')}{' '}
            <button
              type="button"
              class="rb-link"
              onClick={() => void sendToBackground({ type: 'options/open' })}
            >
              {t('prompt_change_settings')}
            </button>
          </p>
        )}
      </>
    ),
    children: saved ? (
      <p class="rb-saved" role="status">
        {saved === 'already' ? t('prompt_saved_already') : t('prompt_saved')}
      </p>
    ) : (
      <ReflectionForm
        idPrefix={`rebound-${loss.lossId}`}
        askDeal={loss.askDeal ?? false}
        template={template}
        initial={initial}
        busy={busy}
        error={error}
        unsaved={draft.problem}
        unsavedForGood={draft.stopped}
        onChange={draft.changed}
        onSave={(values) => void save(values)}
        onLater={() => void close({ type: 'prompt/later' })}
        actions={
          <>
            <button
              type="button"
              class="rb-secondary"
              onClick={() => void close({ type: 'prompt/skip' })}
              disabled={busy}
            >
              {t('prompt_skip')}
            </button>
            <SnoozeMenu
              onSnooze={(until) =>
                void close({ type: 'prompt/snooze', until: until.toISOString() })
              }
            />
          </>
        }
      />
    ),
  });
}
