/**
 * The moves still settling on one page: a card dropped in a lost column, a lost stage shown
 * before the CRM accepted it, each waiting to see it stays. A re-arm for new settings waits for
 * them, since aborting one would drop a move the user made; leaving the page does abort them.
 */
export type Settling = {
  /** Runs `fn` after `ms` unless `signal` aborts first; counted as settling until then. */
  after(ms: number, signal: AbortSignal, fn: () => void): void;
  /** Runs `fn` once nothing is settling: at once when nothing is. */
  whenIdle(fn: () => void): void;
};

export function createSettling(): Settling {
  let pending = 0;
  let waiting: (() => void)[] = [];
  const settled = () => {
    if (--pending > 0) return;
    const run = waiting;
    waiting = [];
    for (const fn of run) fn();
  };
  return {
    after(ms, signal, fn) {
      if (ms <= 0) return fn();
      if (signal.aborted) return;
      pending++;
      const onAbort = () => {
        clearTimeout(timer);
        settled();
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        try {
          fn();
        } finally {
          settled();
        }
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    },
    whenIdle(fn) {
      if (pending === 0) fn();
      else waiting.push(fn);
    },
  };
}
