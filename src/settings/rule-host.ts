import { t } from '../i18n/t';

/**
 * Common public suffixes of two or more labels (a country's commercial or organisational
 * zone): `*.co.uk` is every company in the UK, not one CRM. Not the whole Public Suffix List
 * (thousands of entries, and it changes): a single label (`*.com`, `*.io`) is caught without
 * a list, and these are the multi-part ones a user is likely to type.
 */
const MULTI_PART_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'com.au',
  'net.au',
  'org.au',
  'co.nz',
  'org.nz',
  'co.jp',
  'ne.jp',
  'or.jp',
  'co.kr',
  'or.kr',
  'co.in',
  'net.in',
  'org.in',
  'co.za',
  'org.za',
  'com.br',
  'net.br',
  'com.mx',
  'com.ar',
  'com.cn',
  'net.cn',
  'org.cn',
  'com.tw',
  'com.hk',
  'com.sg',
  'com.my',
  'com.tr',
  'com.pl',
  'co.il',
  'co.id',
  'com.sa',
  'com.eg',
  'com.ua',
  'co.th',
  'com.vn',
  'com.ph',
]);

/** The host of a match pattern such as `https://crm.example.com/deals/*` (undefined if none). */
function hostOf(pattern: string): { scheme: string; host: string } | undefined {
  const found = /^([a-z*]+):\/\/([^/]*)\//i.exec(pattern.trim());
  return found ? { scheme: found[1]!.toLowerCase(), host: found[2]!.toLowerCase() } : undefined;
}

/**
 * Why a user rule's URL pattern asks for more than one CRM, or undefined when it names one
 * host (or one host and its subdomains, `*.crm.example.com`). Checked when a rule is saved and
 * before a stored rule is registered or asked for: Rebound never asks for every site, nor for
 * every site under a public suffix (`*.com`, `*.co.uk`), nor for plain-http pages (the
 * extension lists only `https://*` as optional: a CRM's pages carry the user's deals and are
 * served over https).
 */
export function ruleHostProblem(pattern: string): string | undefined {
  const parsed = hostOf(pattern);
  if (!parsed) return t('rule_error_pattern');
  if (parsed.scheme !== 'https') return t('rule_error_https');
  const { host } = parsed;
  if (host === '*' || host === '') return t('rule_error_every_host');
  if (!host.startsWith('*.')) return undefined;
  const rest = host.slice(2);
  if (!rest.includes('.') || MULTI_PART_SUFFIXES.has(rest)) {
    return t('rule_error_wildcard_suffix', rest);
  }
  return undefined;
}
