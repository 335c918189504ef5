import { useMemo, useState } from 'preact/hooks';
import type { LossEvent } from '../messaging/messages';
import { sendToBackground } from '../messaging/transport';
import { usePanelFrame, useSaveAsYouType } from './panel-hooks';
import { kindLineFor } from '../lessons/questions';
import { ReflectionForm } from './ReflectionForm';
import { SnoozeMenu } from './SnoozeMenu';
import { saveReflection } from './save-reflection';
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
  onClose: () => void;
};

/**
 * The in-page prompt for one confirmed loss, wired to the background. Non-modal and polite: it
 * takes no focus when it appears, can be minimised to a pill and dragged, and everything typed
 * is kept as a draft.
 */
export function PromptPanel({ loss, template, showKindLine, lossesWaiting = 0, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<'saved' | 'already'>();
  // In memory only, retried until written: the CRM page's own sessionStorage belongs to the
  // CRM's origin (its scripts can read it), and browser.storage.session, reached through the
  // background, fails just when the background cannot be reached.
  const draft = useSaveAsYouType<ReflectionValues>((values) =>
    sendToBackground({ type: 'draft/save', draftId: loss.lossId, values }),
  );
  const { frame, finish, finishAfterNotice } = usePanelFrame(loss.lossId, onClose);
  const initial = useMemo(() => initialValues(loss.deal, template), [loss, template]);

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
  const close = (
    message:
      { type: 'prompt/later' } | { type: 'prompt/skip' } | { type: 'prompt/snooze'; until: string },
  ) => {
    if (message.type === 'prompt/skip') draft.discard();
    void sendToBackground({ ...message, lossId: loss.lossId });
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
    onEscape: () => close({ type: 'prompt/later' }),
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
        onChange={draft.changed}
        onSave={(values) => void save(values)}
        onLater={() => close({ type: 'prompt/later' })}
        actions={
          <>
            <button
              type="button"
              class="rb-secondary"
              onClick={() => close({ type: 'prompt/skip' })}
              disabled={busy}
            >
              {t('prompt_skip')}
            </button>
            <SnoozeMenu
              onSnooze={(until) => close({ type: 'prompt/snooze', until: until.toISOString() })}
            />
          </>
        }
      />
    ),
  });
}
