import { cleanText, closestNamed, parseAmount, readDealWith, readNamed } from '../../detection/dom';
import type { DealContext } from '../../lessons/deal';
import * as selectors from './selectors';

export function readHubSpotDeal(root: Document): DealContext {
  // HubSpot titles record tabs "{deal name} | HubSpot" (or "… - HubSpot").
  return readDealWith(root, selectors, (title) => title.replace(/\s*[|–-]\s*HubSpot.*$/i, ''));
}

/** The deal a board card links to: `/record/0-3/{id}` (or the legacy `/deal/{id}`). */
export function boardDealId(card: Element): string | undefined {
  for (const css of selectors.boardCardDealLink.css) {
    const href = card.querySelector(css)?.getAttribute('href') ?? '';
    const id = /\/(?:record\/0-3|deal)\/(\d+)(?:[/?#]|$)/.exec(href)?.[1];
    if (id) return id;
  }
  return undefined;
}

/** The stage of the column a card sits in: the column's label, else its heading. */
export function boardColumnOf(card: Element): string | undefined {
  const column = closestNamed(card, selectors.boardColumn);
  if (!column) return undefined;
  const heading = column.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]');
  return cleanText(column.getAttribute('aria-label') ?? heading?.textContent) || undefined;
}

/** A card prints its amount as a line of its own ("Amount: $48,000.00"), in no known element. */
function amountOf(card: Element): string | undefined {
  for (const el of card.querySelectorAll('*')) {
    if (el.children.length > 0 || el.closest('a')) continue;
    const text = cleanText(el.textContent);
    if (/\d/.test(text) && /[$€£¥]|\b[A-Z]{3}\b/.test(text)) return text;
  }
  return undefined;
}

export function readBoardCard(card: Element, column: string): DealContext {
  const money = parseAmount(amountOf(card));
  return {
    dealName: readNamed(card, selectors.boardCardDealLink) ?? 'Untitled deal',
    amount: money.amount,
    currency: money.currency,
    company: readNamed(card, selectors.boardCardCompany),
    stage: column,
  };
}
