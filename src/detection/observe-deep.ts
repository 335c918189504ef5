import { openShadowRoots } from '../crm/dom';

const OPTIONS: MutationObserverInit = { subtree: true, childList: true, characterData: true };

/**
 * Calls `onChange` after DOM changes anywhere in the document, including inside open shadow
 * roots (a document-level MutationObserver does not see into them). Calls are coalesced to one
 * per microtask. Form `change` events count too: a <select> changes value without mutating.
 */
export function observeDeep(root: Document, onChange: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  let queued = false;
  const notify = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (!signal.aborted) onChange();
    });
  };
  const watched = new WeakSet<Node>();
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element) watchShadows(node);
      }
    }
    notify();
  });
  const watch = (node: Document | ShadowRoot) => {
    if (watched.has(node)) return;
    watched.add(node);
    observer.observe(node, OPTIONS);
  };
  const watchShadows = (el: Element) => {
    if (el.shadowRoot) {
      watch(el.shadowRoot);
      // openShadowRoots(el) sees only el's light DOM; hosts nested in its shadow root count too.
      for (const shadow of openShadowRoots(el.shadowRoot)) watch(shadow);
    }
    for (const shadow of openShadowRoots(el)) watch(shadow);
  };
  watch(root);
  for (const shadow of openShadowRoots(root)) watch(shadow);
  root.addEventListener('change', notify, { capture: true, signal });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

/** Runs `fn` after `ms` unless `signal` aborts first; at once when `ms` is 0. */
export function afterDelay(ms: number, signal: AbortSignal, fn: () => void): void {
  if (ms <= 0) return fn();
  const timer = setTimeout(fn, ms);
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}
