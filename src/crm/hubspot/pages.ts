import type { PageInfo } from '../../detection/types';

/** HubSpot's app hosts: US data centre and EU data centre. */
export const HUBSPOT_APP_HOSTS = ['app.hubspot.com', 'app-eu1.hubspot.com'];

/** HubSpot's object type id for deals, as in `/record/0-3/{dealId}`. */
const DEAL_TYPE = '0-3';

/**
 * Classifies a HubSpot URL. Every CRM record lives under `/contacts/{portalId}/…` whatever its
 * type; the type is the `0-3` segment (deals), or the legacy `/deal/{id}` form.
 */
export function parseHubSpotPage(url: URL): PageInfo | undefined {
  if (url.protocol !== 'https:' || !HUBSPOT_APP_HOSTS.includes(url.hostname)) return undefined;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] !== 'contacts' || !/^\d+$/.test(parts[1] ?? '')) return undefined;
  const [, , section, type, id] = parts;
  if (section === 'record' && type === DEAL_TYPE && id && /^\d+$/.test(id)) {
    return { kind: 'deal', dealId: id };
  }
  if (section === 'deal' && type && /^\d+$/.test(type)) return { kind: 'deal', dealId: type };
  if (section === 'objects' && type === DEAL_TYPE) {
    return parts.includes('board') ? { kind: 'board' } : { kind: 'list' };
  }
  // The older deals index: `/deals/board/view/all/` and `/deals/list/view/all/`.
  if (section === 'deals' && (type === 'board' || type === 'list') && parts[4] === 'view') {
    return { kind: type };
  }
  return undefined;
}
