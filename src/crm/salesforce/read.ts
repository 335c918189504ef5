import { cleanText, queryNamed, readCardWith, readDealWith } from '../../detection/dom';
import type { DealContext } from '../../lessons/deal';
import { opportunityId } from './pages';
import * as selectors from './selectors';

/**
 * Lightning titles a record tab "{name} | Opportunity | Salesforce"; Classic "Opportunity:
 * {name} ~ Salesforce - Enterprise Edition" (edit page: "Opportunity Edit: {name} ~ …").
 */
export function nameFromTitle(title: string): string {
  return cleanText(
    title
      .replace(/\s*\|\s*Opportunity\s*\|\s*Salesforce\s*$/i, '')
      .replace(/\s*\|\s*Salesforce\s*$/i, '')
      .replace(/\s*~\s*Salesforce\b.*$/i, '')
      .replace(/^Opportunity(?: Edit)?:\s*/i, ''),
  );
}

export function readLightningDeal(root: Document): DealContext {
  return readDealWith(root, selectors, nameFromTitle, 'Untitled opportunity');
}

/** Classic's edit page: the form's inputs hold the record as it was loaded (and as edited). */
export function readClassicDeal(root: Document): DealContext {
  return readDealWith(
    root,
    {
      dealName: selectors.classicName,
      amount: selectors.classicAmount,
      company: selectors.classicAccount,
      stage: selectors.classicStage,
    },
    nameFromTitle,
    'Untitled opportunity',
  );
}

/** `Element.closest` that continues from a shadow root to its host. */
export function closestDeep(el: Element, css: string): Element | undefined {
  let node: Element | null = el;
  while (node) {
    const found: Element | null = node.closest(css);
    if (found) return found;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}

/** A Kanban card's opportunity: its record id attribute, else the record link it holds. */
export function kanbanDealId(card: Element): string | undefined {
  const attribute = card.getAttribute('data-record-id') ?? card.getAttribute('data-recordid');
  const fromAttribute = opportunityId(attribute ?? undefined);
  if (fromAttribute) return fromAttribute;
  const href = queryNamed(card, selectors.kanbanCardName)?.getAttribute('href');
  const id = href
    ? /\/(006[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)(?:[/?#]|$)/.exec(href)?.[1]
    : undefined;
  return opportunityId(id);
}

/** The stage of the column a card sits in. */
export function kanbanColumnOf(card: Element): string | undefined {
  const column = closestDeep(card, selectors.kanbanColumn);
  if (!column) return undefined;
  return (
    cleanText(column.getAttribute('data-stage') ?? column.getAttribute('aria-label')) || undefined
  );
}

export function readKanbanCard(card: Element, column: string): DealContext {
  const { kanbanCardName: name, kanbanCardAmount: amount, kanbanCardAccount: company } = selectors;
  return readCardWith(card, { name, amount, company }, column, 'Untitled opportunity');
}
