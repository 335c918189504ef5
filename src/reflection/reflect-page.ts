import { browser } from 'wxt/browser';

/**
 * The extension page where a reflection is written without any CRM tab: a new one for a loss
 * outside the supported CRMs, or an unfinished one (`draftId`) continued.
 */
export function reflectPageUrl(draftId?: string): string {
  const query = draftId === undefined ? '' : `?draft=${encodeURIComponent(draftId)}`;
  return browser.runtime.getURL(`/reflect.html${query}`);
}
