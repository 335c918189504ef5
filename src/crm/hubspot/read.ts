import { readDealWith } from '../dom';
import type { DealContext } from '../types';
import * as selectors from './selectors';

export function readHubSpotDeal(root: Document): DealContext {
  // HubSpot titles record tabs "{deal name} | HubSpot" (or "… - HubSpot").
  return readDealWith(root, selectors, (title) => title.replace(/\s*[|–-]\s*HubSpot.*$/i, ''));
}
