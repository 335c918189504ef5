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
  stageSelector: stage,
  readDeal: readHubSpotDeal,
  network: hubspotNetwork,
};
