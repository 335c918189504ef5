import { findField } from '../request-fields';
import { normaliseLabel } from '../../settings/stage-labels';
import type { NetworkSpec, RequestBody, StageSave } from '../../detection/types';
import { ZOHO_CRM_HOSTS } from './pages';

/** Zoho's API hosts, one per data centre, in the same order as the web app's hosts. */
export const ZOHO_API_HOSTS = [
  'www.zohoapis.com',
  'www.zohoapis.eu',
  'www.zohoapis.in',
  'www.zohoapis.com.au',
  'www.zohoapis.jp',
  'www.zohoapis.ca',
  'www.zohoapis.com.cn',
  'www.zohoapis.sa',
];

/** The Deals module: "Deals" in the API, "Potentials" in the web app's own requests and URLs. */
const DEAL_MODULES = ['deals', 'potentials'];

/** Zoho's default Deal stages, normalised. Stage values are labels, not ids. */
const DEFAULT_LOST_STAGES = ['closed lost', 'closed lost to competition'];
const DEFAULT_WON_STAGE = 'closed won';

/**
 * Zoho saves the stage's label (`"Closed Lost"`), whatever the user's language shows. The
 * default lost stages say lost and the default won stage says not lost; every other value (the
 * default open stages, which orgs rename and reuse freely, and custom stages) is for the label
 * on the page to decide.
 */
function lostByValue(value: string): boolean | undefined {
  const label = normaliseLabel(value);
  if (DEFAULT_LOST_STAGES.includes(label)) return true;
  if (label === DEFAULT_WON_STAGE) return false;
  return undefined;
}

/** Where a request may name its module: `/crm/v2.2/{Module}/…`, `?module=`, a `module` field. */
function namedModules(url: URL, body: RequestBody): string[] {
  const names: string[] = [];
  const parts = url.pathname.split('/').filter(Boolean);
  const version = parts.findIndex((part) => /^v\d+(?:\.\d+)?$/i.test(part));
  if (version >= 0 && parts[version + 1]) names.push(parts[version + 1]!);
  names.push(...url.searchParams.getAll('module'));
  if (body.kind === 'form') names.push(...(body.fields.module ?? []));
  if (body.kind === 'json' && body.value && typeof body.value === 'object') {
    const module = (body.value as Record<string, unknown>).module;
    if (typeof module === 'string') names.push(module);
  }
  return names;
}

/** A record id in the path: `/Deals/{id}`, `/Potentials/{id}`. */
function dealIdFromPath(url: URL): string | undefined {
  return /\/(?:Deals|Potentials)\/(\d+)(?:\/|$)/i.exec(url.pathname)?.[1];
}

const ID_KEYS = ['id', 'recordId', 'record_id', 'entityId'];

/** A record id beside the fields of a form post, or in the query string. */
function dealIdBeside(url: URL, body: RequestBody): string | undefined {
  for (const key of ID_KEYS) {
    const fromForm = body.kind === 'form' ? body.fields[key] : undefined;
    const value = fromForm?.length === 1 ? fromForm[0] : (url.searchParams.get(key) ?? undefined);
    if (value && /^\d+$/.test(value)) return value;
  }
  return undefined;
}

const SAVE_METHODS = ['PUT', 'PATCH', 'POST'];
const HOSTS = [...ZOHO_CRM_HOSTS, ...ZOHO_API_HOSTS];

/**
 * Reads the `Stage` of every deal a request saves. The public API sends
 * `PUT /crm/v2/Deals/{id}` (v2 to v8) or a batch `PUT /crm/v2/Deals` as
 * `{"data":[{"id":"…","Stage":"Closed Lost"}]}`; the web app's own requests differ (internal
 * `/crm/v2.2/…` calls, form posts under `/crm/{org}/…`), so the field is looked for anywhere in a
 * JSON or form body, with the record id from the body, the path or the query. A request that
 * names another module (Leads, Contacts…) is not about deals.
 */
function parse(method: string, rawUrl: string, body: RequestBody): StageSave[] {
  if (!SAVE_METHODS.includes(method.toUpperCase())) return [];
  const url = new URL(rawUrl);
  if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return [];
  // Settings requests (`/crm/v2/settings/fields`…) edit the Stage picklist itself, not a deal.
  if (!url.pathname.startsWith('/crm/') || /\/settings\//i.test(url.pathname)) return [];
  const modules = namedModules(url, body);
  if (modules.length > 0 && !modules.some((m) => DEAL_MODULES.includes(m.toLowerCase()))) {
    return [];
  }
  const fallbackId = dealIdFromPath(url) ?? dealIdBeside(url, body);
  return findField(body, 'Stage', ID_KEYS).flatMap(({ value, recordId }) => {
    const dealId = recordId ?? fallbackId;
    // Zoho answers a record it refused with 200 and `"status":"error"` in the body, which
    // webRequest cannot read: the status proves nothing, and the page must show the loss.
    return dealId && value
      ? [{ dealId, stageValue: value, lost: lostByValue(value), okStatusIsNotProof: true as const }]
      : [];
  });
}

export const zohoNetwork: NetworkSpec = {
  // The web app saves through its own host's /crm/ paths; API calls go to www.zohoapis.*.
  urls: HOSTS.map((host) => `https://${host}/crm/*`),
  parse,
};
