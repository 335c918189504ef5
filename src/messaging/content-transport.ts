import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import {
  ContentToBackgroundSchema,
  ReplySchema,
  ToContentSchema,
  type ContentToBackground,
  type Reply,
  type ToContent,
} from './content-messages';

// The content script's side of messaging: it imports only zod/mini schemas, so it stays small
// at load. transport.ts (background, extension pages, panels) builds on the same functions.

/** Sends a message parsed by `schema` and parses the reply; a failure becomes a readable error. */
export async function sendParsed<T>(
  schema: z.core.$ZodType<T>,
  message: T,
  send: (message: T) => Promise<unknown>,
): Promise<Reply> {
  try {
    return ReplySchema.parse(await send(z.parse(schema, message)));
  } catch (error) {
    return { ok: false, error: deliveryError(error) };
  }
}

/** What a content script sends before any panel is loaded (the panels use transport.ts). */
export const sendToBackground = (message: ContentToBackground): Promise<Reply> =>
  sendParsed(ContentToBackgroundSchema, message, (m) => browser.runtime.sendMessage(m));

export function errorText(error: unknown): string {
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

export type Sender = Parameters<Parameters<typeof browser.runtime.onMessage.addListener>[0]>[1];

/**
 * Listens for one direction's messages. The receiver parses every message: anything that does
 * not match the schema (another extension, an old version, a forged message) is dropped.
 */
export function listen<M extends { type: string }>(
  schema: z.core.$ZodType<M>,
  handle: (message: M, sender: Sender) => Promise<Reply> | undefined,
): () => void {
  // sendResponse + `return true` rather than a returned promise: Chrome honours only the former.
  // A handler returning undefined leaves the message to another listener.
  const listener = (raw: unknown, sender: Sender, sendResponse: (reply: Reply) => void) => {
    const parsed = z.safeParse(schema, raw);
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

export const onContentMessage = (
  handle: (m: ToContent, sender: Sender) => Promise<Reply> | undefined,
) => listen(ToContentSchema, handle);
