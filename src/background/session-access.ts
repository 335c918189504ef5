import { browser } from 'wxt/browser';

/**
 * Lets the panels in CRM tabs keep typed answers that are not written yet in `storage.session`
 * (src/prompt/unsaved-answers.ts). Content scripts are Rebound's own code, in an isolated world:
 * the CRM page's scripts still cannot read it. Nothing else is kept in that area. Browsers
 * without the call (Firefox opens the area to content scripts already) skip it.
 */
export function openSessionStorageToPanels(): void {
  const session = browser.storage.session as
    { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> } | undefined;
  void session
    ?.setAccessLevel?.({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' })
    .catch((error: unknown) => console.error('Rebound: storage.session stays closed', error));
}
