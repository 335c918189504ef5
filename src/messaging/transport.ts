import { browser } from 'wxt/browser';
import { listen, sendParsed, type Sender } from './content-transport';
import {
  BackgroundReplies,
  ContentReplies,
  ToBackgroundSchema,
  ToContentSchema,
  type BackgroundReply,
  type ContentReply,
  type Handlers,
  type ToBackground,
  type ToContent,
} from './messages';

export { onContentMessage, type Sender } from './content-transport';

/**
 * Sends to the background; the reply's data comes parsed by that message type's reply schema
 * (a reply of another shape is a failure). A failure to deliver becomes a readable error.
 */
export const sendToBackground = <M extends ToBackground>(
  message: M,
): Promise<BackgroundReply<M['type']>> =>
  sendParsed(ToBackgroundSchema, message, BackgroundReplies[message.type], (m) =>
    browser.runtime.sendMessage(m),
  ) as Promise<BackgroundReply<M['type']>>;

export const sendToTab = <M extends ToContent>(
  tabId: number,
  message: M,
): Promise<ContentReply<M['type']>> =>
  sendParsed(ToContentSchema, message, ContentReplies[message.type], (m) =>
    browser.tabs.sendMessage(tabId, m),
  ) as Promise<ContentReply<M['type']>>;

/** Every message type the background answers, each handler's reply checked by its schema. */
export type BackgroundHandlers = Handlers<ToBackground, typeof BackgroundReplies, Sender>;

export const onBackgroundMessage = (handlers: BackgroundHandlers) =>
  listen(ToBackgroundSchema, handlers);
