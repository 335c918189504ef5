import { formatMessage, type MessageTable } from './format-message';

let table: MessageTable = {};

/**
 * Extension APIs do not reach a Web Worker, so `t()` (and the schemas' sentences) have no
 * `chrome.i18n` there. This gives the worker one reading the extension's own messages.json.
 * Imported first by a worker: `wxt/browser` picks up `globalThis.chrome` when it is loaded.
 */
const scope = globalThis as { chrome?: unknown };
scope.chrome ??= {
  i18n: {
    getMessage: (key: string, substitutions?: string | string[]) =>
      formatMessage(table, key, substitutions) ?? '',
  },
};

/**
 * Loads the messages of the page's language (`en-US`, then `en`), as Chrome would pick them,
 * falling back to English, the default locale.
 */
export async function loadWorkerMessages(language: string): Promise<void> {
  const full = language.replace('-', '_');
  const candidates = [...new Set([full, full.split('_')[0]!, 'en'])];
  for (const locale of candidates) {
    const response = await fetch(`/_locales/${locale}/messages.json`).catch(() => undefined);
    if (!response?.ok) continue;
    table = (await response.json()) as MessageTable;
    return;
  }
}
