import { browser } from 'wxt/browser';
import type { z } from 'zod';
import {
  ReplySchema,
  ToBackgroundSchema,
  ToContentSchema,
  type Reply,
  type ToBackground,
  type ToContent,
} from './messages';

/** Sends to the background and parses its reply; a failure to deliver becomes a readable error. */
export async function sendToBackground(message: ToBackground): Promise<Reply> {
  try {
    return ReplySchema.parse(await browser.runtime.sendMessage(ToBackgroundSchema.parse(message)));
  } catch (error) {
    return { ok: false, error: deliveryError(error) };
  }
}

export async function sendToTab(tabId: number, message: ToContent): Promise<Reply> {
  try {
    return ReplySchema.parse(await browser.tabs.sendMessage(tabId, ToContentSchema.parse(message)));
  } catch (error) {
    return { ok: false, error: deliveryError(error) };
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function deliveryError(error: unknown): string {
  const text = errorText(error);
  // The extension was reloaded or updated while this page stayed open.
  if (/context invalidated|receiving end does not exist/i.test(text)) {
    return 'Rebound was updated or restarted. Reload this page to reconnect it.';
  }
  return text;
}

type Sender = Parameters<Parameters<typeof browser.runtime.onMessage.addListener>[0]>[1];

/**
 * Listens for one direction's messages. The receiver parses every message: anything that does
 * not match the schema (another extension, an old version, a forged message) is dropped.
 */
function listen<S extends z.ZodType<{ type: string }>>(
  schema: S,
  handle: (message: z.infer<S>, sender: Sender) => Promise<Reply> | undefined,
): () => void {
  // sendResponse + `return true` rather than a returned promise: Chrome honours only the former.
  // A handler returning undefined leaves the message to another listener.
  const listener = (raw: unknown, sender: Sender, sendResponse: (reply: Reply) => void) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return false;
    const reply = handle(parsed.data, sender);
    if (!reply) return false;
    reply
      .catch((error: unknown): Reply => ({ ok: false, error: errorText(error) }))
      .then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

export const onBackgroundMessage = (handle: (m: ToBackground, sender: Sender) => Promise<Reply>) =>
  listen(ToBackgroundSchema, handle);

export const onContentMessage = (
  handle: (m: ToContent, sender: Sender) => Promise<Reply> | undefined,
) => listen(ToContentSchema, handle);
