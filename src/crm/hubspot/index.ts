import { recordStage } from '../../detection/detectors/record-stage';
import type { CrmAdapter } from '../types';
import { hubspotNetwork } from './network';
import { HUBSPOT_APP_HOSTS, parseHubSpotPage } from './pages';
import { readHubSpotDeal } from './read';
import { stage } from './selectors';

export const hubspot: CrmAdapter = {
  id: 'hubspot',
  name: 'HubSpot',
  matches: HUBSPOT_APP_HOSTS.map((host) => `https://${host}/*`),
  parsePage: parseHubSpotPage,
  // The record page shows a new stage only once HubSpot accepted it: no settling needed.
  detectors: [recordStage({ stage, readDeal: readHubSpotDeal })],
  readDeal: readHubSpotDeal,
  network: hubspotNetwork,
};
