import { browser } from 'wxt/browser';
import type { NetworkSpec, StageSave } from './types';
import type { SaveConfirmed } from './correlator';
import { decodeRequestBody, type WebRequestBody } from './request-body';

/** A deal-stage save and the HTTP status it was answered with. */
export type SaveAnswered = SaveConfirmed & { status: number };

/**
 * Watches the CRMs' own save requests (observation only: nothing is blocked or changed) and
 * reports each deal-stage save with its answer: `onConfirmed` for 2xx, `onRefused` for any other
 * status. Requests not made by a tab (other extensions, service workers) are ignored.
 */
export function observeStageSaves(
  networks: Readonly<Record<string, NetworkSpec>>,
  handlers: {
    onConfirmed: (save: SaveAnswered) => void;
    onRefused?: (save: SaveAnswered) => void;
  },
): void {
  const inFlight = new Map<
    string,
    { crm: string; tabId: number; saves: StageSave[]; sentAt: number }
  >();
  const watched = Object.entries(networks).map(([crm, network]) => ({ crm, network }));
  const urls = watched.flatMap((w) => w.network.urls);
  if (urls.length === 0) return;

  for (const { crm, network } of watched) {
    browser.webRequest.onBeforeRequest.addListener(
      (details) => {
        if (details.tabId < 0) return undefined;
        const body = decodeRequestBody(details.requestBody as WebRequestBody);
        const saves = network.parse(details.method, details.url, body);
        if (saves.length > 0) {
          inFlight.set(details.requestId, {
            crm,
            tabId: details.tabId,
            saves,
            sentAt: details.timeStamp,
          });
        }
        return undefined;
      },
      { urls: network.urls },
      ['requestBody'],
    );
  }

  browser.webRequest.onCompleted.addListener(
    (details) => {
      const request = inFlight.get(details.requestId);
      if (!request) return;
      inFlight.delete(details.requestId);
      const ok = details.statusCode >= 200 && details.statusCode <= 299;
      const report = ok ? handlers.onConfirmed : handlers.onRefused;
      for (const save of request.saves) {
        report?.({
          crm: request.crm,
          tabId: request.tabId,
          status: details.statusCode,
          sentAt: request.sentAt,
          ...save,
        });
      }
    },
    { urls },
  );
  browser.webRequest.onErrorOccurred.addListener(
    (details) => void inFlight.delete(details.requestId),
    {
      urls,
    },
  );
}
