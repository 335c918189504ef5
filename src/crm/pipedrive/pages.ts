import type { PageInfo } from '../../detection/types';

/** Every Pipedrive company works at `{company}.pipedrive.com`. */
export const PIPEDRIVE_DOMAIN = 'pipedrive.com';

/**
 * Subdomains of pipedrive.com that are not a company's app: the marketing site, the public API,
 * docs, help, status and sign-in pages. Their paths never name deals, but they are refused by
 * name as well so that a marketing page such as `www.pipedrive.com/…/pipeline` cannot count.
 */
const NOT_APP = new Set([
  'www',
  'api',
  'developers',
  'support',
  'status',
  'blog',
  'marketplace',
  'oauth',
  'login',
  'academy',
  'community',
  'ideas',
  'learn',
  'partners',
  'careers',
  'press',
  'investors',
  'cdn',
  'static',
  'assets',
  'mail',
]);

/** The company part of an app host, or undefined for any other host. */
export function companyOf(hostname: string): string | undefined {
  const host = hostname.toLowerCase();
  if (!host.endsWith(`.${PIPEDRIVE_DOMAIN}`)) return undefined;
  const company = host.slice(0, -PIPEDRIVE_DOMAIN.length - 1);
  // One DNS label: `acme.pipedrive.com`, never `a.b.pipedrive.com`.
  if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(company) || NOT_APP.has(company)) return undefined;
  return company;
}

/**
 * Classifies a Pipedrive URL:
 * - `/deal/{dealId}` (and its tabs below it): a deal's detail page;
 * - `/pipeline`, `/pipeline/{pipelineId}/…` (`/user/everyone`, `/filter/{id}`): the board;
 * - `/deals`, `/deals/list/…`: the list view.
 * People, organizations, activities, settings and the rest are not deal pages.
 */
export function parsePipedrivePage(url: URL): PageInfo | undefined {
  if (url.protocol !== 'https:' || url.port !== '' || !companyOf(url.hostname)) return undefined;
  const parts = url.pathname.split('/').filter(Boolean);
  const [section, second] = parts;
  if (section === 'deal' && second && /^\d+$/.test(second)) return { kind: 'deal', dealId: second };
  if (section === 'pipeline' && (second === undefined || /^\d+$/.test(second))) {
    return { kind: 'board' };
  }
  if (section === 'deals' && (second === undefined || second === 'list')) return { kind: 'list' };
  return undefined;
}
