import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../src/public/_locales/en/messages.json';
import { formatMessage, type MessageTable } from '../src/i18n/format-message';

/**
 * WXT's fake browser has no i18n (getMessage throws): this reads the English messages.json as
 * Chrome does. A key that is not in the file fails the test instead of showing ''.
 */
export function getMessage(key: string, substitutions?: string | (string | number)[]): string {
  const text = formatMessage(messages as MessageTable, key, substitutions);
  if (text === undefined)
    throw new Error(`No message "${key}" in src/public/_locales/en/messages.json`);
  return text;
}

fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
