import { findField } from '../request-fields';
import type { NetworkSpec, RequestBody, StageSave } from '../../detection/types';
import { companyOf } from './pages';

/** Pipedrive's public API host (`/v1/…`, `/v2/…`); the web app also calls `/api/…` on its own host. */
const API_HOST = 'api.pipedrive.com';

/**
 * A deal's `status` is one of open, won, lost (and deleted). Stages are a separate field
 * (`stage_id`): a deal is lost by its status, whatever stage it was lost in.
 */
function lostByStatus(value: string): boolean | undefined {
  switch (value.trim().toLowerCase()) {
    case 'lost':
      return true;
    case 'won':
    case 'open':
    case 'deleted':
      return false;
    default:
      // Not a status Pipedrive documents: let the page's label decide.
      return undefined;
  }
}

/** The path of a request to one of Pipedrive's APIs, or undefined for any other request. */
function apiPath(url: URL): string | undefined {
  if (url.protocol !== 'https:' || url.port !== '') return undefined;
  const host = url.hostname.toLowerCase();
  if (host === API_HOST) return url.pathname;
  if (companyOf(host) && url.pathname.startsWith('/api/')) return url.pathname;
  return undefined;
}

/**
 * A deals resource: the collection (`/deals`, `/deals/bulk`) or one deal (`/deals/{id}`, and
 * actions below it such as `/deals/{id}/something`). A numeric id further down
 * (`/deals/{id}/products/{attachmentId}`) is another record: not a deal save.
 */
const DEALS_PATH = /\/deals?(?:\/(\d+))?(?:\/[a-z_-]+)*\/?$/i;

const SAVE_METHODS = ['PUT', 'PATCH', 'POST'];

/** The stage value of a save whose body the browser did not show. */
export const UNREADABLE = '(body not readable)';

/** Keys that carry the deal's id in a body sent to a collection path. */
const ID_KEYS = ['id', 'deal_id', 'dealId'];

function parse(method: string, rawUrl: string, body: RequestBody): StageSave[] {
  if (!SAVE_METHODS.includes(method.toUpperCase())) return [];
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return [];
  }
  const path = apiPath(url);
  const deals = path === undefined ? null : DEALS_PATH.exec(path);
  if (!deals) return [];
  const pathId = deals[1];
  // Chromium's webRequest hands extensions the body of POST and PUT requests only: a PATCH (the
  // v2 API's update) arrives without one. It may be the status save, so it counts as a save of
  // that deal whose meaning only the page can tell (the board reports a loss only once the card
  // has left after "Mark as lost"; the deal page only once its header says Lost).
  if (method.toUpperCase() === 'PATCH' && body.kind === 'none') {
    return pathId ? [{ dealId: pathId, stageValue: UNREADABLE, lost: undefined }] : [];
  }
  const saves: StageSave[] = [];
  for (const { value, recordId } of findField(body, 'status', ID_KEYS)) {
    // In one deal's body, a `status` under another id belongs to some other record.
    if (pathId && recordId !== undefined && recordId !== pathId) continue;
    const dealId = pathId ?? recordId;
    if (!dealId || !/^\d+$/.test(dealId)) continue;
    if (saves.some((s) => s.dealId === dealId && s.stageValue === value)) continue;
    saves.push({ dealId, stageValue: value, lost: lostByStatus(value) });
  }
  return saves;
}

export const pipedriveNetwork: NetworkSpec = {
  // The web app saves through `/api/v1/…` and `/api/v2/…` on the company's own host; the public
  // API (integrations, some app views) answers at api.pipedrive.com.
  urls: ['https://*.pipedrive.com/api/*', `https://${API_HOST}/*`],
  parse,
};
