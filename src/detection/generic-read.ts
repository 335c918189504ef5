import { cleanText, fitDeal, knownParts, parseAmount, valueOf } from './dom';
import type { CrmAdapter } from './types';
import type { DealContext } from '../lessons/deal';
import { eachShownElement, fallbackDealName, ownText } from './page-shown';

/**
 * Readers that need no CRM's markup: the tab title, the main heading, a value beside an
 * "Amount"-like label, a link to the record. They back up the adapters' selectors when a CRM
 * changed its page (README: "The save is the proof, the page is context"), and are the
 * context of a loss that only the CRM's save request showed.
 */

/** Labels of a deal's amount, in the languages the stage labels cover. */
const AMOUNT_LABELS = [
  'amount',
  'deal amount',
  'opportunity amount',
  'value',
  'deal value',
  'expected revenue',
  'betrag',
  'wert',
  'montant',
  'valeur',
  'importe',
  'valor',
  'bedrag',
  'waarde',
  'importo',
  'valore',
  '金額',
];

/** Labels of the customer a deal is with. */
const COMPANY_LABELS = [
  'company',
  'company name',
  'account',
  'account name',
  'organization',
  'organisation',
  'customer',
  'firma',
  'unternehmen',
  'entreprise',
  'société',
  'compte',
  'empresa',
  'cuenta',
  'organisatie',
  'bedrijf',
  'azienda',
  '会社',
  '取引先',
];

/** Text that names something: a label's value is more than an edit icon or a dash. */
const MEANINGFUL = /[\p{L}\p{N}]/u;

function labelKey(text: string): string {
  return cleanText(text)
    .replace(/[:*]+$/, '')
    .trim()
    .toLowerCase();
}

/** The value shown beside a label element: its <dd>, its control, its next sibling or cell. */
function valueBeside(label: Element, root: Document): string | undefined {
  const candidates: (Element | null | undefined)[] = [];
  const forId = label instanceof HTMLLabelElement ? label.htmlFor : '';
  if (forId) candidates.push(root.getElementById(forId));
  candidates.push(label.nextElementSibling);
  // A label wrapped in its own element: "<div><span>Amount</span></div><div>$12,000</div>".
  candidates.push(label.parentElement?.nextElementSibling);
  for (const candidate of candidates) {
    const text = candidate ? valueOf(candidate) : '';
    if (MEANINGFUL.test(text) && text.length <= 200) return text;
  }
  return undefined;
}

/** The first value on the page beside one of `labels` ("Amount", "Betrag"…). */
function labelledValue(root: Document, labels: string[]): string | undefined {
  let value: string | undefined;
  eachShownElement(root, (el) => {
    if (value !== undefined) return;
    const text = ownText(el);
    if (text && text.length <= 40 && labels.includes(labelKey(text))) value = valueBeside(el, root);
  });
  return value;
}

/** The first level-one heading, light DOM or open shadow roots. */
function mainHeading(root: Document): string | undefined {
  let heading: string | undefined;
  eachShownElement(root, (el) => {
    if (heading !== undefined) return;
    if (el.localName === 'h1' || (el.getAttribute('role') === 'heading' && el.ariaLevel === '1')) {
      heading = cleanText(el.textContent) || undefined;
    }
  });
  return heading;
}

/** The tab title without the CRM's own part: "Acme renewal | Deals | HubSpot" → "Acme renewal". */
export function titleName(title: string): string | undefined {
  const first = cleanText(title.split(/\s+[|–—-]\s+/)[0]);
  return first || undefined;
}

/** A link to the record, on a board or a list (its card or row holds the deal's parts). */
function recordLink(root: Document, dealId: string): Element | undefined {
  let link: Element | undefined;
  eachShownElement(root, (el) => {
    if (link || el.localName !== 'a') return;
    const href = el.getAttribute('href') ?? '';
    if (new RegExp(`(^|[/=#?&])${escapeRegExp(dealId)}($|[/?#&])`).test(href)) link = el;
  });
  return link;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The card or row around a record link: the largest ancestor that still holds one deal — it
 * stops before one that links elsewhere too (the next card, the whole table) or holds much text.
 */
function cardOf(link: Element): Element {
  const href = link.getAttribute('href');
  const linksElsewhere = (el: Element) =>
    [...el.querySelectorAll('a[href]')].some((a) => a.getAttribute('href') !== href);
  let card = link;
  for (let up = link.parentElement, steps = 0; up && steps < 5; up = up.parentElement, steps++) {
    if (cleanText(up.textContent).length > 300 || linksElsewhere(up)) break;
    card = up;
  }
  return card;
}

const MONEY = /(?:[$€£¥]\s?\d[\d.,\s\u00a0']*|\d[\d.,\s\u00a0']*\s?(?:USD|EUR|GBP|JPY|[$€£¥]))/;

/**
 * A deal's context read with no selectors of the CRM's: on its record page the main heading
 * (or the tab title), the values beside "Amount"- and "Company"-like labels; elsewhere (a
 * board, a list) the card or row that links to the record. What cannot be read stays unknown.
 */
export function readDealGenerically(
  root: Document,
  dealId: string,
  onRecordPage: boolean,
): Partial<DealContext> {
  if (onRecordPage) {
    const money = parseAmount(labelledValue(root, AMOUNT_LABELS));
    return {
      dealName: mainHeading(root) ?? titleName(root.title),
      amount: money.amount,
      currency: money.currency,
      company: labelledValue(root, COMPANY_LABELS),
    };
  }
  const link = recordLink(root, dealId);
  if (!link) return {};
  const card = cardOf(link);
  const money = parseAmount(MONEY.exec(cleanText(card.textContent))?.[0]);
  return {
    dealName: cleanText(link.textContent) || undefined,
    amount: money.amount,
    currency: money.currency,
  };
}

/** The adapter's reading first, each part it could not read filled from the generic one. */
export function mergeDeal(
  fromAdapter: DealContext | undefined,
  generic: Partial<DealContext>,
  fallbackName: string,
  untitled: (name: string) => boolean,
): DealContext {
  const merged: DealContext = { ...generic, ...knownParts(fromAdapter ?? {}), dealName: '' };
  const adapterName = fromAdapter?.dealName;
  merged.dealName =
    (adapterName && !untitled(adapterName) ? adapterName : undefined) ??
    generic.dealName ??
    fallbackName;
  return merged;
}

const UNTITLED = /^untitled (deal|opportunity)$/i;

/**
 * A deal's context as the page shows it: the adapter's selectors first, the generic readers
 * for what they missed, the deal named after its CRM and id when nothing names it. Loaded with
 * the panels (the content script asks for it only once a save of the deal was seen).
 */
export function readDealContext(
  adapter: CrmAdapter,
  root: Document,
  url: URL,
  dealId: string,
): DealContext {
  const page = adapter.parsePage(url);
  const onRecordPage = page?.kind === 'deal' && page.dealId === dealId;
  const fromAdapter = onRecordPage ? adapter.readDeal?.(root) : undefined;
  const generic = readDealGenerically(root, dealId, onRecordPage);
  const named = mergeDeal(fromAdapter, generic, fallbackDealName(adapter.name, dealId), (name) =>
    UNTITLED.test(name),
  );
  return fitDeal(named);
}
