/**
 * What one attempt to write a draft answered. `final`: no later attempt can succeed (the draft
 * was changed in another window, or finished or skipped there): the writer stops trying.
 */
export type WriteOutcome = { ok: true } | { ok: false; error: string; final?: boolean };

/** Why what was typed is not written: `final` when the writer has stopped trying. */
export type WriteProblem = { reason: string; final: boolean };

/** Where the text waits, beyond memory, until it is written (the reflect page: sessionStorage). */
export type Stash<T> = { keep(value: T): void; clear(): void };

export type DraftWriter<T> = {
  /** The latest value: written shortly, unless another comes first. */
  changed(value: T): void;
  /** Writes what is waiting now. True when everything typed so far is written. */
  flush(): Promise<boolean>;
  /** Why the latest write failed, while nothing since has succeeded. */
  problemNow(): WriteProblem | undefined;
  /** Forgets what is waiting and stops trying (the reflection was saved or let go). */
  discard(): void;
  /**
   * No more attempts after the one under way (the form is gone): what waits stays in `stash`,
   * if there is one.
   */
  stop(): void;
};

/** After the nth failed attempt in a row, wait this long before the next: 1 s, 2 s, 4 s … 30 s. */
export const retryDelay = (failures: number) => Math.min(30_000, 1000 * 2 ** (failures - 1));

/**
 * Writes a draft as it is typed, and never drops it quietly: the latest value waits in memory
 * (and in `stash`) until a write of it succeeds. A failed write (the reply said no, the message
 * could not be delivered, the database threw) is told through `onProblem` with its reason, and
 * tried again, later and later, until it is written; then `onProblem(undefined)` clears it. A
 * final refusal stops the writer: the text stays (in memory and `stash`) but is never sent.
 * Writes go one at a time, each with the newest value.
 */
export function createDraftWriter<T>(options: {
  send: (value: T) => Promise<WriteOutcome>;
  onProblem: (problem: WriteProblem | undefined) => void;
  stash?: Stash<T>;
  debounceMs: number;
}): DraftWriter<T> {
  const { send, onProblem, stash, debounceMs } = options;
  let waiting: { value: T } | undefined;
  let problem: WriteProblem | undefined;
  let stopped = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<boolean> = Promise.resolve(true);

  const tell = (next: WriteProblem | undefined) => {
    if (next?.reason === problem?.reason && next?.final === problem?.final) return;
    problem = next;
    onProblem(next);
  };
  const later = (ms: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => void flush(), ms);
  };
  /** Writes until nothing new waits, or a write fails. */
  const writeWaiting = async (): Promise<boolean> => {
    while (waiting) {
      if (stopped) return false;
      const sent = waiting;
      let outcome: WriteOutcome;
      try {
        outcome = await send(sent.value);
      } catch (error) {
        outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      // Discarded meanwhile: nothing is waiting any more, whatever this write said.
      if (!waiting) return true;
      if (!outcome.ok) {
        failures++;
        if (outcome.final) stopped = true;
        tell({ reason: outcome.error, final: stopped });
        later(retryDelay(failures));
        return false;
      }
      failures = 0;
      if (waiting === sent) {
        waiting = undefined;
        stash?.clear();
      }
    }
    tell(undefined);
    return true;
  };
  const flush = () => {
    clearTimeout(timer);
    queue = queue.then(writeWaiting);
    return queue;
  };

  return {
    changed(value) {
      waiting = { value };
      stash?.keep(value);
      later(debounceMs);
    },
    flush,
    problemNow: () => problem,
    discard() {
      clearTimeout(timer);
      waiting = undefined;
      stash?.clear();
      tell(undefined);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
