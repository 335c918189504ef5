import type { PageInfo } from '../../detection/types';

/**
 * Salesforce's app hosts since enhanced My Domain (enforced for every org from Winter '24):
 * Lightning Experience at `{mydomain}.lightning.force.com`, Classic and the APIs at
 * `{mydomain}.my.salesforce.com`. Sandboxes are `{mydomain}--{name}.sandbox.…` under the same
 * two suffixes, so the patterns cover them. Legacy instance hosts (`na1.salesforce.com`) now
 * redirect to My Domain and are left out to keep the host permissions narrow.
 */
export const SALESFORCE_HOST_PATTERNS = ['*.lightning.force.com', '*.my.salesforce.com'];

const HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:lightning\.force\.com|my\.salesforce\.com)$/;

export function isSalesforceHost(hostname: string): boolean {
  return HOST.test(hostname);
}

/** Key prefix of Opportunity record ids. Accounts are 001, contacts 003, leads 00Q. */
const OPPORTUNITY_PREFIX = '006';
const ID_15_OR_18 = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const CHECKSUM_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * The canonical 18-character form of an Opportunity id, or undefined when `raw` is not one.
 * Salesforce shows the same record as a case-sensitive 15-character id (Classic URLs, form
 * posts) and as an 18-character id whose last three characters encode the case of the first 15
 * (Lightning URLs, API bodies). Page and save must name the deal alike to be paired, so every
 * id is turned into the 18-character form; an 18-character id typed in the wrong case is
 * restored from its suffix, as Salesforce itself does.
 */
export function opportunityId(raw: string | undefined): string | undefined {
  if (!raw || !ID_15_OR_18.test(raw)) return undefined;
  let base = raw.slice(0, 15);
  if (raw.length === 18) {
    const restored = restoreCase(base, raw.slice(15));
    if (!restored) return undefined;
    base = restored;
  }
  if (!base.startsWith(OPPORTUNITY_PREFIX)) return undefined;
  return base + checksum(base);
}

function checksum(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let i = 0; i < 5; i++) {
      if (/[A-Z]/.test(id15[chunk * 5 + i]!)) flags |= 1 << i;
    }
    suffix += CHECKSUM_CHARS[flags];
  }
  return suffix;
}

function restoreCase(id15: string, suffix: string): string | undefined {
  let out = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    const flags = CHECKSUM_CHARS.indexOf(suffix[chunk]!.toUpperCase());
    if (flags < 0) return undefined;
    for (let i = 0; i < 5; i++) {
      const char = id15[chunk * 5 + i]!;
      out += flags & (1 << i) ? char.toUpperCase() : char.toLowerCase();
    }
  }
  return out;
}

/** Lightning Experience pages live under `/lightning/`; everything else on these hosts is Classic. */
export function isLightningUrl(url: URL): boolean {
  return url.pathname.startsWith('/lightning/');
}

/** Classic's opportunity edit page: `/{id}/e?retURL=…`. */
export function isClassicEditUrl(url: URL): boolean {
  const parts = url.pathname.split('/').filter(Boolean);
  return parts.length === 2 && parts[1] === 'e' && opportunityId(parts[0]) !== undefined;
}

/**
 * Which kind of Kanban marker a Lightning list URL carries. Lightning remembers each list view's
 * display (Table, Kanban, Split View) per user, so a real Kanban URL often does not say so; the
 * adapter therefore also watches plain list URLs for Kanban cards (see index.ts). A URL that does
 * say it (`viewMode=kanban`, as the sandbox and shared links use) is a board.
 */
function saysKanban(url: URL): boolean {
  return url.searchParams.get('viewMode')?.toLowerCase() === 'kanban';
}

/**
 * Classifies a Salesforce URL.
 * Lightning: `/lightning/r/Opportunity/{id}/view` (or `/edit`, or `/lightning/r/{id}/view`) is a
 * deal; `/lightning/o/Opportunity/{list|home|…}` is a board when the URL says Kanban, a list
 * otherwise.
 * Classic: `/{id}` (detail) and `/{id}/e` (edit) are a deal; `/006/o` and `/006?fcf=…` (the
 * Opportunities tab and its list views) are a list.
 * Other objects (Account 001, Contact 003, Lead 00Q …) and other hosts are not pages of ours.
 */
export function parseSalesforcePage(url: URL): PageInfo | undefined {
  if (url.protocol !== 'https:' || !isSalesforceHost(url.hostname)) return undefined;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] === 'lightning') return parseLightning(url, parts.slice(1));
  return parseClassic(parts);
}

const RECORD_ACTIONS = ['view', 'edit'];

function parseLightning(url: URL, parts: string[]): PageInfo | undefined {
  const [section, ...rest] = parts;
  if (section === 'r') {
    // `/r/Opportunity/{id}/view`, or the object-less `/r/{id}/view`.
    const [object, id, action] = rest.length >= 3 ? rest : [undefined, ...rest];
    if (object !== undefined && object !== 'Opportunity') return undefined;
    const dealId = opportunityId(id);
    return dealId && RECORD_ACTIONS.includes(action ?? '') ? { kind: 'deal', dealId } : undefined;
  }
  if (section === 'o' && rest[0] === 'Opportunity' && rest.length >= 2) {
    return saysKanban(url) ? { kind: 'board' } : { kind: 'list' };
  }
  return undefined;
}

function parseClassic(parts: string[]): PageInfo | undefined {
  const [first, second, ...more] = parts;
  if (more.length > 0) return undefined;
  if (first === OPPORTUNITY_PREFIX && (second === undefined || second === 'o')) {
    return { kind: 'list' };
  }
  const dealId = opportunityId(first);
  if (!dealId || (second !== undefined && second !== 'e')) return undefined;
  return { kind: 'deal', dealId };
}
