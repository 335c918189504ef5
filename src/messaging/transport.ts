import { browser } from 'wxt/browser';
import { listen, sendParsed, type Sender } from './content-transport';
import {
  ToBackgroundSchema,
  ToContentSchema,
  type Reply,
  type ToBackground,
  type ToContent,
} from './messages';

export { onContentMessage } from './content-transport';

/** Sends to the background and parses its reply; a failure to deliver becomes a readable error. */
export const sendToBackground = (message: ToBackground) =>
  sendParsed(ToBackgroundSchema, message, (m) => browser.runtime.sendMessage(m));

export const sendToTab = (tabId: number, message: ToContent) =>
  sendParsed(ToContentSchema, message, (m) => browser.tabs.sendMessage(tabId, m));

export const onBackgroundMessage = (handle: (m: ToBackground, sender: Sender) => Promise<Reply>) =>
  listen(ToBackgroundSchema, handle);
