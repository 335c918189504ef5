import { cleanText, parseAmount, readNamed } from '../dom';
import type { DealContext } from '../types';
import * as selectors from './selectors';

/** HubSpot titles record tabs "{deal name} | HubSpot" (or "… - HubSpot"). */
function nameFromTitle(title: string): string {
  return cleanText(title.replace(/\s*[|–-]\s*HubSpot.*$/i, ''));
}

export function readHubSpotDeal(root: Document): DealContext {
  const money = parseAmount(readNamed(root, selectors.amount));
  return {
    dealName: readNamed(root, selectors.dealName) ?? (nameFromTitle(root.title) || 'Untitled deal'),
    amount: money.amount,
    currency: money.currency,
    company: readNamed(root, selectors.company),
    pipeline: readNamed(root, selectors.pipeline),
    stage: readNamed(root, selectors.stage),
    owner: readNamed(root, selectors.owner),
    lostReason: readNamed(root, selectors.lostReason),
  };
}
