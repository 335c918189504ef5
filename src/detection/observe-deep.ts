import { openShadowRoots, provideIndex, type DocumentIndex } from './dom';

const OPTIONS: MutationObserverInit = { subtree: true, childList: true, characterData: true };
const ATTRIBUTES: MutationObserverInit = { subtree: true, attributes: true };

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
 * Runs `fn` at most once per frame: the first call of a frame runs it at once, in a microtask (a
 * lone change, such as the stage turning lost, is checked without waiting); later calls in that frame are
 * coalesced into one run at the next frame. A CRM page that mutates a hundred times in a burst
 * costs one or two checks, not a hundred (issue #8). Nothing runs once `signal` aborts.
 */
export function perFrame(
  fn: () => void,
  signal: AbortSignal,
  schedule: FrameScheduler = nextFrame,
): () => void {
  /** Set while a frame is awaited: the frame of the last run has not ended yet. */
  let cancel: (() => void) | undefined;
  let again = false;
  const frameEnded = () => {
    cancel = undefined;
    if (!again || signal.aborted) return;
    again = false;
    run();
  };
  const run = () => {
    cancel = schedule(frameEnded);
    // After the current task's own handlers: a change event reaches us in its capture phase.
    queueMicrotask(() => signal.aborted || fn());
  };
  signal.addEventListener('abort', () => cancel?.(), { once: true });
  return () => {
    if (signal.aborted) return;
    if (cancel) again = true;
    else run();
  };
}

/**
 * One MutationObserver per document, shared by every observeDeep on it: it watches the document
 * and each open shadow root it has found (a document-level observer does not see into them).
 * It lends the queries of src/detection/dom.ts that list of shadow roots, and keeps their answers
 * until an added element might change them, so a check after a change neither walks the whole
 * document for shadow roots nor scans it again for a selector that matched nothing.
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
  const index: DocumentIndex = {
    shadows: () => {
      for (const shadow of shadows) if (!shadow.host.isConnected) shadows.delete(shadow);
      return shadows;
    },
    answers: new Map(),
  };
  /** The selectors of the kept answers, as one list, for the test of each added element. */
  let asked = '';
  let askedCount = 0;
  const forget = () => {
    index.answers.clear();
    askedCount = 0;
  };
  /** Forgets the kept answers an added element (or what it holds) might change. */
  const forgetAnswersFor = (el: Element) => {
    const { answers } = index;
    if (answers.size === 0) return;
    // Answers are only added between forgets: the same count is the same selectors.
    if (askedCount !== answers.size) {
      asked = [...answers.keys()].join(', ');
      askedCount = answers.size;
    }
    if (el.matches(asked) || (el.firstElementChild && el.querySelector(asked))) forget();
  };
  // Selectors also match on attributes (Salesforce's Path marks the current stage with a class,
  // Pipedrive and Zoho with aria-current): any attribute change forgets the kept answers. It
  // does not call the detectors: their checks follow DOM changes as before.
  const attributes = new MutationObserver(forget);
  // Runs for every batch of a busy page: indexed loops (a NodeList's iterator costs more), and
  // only added elements that can hold a shadow root, themselves or below, are searched.
  const observer = new MutationObserver((records) => {
    for (let i = 0; i < records.length; i++) {
      const added = records[i]!.addedNodes;
      for (let j = 0; j < added.length; j++) {
        const node = added[j]!;
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        const el = node as Element;
        forgetAnswersFor(el);
        if (el.shadowRoot || el.firstElementChild) watchShadows(el);
      }
    }
    notify();
  });
  const watch = (shadow: ShadowRoot) => {
    shadows.add(shadow);
    if (observed.has(shadow)) return;
    // Nothing kept was looked for in there.
    forget();
    observed.add(shadow);
    observer.observe(shadow, OPTIONS);
    attributes.observe(shadow, ATTRIBUTES);
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
  attributes.observe(root, ATTRIBUTES);
  for (const shadow of openShadowRoots(root)) watch(shadow);
  const change = new AbortController();
  // A <select> changes value without mutating: its change event counts too.
  root.addEventListener('change', notify, { capture: true, signal: change.signal });
  provideIndex(root, index);
  return {
    listeners,
    stop: () => {
      observer.disconnect();
      attributes.disconnect();
      change.abort();
      provideIndex(root, undefined);
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
