import { dynamicsNetwork } from './dynamics/network';
import { hubspotNetwork } from './hubspot/network';
import { pipedriveNetwork } from './pipedrive/network';
import { salesforceNetwork } from './salesforce/network';
import type { NetworkSpec } from '../detection/types';
import { zohoNetwork } from './zoho/network';

/**
 * Each built-in CRM's save requests, by adapter id. Only the background reads requests, so the
 * parsers live here rather than on the adapters: a CRM tab's content script never carries them
 * (issue #8: what a page injects at load). A CRM with no entry (a user rule) has saves Rebound
 * cannot read: its page's change is the evidence.
 */
export const networks: Readonly<Record<string, NetworkSpec>> = {
  hubspot: hubspotNetwork,
  salesforce: salesforceNetwork,
  pipedrive: pipedriveNetwork,
  dynamics: dynamicsNetwork,
  zoho: zohoNetwork,
};
