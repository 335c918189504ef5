import type { PageInfo } from '../../detection/types';

/**
 * Zoho CRM's web app hosts, one per data centre: US, EU, India, Australia, Japan, Canada, China,
 * Saudi Arabia. Other Zoho hosts (www.zoho.com, accounts.zoho.com, other Zoho apps) are not CRM.
 */
export const ZOHO_CRM_HOSTS = [
  'crm.zoho.com',
  'crm.zoho.eu',
  'crm.zoho.in',
  'crm.zoho.com.au',
  'crm.zoho.jp',
  'crm.zohocloud.ca',
  'crm.zoho.com.cn',
  'crm.zoho.sa',
];

/** Zoho names the Deals module "Potentials" in its web app's URLs (its API says "Deals"). */
const DEALS_TAB = 'Potentials';

/** The org segment: `org60043078423`, or an org's chosen name; never the `tab` that follows. */
const ORG_SEGMENT = /^[A-Za-z0-9_-]+$/;
const RECORD_ID = /^\d+$/;

/**
 * Classifies a Zoho CRM URL. Pages live under `/crm/{org}/tab/{Module}/…`, where the org
 * segment (`org60043078423`) may be missing: `/crm/tab/{Module}/…`.
 *   - `…/tab/Potentials/{recordId}` is a deal's record page;
 *   - `…/tab/Potentials/custom-view/{cvid}/kanban` a board (Kanban view) of deals;
 *   - `…/tab/Potentials/custom-view/{cvid}/list` (or `…/tab/Potentials`) a list of deals.
 * Other modules (Leads, Contacts, Accounts…) and other pages (create, edit) are undefined.
 */
export function parseZohoPage(url: URL): PageInfo | undefined {
  if (url.protocol !== 'https:' || !ZOHO_CRM_HOSTS.includes(url.hostname)) return undefined;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] !== 'crm') return undefined;
  const tab = parts[1] === 'tab' ? 1 : parts[2] === 'tab' && ORG_SEGMENT.test(parts[1]!) ? 2 : -1;
  if (tab < 0 || parts[tab + 1] !== DEALS_TAB) return undefined;
  const rest = parts.slice(tab + 2);
  if (rest.length === 0) return { kind: 'list' };
  if (rest.length === 1 && RECORD_ID.test(rest[0]!)) return { kind: 'deal', dealId: rest[0]! };
  if (rest[0] === 'custom-view' && RECORD_ID.test(rest[1] ?? '') && rest.length <= 3) {
    const view = rest[2];
    if (view === undefined || view === 'list') return { kind: 'list' };
    if (/^kanban/i.test(view)) return { kind: 'board' };
  }
  return undefined;
}
