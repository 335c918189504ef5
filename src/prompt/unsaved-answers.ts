import { browser } from 'wxt/browser';
import { ReflectionValuesSchema, type ReflectionValues } from '../lessons/values';
import type { Stash } from './draft-writer';

const keyOf = (draftId: string) => `unsaved:${draftId}`;

/**
 * What a panel typed that is not in its draft yet, kept in the extension's `storage.session`:
 * in memory, with the browser session, readable by Rebound's own contexts only (the background
 * opens it to content scripts, src/background/session-access.ts; the CRM page's scripts have
 * no extension API). Not the CRM page's sessionStorage: that belongs to the CRM's origin. A
 * panel closed, a tab closed or crashed before the write went in opens with it again. Failing
 * to keep it (the session area full) leaves the text in memory, as before.
 */
export function unsavedAnswers(draftId: string): Stash<ReflectionValues> {
  const key = keyOf(draftId);
  const area = browser.storage.session;
  return {
    keep: (values) => void area?.set({ [key]: values }).catch(() => {}),
    clear: () => void area?.remove(key).catch(() => {}),
  };
}

/** The answers a panel for this draft left unwritten, if any (read through the schema). */
export async function readUnsavedAnswers(draftId: string): Promise<ReflectionValues | undefined> {
  const key = keyOf(draftId);
  const stored = await browser.storage.session?.get(key).catch(() => undefined);
  return ReflectionValuesSchema.safeParse(stored?.[key]).data;
}
