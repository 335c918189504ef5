import { openShadowRoots, provideShadowRoots } from '../crm/dom';

const OPTIONS: MutationObserverInit = { subtree: true, childList: true, characterData: true };

/**
 * Schedules `fn` for the next animation frame; the returned function cancels it. rAF never
 * fires in a hidden tab, so a timer stands in there (browsers run it at most once a second).
 */
export type FrameScheduler = (fn: () => void) => () => void;

/** How long a hidden tab's check may wait for a frame that never comes. */
const HIDDEN_TAB_FALLBACK_MS = 100;

export const nextFrame: FrameScheduler = (fn) => {
  let done = false;
  const fire = () => {
    if (done) return;
    cancel();
    fn();
  };
  const frame = requestAnimationFrame(fire);
  const timer = setTimeout(fire, HIDDEN_TAB_FALLBACK_MS);
  const cancel = () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
  return cancel;
};

/**
 * Coalesces calls into one run of `fn` per frame: a CRM page that mutates a hundred times in a
 * burst costs one check, not a hundred (issue #8). Nothing runs once `signal` aborts.
 */
export function perFrame(
  fn: () => void,
  signal: AbortSignal,
  schedule: FrameScheduler = nextFrame,
): () => void {
  let cancel: (() => void) | undefined;
  signal.addEventListener('abort', () => cancel?.(), { once: true });
  return () => {
    if (cancel || signal.aborted) return;
    cancel = schedule(() => {
      cancel = undefined;
      if (!signal.aborted) fn();
    });
  };
}

/**
 * One MutationObserver per document, shared by every observeDeep on it: it watches the document
 * and each open shadow root it has found (a document-level observer does not see into them),
 * and lends that list of shadow roots to the queries of src/crm/dom.ts, so a check after a
 * change does not walk the whole document to find them again.
 */
type DocumentWatch = { listeners: Set<() => void>; stop: () => void };
const watches = new WeakMap<Document, DocumentWatch>();

function watchDocument(root: Document): DocumentWatch {
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const observed = new WeakSet<Node>();
  const shadows = new Set<ShadowRoot>();
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element) watchShadows(node);
      }
    }
    notify();
  });
  const watch = (shadow: ShadowRoot) => {
    shadows.add(shadow);
    if (observed.has(shadow)) return;
    observed.add(shadow);
    observer.observe(shadow, OPTIONS);
  };
  // Only what was added is searched for shadow roots: the cost follows the change, not the page.
  const watchShadows = (el: Element) => {
    if (el.shadowRoot) {
      watch(el.shadowRoot);
      // openShadowRoots(el) sees only el's light DOM; hosts nested in its shadow root count too.
      for (const shadow of openShadowRoots(el.shadowRoot)) watch(shadow);
    }
    for (const shadow of openShadowRoots(el)) watch(shadow);
  };
  observer.observe(root, OPTIONS);
  for (const shadow of openShadowRoots(root)) watch(shadow);
  const change = new AbortController();
  // A <select> changes value without mutating: its change event counts too.
  root.addEventListener('change', notify, { capture: true, signal: change.signal });
  provideShadowRoots(root, () => {
    for (const shadow of shadows) if (!shadow.host.isConnected) shadows.delete(shadow);
    return shadows;
  });
  return {
    listeners,
    stop: () => {
      observer.disconnect();
      change.abort();
      provideShadowRoots(root, undefined);
    },
  };
}

/**
 * Calls `onChange` after DOM changes anywhere in the document, including inside open shadow
 * roots, at most once per animation frame. Form `change` events count too.
 */
export function observeDeep(
  root: Document,
  onChange: () => void,
  signal: AbortSignal,
  schedule: FrameScheduler = nextFrame,
): void {
  if (signal.aborted) return;
  let watch = watches.get(root);
  if (!watch) {
    watch = watchDocument(root);
    watches.set(root, watch);
  }
  const listener = perFrame(onChange, signal, schedule);
  watch.listeners.add(listener);
  const shared = watch;
  signal.addEventListener(
    'abort',
    () => {
      shared.listeners.delete(listener);
      if (shared.listeners.size > 0) return;
      shared.stop();
      watches.delete(root);
    },
    { once: true },
  );
}

/** Runs `fn` after `ms` unless `signal` aborts first; at once when `ms` is 0. */
export function afterDelay(ms: number, signal: AbortSignal, fn: () => void): void {
  if (ms <= 0) return fn();
  const timer = setTimeout(fn, ms);
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}
