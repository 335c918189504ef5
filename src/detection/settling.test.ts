import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSettling } from './settling';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createSettling', () => {
  it('holds what waits for it until the settle has run, then runs it after', () => {
    const settling = createSettling();
    const order: string[] = [];
    settling.after(500, new AbortController().signal, () => order.push('settled'));
    settling.whenIdle(() => order.push('re-armed'));
    vi.advanceTimersByTime(499);
    expect(order).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(order).toEqual(['settled', 're-armed']);
  });

  it('holds nothing back once a settle was aborted (the page was left)', () => {
    const settling = createSettling();
    const page = new AbortController();
    const settled = vi.fn();
    settling.after(500, page.signal, settled);
    page.abort();
    const rearm = vi.fn();
    settling.whenIdle(rearm);
    expect(rearm).toHaveBeenCalledOnce();
    vi.runAllTimers();
    expect(settled).not.toHaveBeenCalled();
  });
});
