import { type NamedSelector } from './types';
import { DEAL_TEXT_LIMITS, type DealContext } from '../lessons/deal';

/** Collapses runs of white space; page text arrives with layout newlines and nbsp. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The visible value of an element: the chosen option of a <select>, the value of an input,
 * otherwise its text.
 */
export function valueOf(el: Element): string {
  if (el instanceof HTMLSelectElement) return cleanText(el.selectedOptions[0]?.textContent);
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)
    return cleanText(el.value);
  return cleanText(el.textContent);
}

/** Every open shadow root at or below `root` (Salesforce Lightning renders inside them). */
export function openShadowRoots(root: ParentNode): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.shadowRoot) {
        found.push(el.shadowRoot);
        visit(el.shadowRoot);
      }
    }
  };
  visit(root);
  return found;
}

/**
 * What an observer of a document (observe-deep.ts) knows of it: its open shadow roots, and the
 * answers of earlier queries, which it forgets when an added element might change them.
 */
export type DocumentIndex = {
  shadows(): Iterable<ShadowRoot>;
  answers: Map<string, { found: Element | undefined; at: number }>;
};
const indexes = new WeakMap<Document, DocumentIndex>();

/**
 * A kept answer is trusted this long at most: the observer sees elements added, not attributes
 * changed, so a query whose answer an attribute changed is answered anew within this time.
 */
export const ANSWER_MAX_AGE_MS = 1000;

/**
 * Lets an observer answer the queries below for a document it watches; undefined when it stops.
 * Without one, each query walks the whole document for shadow roots.
 */
export function provideIndex(root: Document, index: DocumentIndex | undefined): void {
  if (index) indexes.set(root, index);
  else indexes.delete(root);
}

function indexOf(root: ParentNode): DocumentIndex | undefined {
  return root instanceof Document ? indexes.get(root) : undefined;
}

/** querySelectorAll that also looks inside open shadow roots, light DOM first. */
export function queryAllDeep(root: ParentNode, css: string): Element[] {
  const shadows = indexOf(root)?.shadows() ?? openShadowRoots(root);
  return [root, ...shadows].flatMap((scope) => [...scope.querySelectorAll(css)]);
}

function scanDeep(root: ParentNode, css: string, shadows: Iterable<ShadowRoot>) {
  const light = root.querySelector(css);
  if (light) return light;
  for (const shadow of shadows) {
    const found = shadow.querySelector(css);
    if (found) return found;
  }
  return undefined;
}

/**
 * The first element matching `css`, light DOM first, then inside open shadow roots. In an
 * observed document the answer is kept while it holds: a busy page whose stage element is
 * missing is not scanned for it again after every change (issue #8).
 */
export function queryDeep(root: ParentNode, css: string): Element | undefined {
  const index = indexOf(root);
  if (!index) return scanDeep(root, css, openShadowRoots(root));
  const now = Date.now();
  const kept = index.answers.get(css);
  if (kept && now - kept.at < ANSWER_MAX_AGE_MS && (!kept.found || kept.found.isConnected))
    return kept.found;
  const found = scanDeep(root, css, index.shadows());
  index.answers.set(css, { found, at: now });
  return found;
}

/** The first element matched by any alternative of a named selector, in order. */
export function queryNamed(root: ParentNode, selector: NamedSelector): Element | undefined {
  for (const css of selector.css) {
    const found = queryDeep(root, css);
    if (found) return found;
  }
  return undefined;
}

/** The nearest ancestor (or the element itself) matched by an alternative, tried in order. */
export function closestNamed(el: Element, selector: NamedSelector): Element | undefined {
  for (const css of selector.css) {
    const found = el.closest(css);
    if (found) return found;
  }
  return undefined;
}

export function readNamed(root: ParentNode, selector: NamedSelector): string | undefined {
  const el = queryNamed(root, selector);
  const text = el ? valueOf(el) : '';
  return text || undefined;
}

/** The nearest element matching `css` on the event's path, crossing shadow boundaries. */
export function closestOnPath(event: Event, css: string): Element | undefined {
  return event
    .composedPath()
    .find((node): node is Element => node instanceof Element && node.matches(css));
}

const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };

/**
 * Reads an amount as CRMs print it: "$12,500.00", "€ 12.500,00", "12 500 EUR". The last
 * separator followed by exactly two digits is taken as the decimal mark.
 */
export function parseAmount(text: string | undefined): { amount?: number; currency?: string } {
  if (!text) return {};
  const code = /\b([A-Z]{3})\b/.exec(text)?.[1];
  const symbol = Object.keys(CURRENCY_SYMBOLS).find((s) => text.includes(s));
  const currency = code ?? (symbol ? CURRENCY_SYMBOLS[symbol] : undefined);
  const digits = /-?\d[\d.,\s\u00a0']*/.exec(text)?.[0].replace(/[\s\u00a0']/g, '');
  if (!digits) return { currency };
  const decimal = /[.,](\d{2})$/.exec(digits);
  const whole = (decimal ? digits.slice(0, -3) : digits).replace(/[.,]/g, '');
  const amount = Number(decimal ? `${whole}.${decimal[1]}` : whole);
  return Number.isFinite(amount) ? { amount, currency } : { currency };
}

/** The named selectors of a deal's parts, as an adapter's selectors.ts declares them. */
export type DealSelectors = {
  dealName: NamedSelector;
  amount?: NamedSelector;
  company?: NamedSelector;
  pipeline?: NamedSelector;
  stage?: NamedSelector;
  owner?: NamedSelector;
  lostReason?: NamedSelector;
};

/**
 * Reads a deal through its named selectors. A page without a name element falls back to the
 * tab title, with `stripTitle` removing the CRM's own suffix ("… | HubSpot").
 */
export function readDealWith(
  root: Document,
  selectors: DealSelectors,
  stripTitle: (title: string) => string,
  untitled = 'Untitled deal',
): DealContext {
  const read = (selector: NamedSelector | undefined) =>
    selector ? readNamed(root, selector) : undefined;
  const money = parseAmount(read(selectors.amount));
  return {
    dealName: read(selectors.dealName) ?? (cleanText(stripTitle(root.title)) || untitled),
    amount: money.amount,
    currency: money.currency,
    company: read(selectors.company),
    pipeline: read(selectors.pipeline),
    stage: read(selectors.stage),
    owner: read(selectors.owner),
    lostReason: read(selectors.lostReason),
  };
}

/** Reads a board card: its name, amount and company, in the column (stage) it sits in. */
export function readCardWith(
  card: Element,
  selectors: { name: NamedSelector; amount: NamedSelector; company: NamedSelector },
  column: string | undefined,
  untitled = 'Untitled deal',
): DealContext {
  const money = parseAmount(readNamed(card, selectors.amount));
  return {
    dealName: readNamed(card, selectors.name) ?? untitled,
    amount: money.amount,
    currency: money.currency,
    company: readNamed(card, selectors.company),
    stage: column,
  };
}

/** Only the parts of a reading that say something (neither undefined nor empty text). */
export function knownParts<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, part]) => part !== undefined && part !== ''),
  ) as Partial<T>;
}

/** Page text cut to `max` characters, marked with an ellipsis when it was longer. */
export function clipText(text: string | undefined, max: number): string | undefined {
  return text && text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * A deal with its page text cut to the lengths the loss message accepts (DealContextSchema):
 * a CRM page with a very long name or note must still give its prompt.
 */
export function fitDeal(deal: DealContext): DealContext {
  const fitted = { ...deal, dealName: clipText(deal.dealName, DEAL_TEXT_LIMITS.dealName)! };
  for (const key of ['currency', 'company', 'pipeline', 'stage', 'owner', 'lostReason'] as const)
    if (deal[key] !== undefined) fitted[key] = clipText(deal[key], DEAL_TEXT_LIMITS[key]);
  return fitted;
}
