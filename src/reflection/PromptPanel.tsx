import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LossEvent } from '../messaging/messages';
import { sendToBackground } from '../messaging/transport';
import {
  clampPosition,
  DEFAULT_POSITION,
  loadPosition,
  savePosition,
  type PanelPosition,
} from './position';
import { kindLineFor } from './questions';
import { ReflectionForm } from './ReflectionForm';
import { SnoozeMenu } from './SnoozeMenu';
import { lessonFromReflection } from './to-lesson';
import type { Template } from './template';
import { initialValues, type ReflectionValues } from './values';
import { t } from '../i18n/t';

type Props = {
  loss: LossEvent;
  /** The user's questions and reasons. */
  template: Template;
  showKindLine: boolean;
  onClose: () => void;
};

/** How long the "saved" confirmation stays before the panel goes away. */
const SAVED_NOTICE_MS = 1500;
/** Answers are saved as a draft this long after the last keystroke (and when the page hides). */
const DRAFT_DEBOUNCE_MS = 400;

/** Saves the draft shortly after typing stops, and at once when the tab is hidden or closed. */
function useDraftSaver(lossId: string) {
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef<ReflectionValues>();
  const flush = () => {
    clearTimeout(timer.current);
    if (!latest.current) return;
    void sendToBackground({ type: 'draft/save', lossId, values: latest.current });
    latest.current = undefined;
  };
  useEffect(() => {
    const onHide = () => flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, []);
  return {
    changed(values: ReflectionValues) {
      latest.current = values;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, DRAFT_DEBOUNCE_MS);
    },
    discard() {
      clearTimeout(timer.current);
      latest.current = undefined;
    },
  };
}

/** Lets the panel be dragged by its header; the place is remembered for the next prompt. */
export function useDraggable() {
  const [position, setPosition] = useState<PanelPosition>(DEFAULT_POSITION);
  const panel = useRef<HTMLElement>(null);
  useEffect(() => void loadPosition().then(setPosition), []);
  const onPointerDown = (event: JSX.TargetedPointerEvent<HTMLElement>) => {
    if ((event.target as Element).closest('button, a, input, select, textarea') || !panel.current)
      return;
    const start = { x: event.clientX, y: event.clientY, ...position };
    const box = panel.current.getBoundingClientRect();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    let last = position;
    const move = (e: PointerEvent) => {
      last = clampPosition(
        {
          right: start.right - (e.clientX - start.x),
          bottom: start.bottom - (e.clientY - start.y),
        },
        box,
        { width: window.innerWidth, height: window.innerHeight },
      );
      setPosition(last);
    };
    const up = () => {
      handle.removeEventListener('pointermove', move);
      void savePosition(last);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up, { once: true });
  };
  return { position, panel, onPointerDown };
}

/**
 * Gives the keyboard focus back when the panel closes. The panel takes none when it appears;
 * when the user moves into it (Tab or a click), the page element the focus came from is
 * remembered, and gets the focus back on close, if the focus is still in the panel (or was lost
 * with it) rather than somewhere the user has gone since.
 */
export function useFocusReturn(panel: { current: HTMLElement | null }) {
  const returnTo = useRef<HTMLElement>();
  const onFocusIn = (event: FocusEvent) => {
    // Seen from inside the shadow root, a page element is itself; one of ours is in our root.
    const from = event.relatedTarget;
    if (from instanceof HTMLElement && from.getRootNode() !== panel.current?.getRootNode())
      returnTo.current = from;
  };
  // A click on a label or on text blurs the page's field before the focus comes in (with no
  // relatedTarget): at pointerdown the focus is still where it was.
  const onPointerDown = () => {
    const active = document.activeElement;
    const root = panel.current?.getRootNode();
    const host = root instanceof ShadowRoot ? root.host : undefined;
    if (active instanceof HTMLElement && active !== document.body && active !== host)
      returnTo.current = active;
  };
  const restore = () => {
    const root = panel.current?.getRootNode();
    const inPanel = root instanceof ShadowRoot && root.activeElement !== null;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (returnTo.current?.isConnected && (inPanel || lost)) returnTo.current.focus();
  };
  return { onFocusIn, onPointerDown, restore };
}

/**
 * The in-page prompt for one confirmed loss, wired to the background. Non-modal and polite: it
 * takes no focus when it appears, can be minimised to a pill and dragged, and everything typed
 * is kept as a draft.
 */
export function PromptPanel({ loss, template, showKindLine, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [minimised, setMinimised] = useState(false);
  const draft = useDraftSaver(loss.lossId);
  const drag = useDraggable();
  const focusReturn = useFocusReturn(drag.panel);
  const finish = () => {
    focusReturn.restore();
    onClose();
  };
  // Minimising and restoring move the focus to the pill and back, so it is not lost to the page.
  const pill = useRef<HTMLButtonElement>(null);
  const minimiseButton = useRef<HTMLButtonElement>(null);
  const focusAfterToggle = useRef(false);
  useLayoutEffect(() => {
    if (focusAfterToggle.current) (minimised ? pill : minimiseButton).current?.focus();
    focusAfterToggle.current = false;
  }, [minimised]);
  const toggleMinimised = (next: boolean) => {
    focusAfterToggle.current = true;
    setMinimised(next);
  };
  const initial = useMemo(() => initialValues(loss.deal, template), [loss, template]);
  const titleId = `rebound-title-${loss.lossId}`;
  const place = { right: `${drag.position.right}px`, bottom: `${drag.position.bottom}px` };

  const save = async (values: ReflectionValues) => {
    const built = lessonFromReflection(values, loss, template.version);
    if (!built.ok) return setError(built.error);
    setBusy(true);
    draft.discard();
    const reply = await sendToBackground({
      type: 'lesson/save',
      lossId: loss.lossId,
      lesson: built.lesson,
    });
    setBusy(false);
    if (!reply.ok) return setError(t('prompt_not_saved', reply.error));
    setSaved(true);
    setTimeout(finish, SAVED_NOTICE_MS);
  };
  const close = (
    message:
      { type: 'prompt/later' } | { type: 'prompt/skip' } | { type: 'prompt/snooze'; until: string },
  ) => {
    if (message.type === 'prompt/skip') draft.discard();
    void sendToBackground({ ...message, lossId: loss.lossId });
    finish();
  };

  // Minimised, the panel is hidden rather than unmounted: the answers stay as they were.
  return (
    <>
      {minimised && (
        <button
          ref={pill}
          type="button"
          class="rb-pill"
          style={place}
          onFocusIn={focusReturn.onFocusIn}
          onClick={() => toggleMinimised(false)}
        >
          {t('prompt_pill', loss.deal.dealName)}
        </button>
      )}
      <section
        hidden={minimised}
        ref={drag.panel}
        class="rb-panel"
        style={place}
        role="dialog"
        aria-labelledby={titleId}
        onFocusIn={focusReturn.onFocusIn}
        onPointerDownCapture={focusReturn.onPointerDown}
        onKeyDown={(event) => {
          // Esc is Later anywhere in the panel (the form handles it inside itself).
          if (event.key !== 'Escape' || event.defaultPrevented) return;
          event.preventDefault();
          close({ type: 'prompt/later' });
        }}
      >
        <header class="rb-header" onPointerDown={drag.onPointerDown}>
          <div class="rb-header-row">
            <h2 id={titleId} class="rb-title">
              {t('prompt_title', loss.deal.dealName)}
            </h2>
            <button
              ref={minimiseButton}
              type="button"
              class="rb-icon"
              aria-label={t('prompt_minimise')}
              title={t('prompt_minimise')}
              onClick={() => toggleMinimised(true)}
            >
              –
            </button>
          </div>
          <p class="rb-subtitle">
            {[
              loss.deal.company,
              loss.stageBefore && t('prompt_stage_before', loss.stageBefore),
              loss.deal.lostReason && t('prompt_crm_reason', loss.deal.lostReason),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {showKindLine && <p class="rb-kind">{kindLineFor(loss.lossId)}</p>}
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
        </header>
        {saved ? (
          <p class="rb-saved" role="status">
            {t('prompt_saved')}
          </p>
        ) : (
          <ReflectionForm
            idPrefix={`rebound-${loss.lossId}`}
            askDeal={false}
            template={template}
            initial={initial}
            busy={busy}
            error={error}
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
        )}
      </section>
    </>
  );
}
