import type { PageInfo } from '../../detection/types';

/**
 * Dynamics 365 (Dataverse) serves each organisation at `{org}.{region}.dynamics.com`, the region
 * being `crm` (North America) or `crm2` … `crm21` (South America, Canada, EMEA = `crm4`, Asia,
 * Oceania, Japan, India, GCC, UK, France, …; not every number is in use).
 *
 * The manifest lists one pattern per region (`https://*.crm4.dynamics.com/*`) rather than
 * `https://*.dynamics.com/*`: the wider pattern would also inject into Dynamics products that are
 * not the Sales app (`*.operations.dynamics.com`, `businesscentral.dynamics.com`, …) and ask the
 * user for access to all of them. A region Microsoft adds later needs one more entry here.
 * Match patterns cannot say "exactly one label before the region", so the classifier checks the
 * host again (`a.b.crm4.dynamics.com` matches the pattern but is not an organisation host).
 */
export const DYNAMICS_REGIONS: readonly string[] = [
  'crm',
  ...Array.from({ length: 20 }, (_, i) => `crm${i + 2}`),
];

export const DYNAMICS_MATCHES: string[] = DYNAMICS_REGIONS.map(
  (region) => `https://*.${region}.dynamics.com/*`,
);

/** An organisation host: one label, then a `crm` region, then `dynamics.com`, nothing after. */
const ORG_HOST = /^[a-z0-9-]+\.crm\d*\.dynamics\.com$/;

export function isDynamicsOrgHost(hostname: string): boolean {
  return ORG_HOST.test(hostname.toLowerCase());
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A record id as Dynamics writes it in URLs and requests: bare, in braces (`{…}`), in URL-encoded
 * braces (`%7B…%7D`), upper or lower case. Returns the lowercase bare GUID, or undefined.
 */
export function normaliseGuid(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const bare = raw
    .trim()
    .replace(/^(?:%7b|\{)/i, '')
    .replace(/(?:%7d|\})$/i, '')
    .toLowerCase();
  return GUID.test(bare) ? bare : undefined;
}

/** Dynamics' object type code of opportunities, as in old `etc=3` links. */
const OPPORTUNITY_TYPE_CODE = '3';

/**
 * Classifies a Unified Interface URL: `/main.aspx?appid=…&pagetype=entityrecord&etn=opportunity&id={guid}`
 * is an opportunity's form, `pagetype=entitylist&etn=opportunity` a view of opportunities. Other
 * tables (account, lead, contact), dashboards and a new, unsaved opportunity (no id) are not
 * deal pages.
 */
export function parseDynamicsPage(url: URL): PageInfo | undefined {
  if (url.protocol !== 'https:' || !isDynamicsOrgHost(url.hostname)) return undefined;
  if (url.pathname.toLowerCase() !== '/main.aspx') return undefined;
  const query = url.searchParams;
  const table =
    query.get('etn')?.toLowerCase() ??
    (query.get('etc') === OPPORTUNITY_TYPE_CODE ? 'opportunity' : undefined);
  if (table !== 'opportunity') return undefined;
  const pageType = query.get('pagetype')?.toLowerCase();
  if (pageType === 'entityrecord') {
    const dealId = normaliseGuid(query.get('id'));
    return dealId ? { kind: 'deal', dealId } : undefined;
  }
  if (pageType === 'entitylist') return { kind: 'list' };
  return undefined;
}
