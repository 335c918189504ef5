import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { CORRELATION_WINDOW_MS } from '../detection/correlator';

/**
 * A shorter correlation window, for the browser tests only (tests/e2e/harness.ts writes it): a
 * test of what happens once a window is over then waits a second, not 15. Nothing in the
 * extension writes this item, so for every user it is unset and the correlator's own window
 * holds; it can only ever shorten the window.
 */
const testWindowItem = storage.defineItem<unknown>('local:testCorrelationWindowMs');
const TestWindowSchema = z.number().int().positive().max(CORRELATION_WINDOW_MS);

/**
 * The correlation window in force: read when the worker starts and whenever the item changes
 * (the loss flow is wired synchronously, so the value arrives after it).
 */
export function correlationWindow(): () => number {
  let windowMs = CORRELATION_WINDOW_MS;
  const take = (value: unknown) => {
    const parsed = TestWindowSchema.safeParse(value);
    windowMs = parsed.success ? parsed.data : CORRELATION_WINDOW_MS;
  };
  void testWindowItem.getValue().then(take);
  testWindowItem.watch(take);
  return () => windowMs;
}
