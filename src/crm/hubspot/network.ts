import { findField } from '../request-fields';
import type { NetworkSpec, RequestBody, StageSave } from '../../detection/types';

/** HubSpot's built-in deal stage ids of the default sales pipeline. */
const OPEN_STAGE_IDS = [
  'appointmentscheduled',
  'qualifiedtobuy',
  'presentationscheduled',
  'decisionmakerboughtin',
  'contractsent',
];

function lostByValue(value: string): boolean | undefined {
  const id = value.toLowerCase();
  if (id === 'closedlost') return true;
  if (id === 'closedwon' || OPEN_STAGE_IDS.includes(id)) return false;
  // Custom pipeline stages have numeric ids: only the label on the page can tell.
  return undefined;
}

/** The deal id in an API path: `/0-3/{id}`, `/deals/{id}`, `/objects/deals/{id}`, `/deal/{id}`. */
function dealIdFromPath(url: URL): string | undefined {
  return /\/(?:0-3|deals?)\/(\d+)(?:[/?]|$)/.exec(url.pathname)?.[1];
}

const SAVE_METHODS = ['PUT', 'PATCH', 'POST'];

function parse(method: string, rawUrl: string, body: RequestBody): StageSave[] {
  if (!SAVE_METHODS.includes(method.toUpperCase())) return [];
  const url = new URL(rawUrl);
  const pathId = dealIdFromPath(url);
  return findField(body, 'dealstage', ['objectId', 'id', 'dealId', 'hs_object_id']).flatMap(
    ({ value, recordId }) => {
      const dealId = recordId ?? pathId;
      return dealId ? [{ dealId, stageValue: value, lost: lostByValue(value) }] : [];
    },
  );
}

export const hubspotNetwork: NetworkSpec = {
  // The web app saves through its own host's /api/ and through api.hubspot.com; the EU data
  // centre has `-eu1` twins of both.
  urls: [
    'https://app.hubspot.com/api/*',
    'https://app-eu1.hubspot.com/api/*',
    'https://api.hubspot.com/*',
    'https://api-eu1.hubspot.com/*',
  ],
  parse,
};
