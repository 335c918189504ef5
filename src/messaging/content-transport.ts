import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { t } from '../i18n/t';
import {
  ContentToBackgroundReplies,
  ContentToBackgroundSchema,
  ReplySchema,
  ToContentSchema,
  type ContentToBackground,
  type Handlers,
  type Reply,
  type ReplyTo,
  type ToContent,
} from './content-messages';
// Types only: the schemas themselves stay out of the content script's bundle (the background,
// which parses these replies, has them).
import type { ContentReplies } from './messages';

// The content script's side of messaging: it imports only zod/mini schemas, so it stays small
// at load. transport.ts (background, extension pages, panels) builds on the same functions.

/**
 * Sends a message parsed by `schema` and parses the reply's envelope, then its data with
 * `replySchema`: a reply of the wrong shape is a failure, never data of the wrong type. A failure
 * to deliver becomes a readable error.
 */
export async function sendParsed<M>(
  schema: z.core.$ZodType<M>,
  message: M,
  replySchema: z.core.$ZodType,
  send: (message: M) => Promise<unknown>,
): Promise<Reply<unknown>> {
  let raw: unknown;
  try {
    raw = await send(z.parse(schema, message));
  } catch (error) {
    return { ok: false, error: deliveryError(error) };
  }
  const reply = z.safeParse(ReplySchema, raw);
  if (!reply.success) return { ok: false, error: t('reply_unreadable') };
  if (!reply.data.ok) return reply.data;
  const data = z.safeParse(replySchema, reply.data.data);
  return data.success ? { ok: true, data: data.data } : { ok: false, error: t('reply_unreadable') };
}

type ContentToBackgroundReply<M extends ContentToBackground> = ReplyTo<
  typeof ContentToBackgroundReplies,
  M['type']
>;

/**
 * What a content script sends before any panel is loaded (the panels use transport.ts). The
 * reply typed by its message type: the map says which schema parsed it.
 */
export const sendToBackground = <M extends ContentToBackground>(
  message: M,
): Promise<ContentToBackgroundReply<M>> =>
  sendParsed(ContentToBackgroundSchema, message, ContentToBackgroundReplies[message.type], (m) =>
    browser.runtime.sendMessage(m),
  ) as Promise<ContentToBackgroundReply<M>>;

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
 * Listens for one direction's messages and answers each with its type's handler. The receiver
 * parses every message: anything that does not match the schema (another extension, an old
 * version, a forged message) is dropped. A type without a handler here is left to another
 * listener (a frame runs more than one: run-content.ts and the custom-rule script).
 */
export function listen<M extends { type: string }>(
  schema: z.core.$ZodType<M>,
  handlers: { [K in M['type']]?: (message: never, sender: Sender) => Promise<unknown> },
): () => void {
  // sendResponse + `return true` rather than a returned promise: Chrome honours only the former.
  const listener = (raw: unknown, sender: Sender, sendResponse: (reply: unknown) => void) => {
    const parsed = z.safeParse(schema, raw);
    if (!parsed.success) return false;
    const handle = handlers[parsed.data.type as M['type']] as
      ((message: M, sender: Sender) => Promise<unknown>) | undefined;
    if (!handle) return false;
    handle(parsed.data, sender)
      .catch((error: unknown): Reply<unknown> => ({ ok: false, error: errorText(error) }))
      .then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** The content script's answers to the background, each typed by ContentReplies (messages.ts). */
export const onContentMessage = (
  handlers: Partial<Handlers<ToContent, typeof ContentReplies, Sender>>,
) => listen(ToContentSchema, handlers);
