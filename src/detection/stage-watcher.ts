/**
 * Calls `onChange` when the stage a page shows changes. The first value seen is the baseline,
 * so a page that loads already lost never counts as a change. Driven by DOM mutations and form
 * `change` events, never by a timer; everything stops when `signal` aborts.
 */
export function watchStage(options: {
  root: Document;
  read: () => string | undefined;
  onChange: (before: string, after: string) => void;
  signal: AbortSignal;
}): void {
  const { root, read, onChange, signal } = options;
  if (signal.aborted) return;
  let current = read();
  const check = () => {
    const next = read();
    // A missing value is a re-render in progress, not a new stage.
    if (next === undefined || next === current) return;
    const before = current;
    current = next;
    if (before !== undefined) onChange(before, next);
  };
  const observer = new MutationObserver(check);
  observer.observe(root, { subtree: true, childList: true, characterData: true });
  // A native <select> changes its value without any mutation.
  root.addEventListener('change', check, { capture: true, signal });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
