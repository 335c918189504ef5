import { cleanText, readCardWith, readDealWith } from '../../detection/dom';
import type { DealContext } from '../../lessons/deal';
import * as selectors from './selectors';

export function readZohoDeal(root: Document): DealContext {
  // Zoho titles record tabs "{deal name} - Zoho CRM" (or "… | Zoho CRM").
  return readDealWith(root, selectors, (title) =>
    title.replace(/(?:^|\s*[|–-])\s*Zoho CRM.*$/i, ''),
  );
}

const RECORD_LINK = /\/tab\/Potentials\/(\d+)(?:[/?#]|$)/;

/** A card's deal: its record id attribute, else the record page its name links to. */
export function dealIdOfCard(card: Element): string | undefined {
  const attribute = card.getAttribute('data-record-id') ?? card.getAttribute('data-id');
  if (attribute && /^\d+$/.test(attribute)) return attribute;
  for (const link of card.querySelectorAll('a[href]')) {
    const id = RECORD_LINK.exec(link.getAttribute('href') ?? '')?.[1];
    if (id) return id;
  }
  return undefined;
}

/** The stage of the column a card sits in: the column's title as shown, else its value. */
export function columnOfCard(card: Element): string | undefined {
  const column = card.closest(selectors.kanbanColumn);
  if (!column) return undefined;
  const title = cleanText(column.querySelector(selectors.kanbanColumnTitle)?.textContent);
  return title || cleanText(column.getAttribute('data-column-value')) || undefined;
}

export function readZohoCard(card: Element, column: string): DealContext {
  const { kanbanCardName: name, kanbanCardAmount: amount, kanbanCardAccount: company } = selectors;
  return readCardWith(card, { name, amount, company }, column);
}
