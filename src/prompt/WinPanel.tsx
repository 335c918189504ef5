import { useRef, useState } from 'preact/hooks';
import { t } from '../i18n/t';
import type { WinEvent } from '../messaging/messages';
import { sendToBackground } from '../messaging/transport';
import { usePanelFrame, useSaveAsYouType } from './panel-hooks';
import { hasAnswers } from '../lessons/win-questions';
import { WinForm } from './WinForm';

type Props = { win: WinEvent; onClose: () => void };

/**
 * The "what worked" capture for one confirmed win, in the CRM page: the loss prompt's shell
 * (corner panel, draggable, takes no focus when it appears, gives it back on close), three short
 * questions, Save and Not now (Esc). Deal names are page text, rendered as text only.
 */
export function WinPanel({ win, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<'saved' | 'kept'>();
  // What is written so far is kept as it is typed: a closed tab or "Not now" loses none of it.
  // Only the answers go: the background builds the win from its own copy of the won deal.
  const answers = useRef<Record<string, string>>({});
  const send = (written: Record<string, string>, done: boolean) =>
    sendToBackground({ type: 'win/save', winId: win.winId, answers: written, done });
  const keep = useSaveAsYouType<Record<string, string>>((written) => send(written, false));
  const { frame, finish, finishAfterNotice } = usePanelFrame(win.winId, onClose);
  const edited = (written: Record<string, string>) => {
    answers.current = written;
    setError(undefined);
    if (hasAnswers(written)) keep.changed(written);
    else keep.discard();
  };
  // What waits is written first, so that a failure says truly whether what was written is kept;
  // until the save succeeds the writer keeps trying, so a closed tab still loses nothing.
  const save = async (written: Record<string, string>, how: 'saved' | 'kept') => {
    setBusy(true);
    setError(undefined);
    const kept = await keep.flush();
    const reply = await send(written, true);
    setBusy(false);
    if (!reply.ok) {
      return setError(
        kept ? t('win_not_saved', reply.error) : t('win_not_saved_not_kept', reply.error),
      );
    }
    keep.discard();
    setSaved(how);
    finishAfterNotice();
  };
  // Closing with something written keeps it; with nothing, the capture is let go.
  const notNow = () => {
    if (hasAnswers(answers.current)) return void save(answers.current, 'kept');
    keep.discard();
    void sendToBackground({ type: 'win/dismiss', winId: win.winId });
    finish();
  };

  return frame({
    title: t('win_title', win.deal.dealName),
    pillLabel: t('win_pill', win.deal.dealName),
    subtitle: [win.deal.company, win.stageBefore && t('prompt_stage_before', win.stageBefore)],
    onEscape: notNow,
    class: 'rb-win',
    children: saved ? (
      <p class="rb-saved" role="status">
        {saved === 'kept' ? t('win_kept') : t('win_saved')}
      </p>
    ) : (
      <WinForm
        idPrefix={`rebound-win-${win.winId}`}
        busy={busy}
        error={error}
        unsaved={keep.problem}
        onSave={(written) =>
          hasAnswers(written) ? void save(written, 'saved') : setError(t('win_error_empty'))
        }
        onNotNow={notNow}
        onEdit={edited}
      />
    ),
  });
}
