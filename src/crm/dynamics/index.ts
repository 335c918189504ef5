import { lostAction } from '../../detection/detectors/lost-action';
import { recordStage } from '../../detection/detectors/record-stage';
import type { CrmAdapter } from '../../detection/types';
import { DYNAMICS_MATCHES, parseDynamicsPage } from './pages';
import { lostDealIdOf, readDynamicsDeal, readStageBefore } from './read';
import { closeDialogOk, status } from './selectors';

export const dynamics: CrmAdapter = {
  id: 'dynamics',
  name: 'Dynamics 365',
  matches: DYNAMICS_MATCHES,
  parsePage: parseDynamicsPage,
  detectors: [
    // Close as Lost → the Close Opportunity dialog's OK: read while the dialog still shows the
    // status reason and competitor, and works on forms whose header has no Status. Only the
    // LoseOpportunity save that follows, answered 2xx, turns the click into a loss (a refused
    // save leaves the dialog open and prompts nothing).
    lostAction({
      trigger: closeDialogOk.css.join(', '),
      dealIdOf: lostDealIdOf,
      readDeal: readDynamicsDeal,
      stageBefore: readStageBefore,
      lostLabel: 'Lost',
    }),
    // The header Status turning Open → Lost once the save succeeded: covers closes the dialog
    // cannot be recognised for (a custom lost reason and no competitor field, a customised close
    // command), and a loss right after a reopened win, whose WinOpportunity save the correlator
    // still holds for a while and pairs with the first report of the deal. Both detectors may
    // report one loss; one prompt per deal is the background's rule (src/db/prompts.ts).
    recordStage({ stage: status, readDeal: readDynamicsDeal }),
  ],
  readDeal: (root) => readDynamicsDeal(root),
};
