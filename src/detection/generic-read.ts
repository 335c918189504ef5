import { cleanText, parseAmount, valueOf } from '../crm/dom';
import type { DealContext } from '../crm/types';

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

/**
 * Subtrees that never show the deal's saved state: menus and lists of choices, hidden parts,
 * Rebound's own panels, and what the user is still choosing — dialogs (a "Close as lost"
 * dialog that stays open with its error after a refused save) and form controls (an inline
 * edit left open) show the user's input, not what the CRM saved.
 */
const NOT_SHOWN =
  'option, optgroup, datalist, script, style, template, noscript, [hidden], [aria-hidden="true"], ' +
  '[role="listbox"], [role="menu"], [role="option"], [role="menuitem"], [role="tooltip"], ' +
  'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"], select, input, textarea, ' +
  '[role="combobox"], [contenteditable="true"]';
/** Stage labels are short ("Closed-Lost to Competition"); a sentence that starts with one is not one. */
const LABEL_MAX = 40;
/** Text that names something: a label's value is more than an edit icon or a dash. */
const MEANINGFUL = /[\p{L}\p{N}]/u;

/** The text directly in an element (not its children's). */
function ownText(el: Element): string {
  let text = '';
  for (const node of el.childNodes) if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
  return cleanText(text);
}

function isShown(el: Element): boolean {
  // checkVisibility() covers display:none ancestors, content-visibility and the like.
  return typeof el.checkVisibility === 'function' ? el.checkVisibility() : true;
}

/**
 * Visits every element of the page in document order, open shadow roots included, leaving
 * out what `NOT_SHOWN` names and Rebound's own panels.
 */
function eachShownElement(root: Document, visit: (el: Element) => void): void {
  const walk = (scope: Node) => {
    const walker = root.createTreeWalker(scope, NodeFilter.SHOW_ELEMENT, {
      acceptNode: (node) =>
        (node as Element).matches(NOT_SHOWN) || (node as Element).localName.startsWith('rebound-')
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node as Element;
      visit(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  if (root.body) walk(root.body);
}

/**
 * The labels a page now shows that say lost (the stage field, a status badge, a table cell):
 * each element whose own text is a lost label, visible, and not an option in a list of
 * choices. The generic evidence for a save the request alone cannot read: after the save, the
 * page shows more of them than it did before.
 */
export function lostLabelsShown(
  root: Document,
  isLost: (label: string | undefined) => boolean,
): string[] {
  const found: string[] = [];
  eachShownElement(root, (el) => {
    const text = ownText(el);
    if (text && text.length <= LABEL_MAX && isLost(text) && isShown(el)) found.push(text);
  });
  return found;
}

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

/** What a deal is called when nothing on the page names it: the prompt then asks for its name. */
export function fallbackDealName(crmName: string, dealId: string): string {
  return `${crmName} deal ${dealId}`;
}

/** The adapter's reading first, each part it could not read filled from the generic one. */
export function mergeDeal(
  fromAdapter: DealContext | undefined,
  generic: Partial<DealContext>,
  fallbackName: string,
  untitled: (name: string) => boolean,
): DealContext {
  const merged: DealContext = { ...generic, ...definedOnly(fromAdapter ?? {}), dealName: '' };
  const adapterName = fromAdapter?.dealName;
  merged.dealName =
    (adapterName && !untitled(adapterName) ? adapterName : undefined) ??
    generic.dealName ??
    fallbackName;
  return merged;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== ''),
  ) as Partial<T>;
}
