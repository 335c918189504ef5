import { useState } from 'preact/hooks';
import { t } from '../i18n/t';
import type { WinEvent } from '../messaging/messages';
import { sendToBackground } from '../messaging/transport';
import { useDraggable, useFocusReturn } from '../reflection/PromptPanel';
import { hasAnswers } from './questions';
import { winFromCapture } from './capture';
import { WinForm } from './WinForm';

type Props = { win: WinEvent; onClose: () => void };

/** How long the "saved" confirmation stays before the panel goes away. */
const SAVED_NOTICE_MS = 1500;

/**
 * The "what worked" capture for one confirmed win, in the CRM page: the loss prompt's shell
 * (corner panel, draggable, takes no focus when it appears, gives it back on close), three short
 * questions, Save and Not now (Esc). Deal names are page text, rendered as text only.
 */
export function WinPanel({ win, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const drag = useDraggable();
  const focusReturn = useFocusReturn(drag.panel);
  const titleId = `rebound-win-title-${win.winId}`;
  const finish = () => {
    focusReturn.restore();
    onClose();
  };
  const notNow = () => {
    void sendToBackground({ type: 'win/dismiss', winId: win.winId });
    finish();
  };
  const save = async (answers: Record<string, string>) => {
    if (!hasAnswers(answers)) return setError(t('win_error_empty'));
    setBusy(true);
    const reply = await sendToBackground({
      type: 'win/save',
      winId: win.winId,
      win: winFromCapture(win, answers),
    });
    setBusy(false);
    if (!reply.ok) return setError(t('manual_not_saved', reply.error));
    setSaved(true);
    setTimeout(finish, SAVED_NOTICE_MS);
  };

  return (
    <section
      ref={drag.panel}
      class="rb-panel rb-win"
      style={{ right: `${drag.position.right}px`, bottom: `${drag.position.bottom}px` }}
      role="dialog"
      aria-labelledby={titleId}
      onFocusIn={focusReturn.onFocusIn}
      onPointerDownCapture={focusReturn.onPointerDown}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        notNow();
      }}
    >
      <header class="rb-header" onPointerDown={drag.onPointerDown}>
        <h2 id={titleId} class="rb-title">
          {t('win_title', win.deal.dealName)}
        </h2>
        <p class="rb-subtitle">
          {[win.deal.company, win.stageBefore && t('prompt_stage_before', win.stageBefore)]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </header>
      {saved ? (
        <p class="rb-saved" role="status">
          {t('win_saved')}
        </p>
      ) : (
        <WinForm
          idPrefix={`rebound-win-${win.winId}`}
          busy={busy}
          error={error}
          onSave={(answers) => void save(answers)}
          onNotNow={notNow}
          onEdit={() => setError(undefined)}
        />
      )}
    </section>
  );
}
