import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../src/public/_locales/en/messages.json';

type Message = { message: string; placeholders?: Record<string, { content: string }> };

/**
 * WXT's fake browser has no i18n (getMessage throws): this reads the English messages.json as
 * Chrome does. Named placeholders ($NAME$) become their content, then $1…$9 the substitutions,
 * and $$ a dollar sign. A key that is not in the file fails the test instead of showing ''.
 */
export function getMessage(key: string, substitutions?: string | (string | number)[]): string {
  const entry = (messages as Record<string, Message>)[key];
  if (!entry) throw new Error(`No message "${key}" in src/public/_locales/en/messages.json`);
  const values = substitutions === undefined ? [] : [substitutions].flat().map(String);
  const placeholders = Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  const named = entry.message.replace(
    /\$(\w+)\$/g,
    (whole, name: string) => placeholders[name.toLowerCase()] ?? whole,
  );
  return named.replace(/\$(\$|[1-9])/g, (_, what: string) =>
    what === '$' ? '$' : (values[Number(what) - 1] ?? ''),
  );
}

fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
