import { browser } from 'wxt/browser';
import { DealPrefillSchema, type DealPrefill } from '../lessons/deal-prefill';

/**
 * The extension page where a reflection is written without any CRM tab: a new one for a loss
 * outside the supported CRMs, or an unfinished one (`draftId`) continued.
 */
export function reflectPageUrl(draftId?: string): string {
  const query = draftId === undefined ? '' : `?draft=${encodeURIComponent(draftId)}`;
  return browser.runtime.getURL(`/reflect.html${query}`);
}

/** The reflect page for a loss Rebound did not catch, with the deal filled in. */
export function reflectOnDealUrl(deal: DealPrefill): string {
  const query = new URLSearchParams(
    Object.entries(deal).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return browser.runtime.getURL(`/reflect.html?${query}`);
}

/** The deal a reflect page URL names, or undefined (a plain manual entry) when it names none. */
export function dealPrefillFrom(search: string): DealPrefill | undefined {
  const params = new URLSearchParams(search);
  if (!params.has('crm')) return undefined;
  const parsed = DealPrefillSchema.safeParse(
    Object.fromEntries(
      Object.keys(DealPrefillSchema.shape).flatMap((key) => {
        const value = params.get(key);
        return value === null ? [] : [[key, value]];
      }),
    ),
  );
  return parsed.success ? parsed.data : undefined;
}
