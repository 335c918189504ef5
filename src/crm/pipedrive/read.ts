import { closestNamed, readCardWith, readDealWith, readNamed } from '../../detection/dom';
import type { DealContext } from '../../lessons/deal';
import * as selectors from './selectors';

/** The deal's page, as its header and stage bar show it. */
export function readPipedriveDeal(root: Document): DealContext {
  // Pipedrive titles its tabs "{deal title} - Pipedrive" (or "… | Pipedrive").
  return readDealWith(
    root,
    { ...selectors, amount: selectors.value, company: selectors.organization },
    (title) => title.replace(/\s*[|–-]\s*Pipedrive.*$/i, ''),
  );
}

const DEAL_LINK = /\/deal\/(\d+)(?:[/?#]|$)/;

/** A deal id an element names: its `data-deal-id`, or the `/deal/{id}` it (or a link in it) points to. */
function dealIdIn(el: Element): string | undefined {
  const attribute = el.getAttribute('data-deal-id');
  if (attribute && /^\d+$/.test(attribute)) return attribute;
  const links = [el, ...el.querySelectorAll('a[href*="/deal/"]')];
  for (const link of links) {
    const id = DEAL_LINK.exec(link.getAttribute('href') ?? '')?.[1];
    if (id) return id;
  }
  return undefined;
}

export function dealIdOfCard(card: Element): string | undefined {
  return dealIdIn(card);
}

/** The deal a "Mark as lost" modal says it is for, when it says (many open without naming it). */
export function dealIdOfModal(button: Element): string | undefined {
  const modal = closestNamed(button, selectors.lostModal);
  return modal ? dealIdIn(modal) : undefined;
}

/** A board card: its title, value and organization, the stage of its column, the board's pipeline. */
export function readPipedriveCard(card: Element, root: Document): DealContext {
  const column = closestNamed(card, selectors.column);
  const fields = {
    name: selectors.cardTitle,
    amount: selectors.cardValue,
    company: selectors.cardOrganization,
  };
  return {
    ...readCardWith(card, fields, column && readNamed(column, selectors.columnName)),
    pipeline: readNamed(root, selectors.boardPipeline),
  };
}
