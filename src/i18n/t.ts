import { browser } from 'wxt/browser';

/** The keys of src/public/_locales/en/messages.json (type only: nothing is bundled). */
export type MessageKey = keyof typeof import('../public/_locales/en/messages.json');

/**
 * A user-facing string in the browser's language (English is the default locale). Call it when
 * the text is shown, never at module load: Node-side code (tests, the build config) imports
 * modules that use it, and has no `browser`. Substitutions fill the message's placeholders in
 * order ($1, $2, …).
 */
export function t(key: MessageKey, substitutions?: string | number | (string | number)[]): string {
  const values =
    substitutions === undefined
      ? undefined
      : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  return browser.i18n.getMessage(key, values);
}
