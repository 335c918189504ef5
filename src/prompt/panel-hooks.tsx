import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/t';
import {
  createDraftWriter,
  type Stash,
  type WriteOutcome,
  type WriteProblem,
} from './draft-writer';
import {
  clampPosition,
  DEFAULT_POSITION,
  loadPosition,
  savePosition,
  type PanelPosition,
} from './position';

/**
 * What the in-page panels (the loss prompt, the win capture) share: saving as the user types,
 * dragging, and giving the focus back.
 */

/** How long a "saved" confirmation stays before the panel goes away. */
const SAVED_NOTICE_MS = 1500;

/** Answers are saved this long after the last keystroke (and at once when the page hides). */
const SAVE_DEBOUNCE_MS = 400;

/**
 * Writes the latest value shortly after typing stops, and at once when the tab is hidden or
 * closed or the form goes away, so what was typed survives a closed tab. `problem` is why the
 * latest write failed (shown as "Not saved"), until a write succeeds: meanwhile the text stays
 * in memory (and in `stash`), and the writer keeps trying while the form is there. When the
 * form goes, one last write is tried, then no more: a writer left behind would retry for ever.
 */
export function useSaveAsYouType<T>(send: (value: T) => Promise<WriteOutcome>, stash?: Stash<T>) {
  const [problem, setProblem] = useState<WriteProblem>();
  const sendRef = useRef(send);
  sendRef.current = send;
  const [writer] = useState(() =>
    createDraftWriter<T>({
      send: (value) => sendRef.current(value),
      onProblem: setProblem,
      stash,
      debounceMs: SAVE_DEBOUNCE_MS,
    }),
  );
  useEffect(() => {
    const onHide = () => void writer.flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void writer.flush().finally(writer.stop);
    };
  }, []);
  // `problem` the reason, in words; `stopped` when no write will be tried again.
  return { ...writer, problem: problem?.reason, stopped: problem?.final === true };
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

type FrameProps = {
  /** The dialog's name, shown as its heading. */
  title: string;
  /** The minimised pill's text. */
  pillLabel: string;
  /** Facts under the title (empty ones left out). */
  subtitle: (string | undefined | false)[];
  /** Esc anywhere in the panel (after the form had its chance). */
  onEscape: () => void;
  /** More of the header: the kind line, a note. */
  header?: ComponentChildren;
  class?: string;
  children: ComponentChildren;
};

/**
 * The frame every in-page panel shares: a non-modal dialog in a corner, dragged by its header,
 * minimised to a pill (the answers stay: it is hidden, not unmounted), focus moved to the pill
 * and back, and given back to the page when the panel closes. `frame` is called in the panel's
 * render; `finish` closes it.
 */
export function usePanelFrame(id: string, onClose: () => void) {
  const [minimised, setMinimised] = useState(false);
  const drag = useDraggable();
  const focusReturn = useFocusReturn(drag.panel);
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
  const titleId = `rebound-title-${id}`;
  const place = { right: `${drag.position.right}px`, bottom: `${drag.position.bottom}px` };

  const frame = (props: FrameProps) => (
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
          {props.pillLabel}
        </button>
      )}
      <section
        hidden={minimised}
        ref={drag.panel}
        class={['rb-panel', props.class].filter(Boolean).join(' ')}
        style={place}
        role="dialog"
        aria-labelledby={titleId}
        onFocusIn={focusReturn.onFocusIn}
        onPointerDownCapture={focusReturn.onPointerDown}
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || event.defaultPrevented) return;
          event.preventDefault();
          props.onEscape();
        }}
      >
        <header class="rb-header" onPointerDown={drag.onPointerDown}>
          <div class="rb-header-row">
            <h2 id={titleId} class="rb-title">
              {props.title}
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
          <p class="rb-subtitle">{props.subtitle.filter(Boolean).join(' · ')}</p>
          {props.header}
        </header>
        {props.children}
      </section>
    </>
  );
  const finish = () => {
    focusReturn.restore();
    onClose();
  };
  return {
    frame,
    finish,
    /** Closes once the "saved" confirmation has been seen. */
    finishAfterNotice: () => setTimeout(finish, SAVED_NOTICE_MS),
  };
}
