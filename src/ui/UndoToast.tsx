import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import { describeWriteError } from '../db/write-error';
import { t } from '../i18n/t';
import './edits.css';

/** How long an undo stays offered (paused while the pointer or focus is on the toast). */
export const UNDO_MS = 8000;

/** What the toast says, and how to take the action back (none: a plain confirmation). */
export type UndoOffer = {
  message: string;
  undo?: () => Promise<void>;
  /** Said once the undo went through. */
  undone?: string;
};

type Shown = UndoOffer & { id: number; failed?: string; busy?: boolean };

const OfferContext = createContext<((offer: UndoOffer) => void) | undefined>(undefined);

/**
 * Offers an undo in the page's toast (the UndoProvider's): a new offer replaces the one shown.
 * The toast outlives the component that offered it (a deleted lesson's row).
 */
export function useUndo(): (offer: UndoOffer) => void {
  const offer = useContext(OfferContext);
  return (
    offer ??
    (() => {
      throw new Error('useUndo needs an <UndoProvider> around the page');
    })
  );
}

let nextId = 0;

/**
 * The page's one undo toast, below `children`. A polite live region that is always in the page
 * (a region added with its text is often not announced); never modal, never takes focus.
 */
export function UndoProvider({
  children,
  timeoutMs = UNDO_MS,
}: {
  children: ComponentChildren;
  timeoutMs?: number;
}) {
  const [shown, setShown] = useState<Shown>();
  const [held, setHeld] = useState(false);
  const offer = useCallback((next: UndoOffer) => setShown({ ...next, id: ++nextId }), []);
  useEffect(() => {
    if (!shown || held || shown.busy) return;
    const timer = setTimeout(() => setShown(undefined), timeoutMs);
    return () => clearTimeout(timer);
  }, [shown, held, timeoutMs]);

  const undo = async (current: Shown) => {
    setShown({ ...current, busy: true, failed: undefined });
    try {
      await current.undo!();
      // The undone state has no Undo of its own, so the focus it may have had goes back to the page.
      setHeld(false);
      setShown({ id: ++nextId, message: current.undone ?? '' });
    } catch (error) {
      setShown({ ...current, busy: false, failed: describeWriteError(error).message });
    }
  };

  return (
    <OfferContext.Provider value={offer}>
      {children}
      <div
        class="undo-toast"
        role="status"
        aria-live="polite"
        aria-atomic="true"
        onMouseEnter={() => setHeld(true)}
        onMouseLeave={() => setHeld(false)}
        onFocusIn={() => setHeld(true)}
        onFocusOut={() => setHeld(false)}
      >
        {shown?.message && <UndoToast shown={shown} onUndo={undo} onDismiss={setShown} />}
      </div>
    </OfferContext.Provider>
  );
}

function UndoToast({
  shown,
  onUndo,
  onDismiss,
}: {
  shown: Shown;
  onUndo: (shown: Shown) => void;
  onDismiss: (none: undefined) => void;
}) {
  return (
    <div key={shown.id}>
      <span>{shown.failed ? t('undo_failed', shown.failed) : shown.message}</span>
      {shown.undo && (
        <button type="button" disabled={shown.busy} onClick={() => onUndo(shown)}>
          {t('undo')}
        </button>
      )}
      <button type="button" class="link" onClick={() => onDismiss(undefined)}>
        {t('undo_dismiss')}
      </button>
    </div>
  );
}
