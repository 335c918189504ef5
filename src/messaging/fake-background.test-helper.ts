import { vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { ToBackground } from './messages';

/** How a test's background answers each message type it cares about (given the message). */
export type Replies = Partial<{
  [K in ToBackground['type']]: (message: Extract<ToBackground, { type: K }>) => unknown;
}>;

/**
 * The background, as a panel or an extension page hears it: each message answered by
 * `replies`, any other with `{ ok: true }`. Returns every message sent, in order.
 */
export function fakeBackground(replies: Replies): ToBackground[] {
  const sent: ToBackground[] = [];
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (message: ToBackground) => {
    sent.push(message);
    const reply = replies[message.type] as ((m: ToBackground) => unknown) | undefined;
    return reply ? reply(message) : { ok: true };
  }) as never);
  return sent;
}
