import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDraftWriter, retryDelay, type WriteOutcome } from './draft-writer';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const FULL = 'Your browser has no room left.';

function setup(outcomes: (WriteOutcome | Error)[] = []) {
  const sent: string[] = [];
  const send = vi.fn(async (value: string): Promise<WriteOutcome> => {
    sent.push(value);
    const next = outcomes.shift() ?? { ok: true };
    if (next instanceof Error) throw next;
    return next;
  });
  const problems: (string | undefined)[] = [];
  const stash = { keep: vi.fn<(value: string) => void>(), clear: vi.fn() };
  const writer = createDraftWriter({
    send,
    onProblem: (problem) => problems.push(problem?.reason),
    stash,
    debounceMs: 400,
  });
  return { writer, sent, problems, stash };
}

describe('createDraftWriter', () => {
  it('stops trying after a final refusal, keeping the text (another window finished it)', async () => {
    const { writer, sent, problems, stash } = setup([
      { ok: false, error: 'Saved elsewhere.', final: true },
    ]);
    writer.changed('a');
    await vi.advanceTimersByTimeAsync(400);
    writer.changed('ab');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await writer.flush()).toBe(false);
    expect(sent).toEqual(['a']);
    expect(problems).toEqual(['Saved elsewhere.']);
    expect(stash.keep).toHaveBeenLastCalledWith('ab');
    expect(stash.clear).not.toHaveBeenCalled();
  });

  it('tries no more once stopped (the form is gone)', async () => {
    const { writer, sent } = setup([{ ok: false, error: FULL }]);
    writer.changed('a');
    await vi.advanceTimersByTimeAsync(400);
    writer.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toEqual(['a']);
  });

  it('writes the latest value once typing pauses', async () => {
    const { writer, sent } = setup();
    writer.changed('a');
    writer.changed('ab');
    await vi.advanceTimersByTimeAsync(399);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual(['ab']);
  });

  it('says why a write failed, keeps the text and tries again until it is written', async () => {
    const { writer, sent, problems, stash } = setup([
      { ok: false, error: FULL },
      { ok: false, error: FULL },
    ]);
    writer.changed('draft');
    await vi.advanceTimersByTimeAsync(400);
    expect(problems).toEqual([FULL]);
    expect(stash.keep).toHaveBeenLastCalledWith('draft');
    expect(stash.clear).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(retryDelay(1));
    expect(sent).toEqual(['draft', 'draft']);
    writer.changed('draft, more');
    await vi.advanceTimersByTimeAsync(400);
    expect(sent).toEqual(['draft', 'draft', 'draft, more']);
    expect(problems).toEqual([FULL, undefined]);
    expect(stash.clear).toHaveBeenCalledOnce();
  });

  it('reads a message that could not be delivered as a failure too', async () => {
    const { writer, problems } = setup([new Error('Extension context invalidated.')]);
    writer.changed('x');
    expect(await writer.flush()).toBe(false);
    expect(problems).toEqual(['Extension context invalidated.']);
  });

  it('says on flush whether everything typed is written', async () => {
    const { writer } = setup([{ ok: false, error: FULL }]);
    expect(await writer.flush()).toBe(true);
    writer.changed('x');
    expect(await writer.flush()).toBe(false);
    expect(await writer.flush()).toBe(true);
  });

  it('writes what came while a write was on its way, after it', async () => {
    let release: (outcome: WriteOutcome) => void = () => {};
    const sent: string[] = [];
    const writer = createDraftWriter<string>({
      send: (value) => {
        sent.push(value);
        return sent.length === 1
          ? new Promise((resolve) => (release = resolve))
          : Promise.resolve({ ok: true });
      },
      onProblem: () => {},
      debounceMs: 400,
    });
    writer.changed('a');
    const first = writer.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['a']);
    writer.changed('ab');
    const second = writer.flush();
    release({ ok: true });
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(sent).toEqual(['a', 'ab']);
  });

  it('stops trying once discarded', async () => {
    const { writer, sent, problems } = setup([{ ok: false, error: FULL }]);
    writer.changed('x');
    await vi.advanceTimersByTimeAsync(400);
    writer.discard();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toEqual(['x']);
    expect(problems).toEqual([FULL, undefined]);
  });

  it('waits longer after each failure, up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelay)).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
  });
});
