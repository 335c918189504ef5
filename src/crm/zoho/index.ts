import { boardColumns } from '../../detection/detectors/board-columns';
import { recordStage } from '../../detection/detectors/record-stage';
import type { CrmAdapter } from '../../detection/types';
import { parseZohoPage, ZOHO_CRM_HOSTS } from './pages';
import { columnOfCard, dealIdOfCard, readZohoCard, readZohoDeal } from './read';
import { kanbanCard, stage } from './selectors';

/**
 * How long a card must stay in a lost column before it counts. The Kanban view moves a card as
 * it is dropped and moves it back if the save fails, including a save answered 2xx whose body
 * reports the record's error (a multi-record answer), which the save observer cannot read.
 */
export const KANBAN_SETTLE_MS = 600;

export const zoho: CrmAdapter = {
  id: 'zoho',
  name: 'Zoho CRM',
  // The app lives under /crm/ on each data centre's host.
  matches: ZOHO_CRM_HOSTS.map((host) => `https://${host}/crm/*`),
  parsePage: parseZohoPage,
  detectors: [
    // The record page shows a new stage only once Zoho accepted it: no settling needed.
    recordStage({ stage, readDeal: readZohoDeal }),
    boardColumns({
      card: kanbanCard,
      dealIdOf: dealIdOfCard,
      columnOf: columnOfCard,
      readCard: readZohoCard,
      settleMs: KANBAN_SETTLE_MS,
    }),
  ],
  readDeal: readZohoDeal,
  boardSettleMs: KANBAN_SETTLE_MS,
};
