import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CORRELATION_WINDOW_MS } from '../detection/correlator';
import { correlationWindow } from './test-window';

const KEY = 'testCorrelationWindowMs';

beforeEach(() => fakeBrowser.reset());

describe('correlationWindow', () => {
  it('is the correlator’s own window when nothing set one (every user)', async () => {
    const windowMs = correlationWindow();
    await expect.poll(windowMs).toBe(CORRELATION_WINDOW_MS);
  });

  it('takes a shorter window stored before the worker started', async () => {
    await fakeBrowser.storage.local.set({ [KEY]: 1000 });
    const windowMs = correlationWindow();
    await expect.poll(windowMs).toBe(1000);
  });

  it('follows the stored window while the worker runs, back to its own when it is removed', async () => {
    const windowMs = correlationWindow();
    await fakeBrowser.storage.local.set({ [KEY]: 2500 });
    await expect.poll(windowMs).toBe(2500);
    await fakeBrowser.storage.local.remove(KEY);
    await expect.poll(windowMs).toBe(CORRELATION_WINDOW_MS);
  });

  it('never lengthens the window, nor takes a value that is not a duration', async () => {
    for (const value of [CORRELATION_WINDOW_MS + 1, 0, 1.5, '1000']) {
      fakeBrowser.reset();
      const windowMs = correlationWindow();
      await fakeBrowser.storage.local.set({ [KEY]: 2000 });
      await expect.poll(windowMs).toBe(2000);
      await fakeBrowser.storage.local.set({ [KEY]: value });
      await expect.poll(windowMs).toBe(CORRELATION_WINDOW_MS);
    }
  });
});
