import { boardColumns } from '../../detection/detectors/board-columns';
import { recordStage } from '../../detection/detectors/record-stage';
import type { CrmAdapter } from '../../detection/types';
import { HUBSPOT_APP_HOSTS, parseHubSpotPage } from './pages';
import { boardColumnOf, boardDealId, readBoardCard, readHubSpotDeal } from './read';
import { boardCard, stage } from './selectors';

/**
 * How long a card dropped into "Closed lost" must stay there: the board moves the card at once
 * and moves it back when the save is refused (tests/fixtures/hubspot/deals-board.html).
 */
export const BOARD_SETTLE_MS = 1200;

export const hubspot: CrmAdapter = {
  id: 'hubspot',
  name: 'HubSpot',
  matches: HUBSPOT_APP_HOSTS.map((host) => `https://${host}/*`),
  parsePage: parseHubSpotPage,
  detectors: [
    // The record page shows a new stage only once HubSpot accepted it: no settling needed.
    recordStage({ stage, readDeal: readHubSpotDeal }),
    // The deals board: a card dragged into a lost column (after the required "Closed lost
    // reason" dialog, when the portal asks for one), its dealstage save confirming it.
    boardColumns({
      card: boardCard,
      dealIdOf: boardDealId,
      columnOf: boardColumnOf,
      readCard: readBoardCard,
      settleMs: BOARD_SETTLE_MS,
    }),
  ],
  readDeal: readHubSpotDeal,
  boardSettleMs: BOARD_SETTLE_MS,
};
