import { boardColumns } from '../../detection/detectors/board-columns';
import { lostOnSubmit } from '../../detection/detectors/lost-on-submit';
import { recordStage } from '../../detection/detectors/record-stage';
import type { CrmAdapter, Detector } from '../../detection/types';
import {
  SALESFORCE_HOST_PATTERNS,
  isClassicEditUrl,
  isLightningUrl,
  parseSalesforcePage,
} from './pages';
import {
  kanbanColumnOf,
  kanbanDealId,
  readClassicDeal,
  readKanbanCard,
  readLightningDeal,
} from './read';
import { classicForm, classicStage, kanbanCard, stage } from './selectors';

/**
 * How long a card dropped into "Closed Lost" must stay there: Lightning's Kanban moves the card
 * at once and moves it back when the save fails.
 */
export const KANBAN_SETTLE_MS = 1200;

/** Both UIs share the My Domain host; each detector runs only where its UI is. */
function only(where: (url: URL) => boolean, detector: Detector): Detector {
  return (env) => {
    if (where(env.url)) detector(env);
  };
}

/**
 * Lightning remembers each list view's display (Table, Kanban, Split View) per user and its URL
 * need not say which, so the Kanban watcher runs on every opportunity list page; in a table it
 * finds no cards and does nothing.
 */
function onListsToo(detector: Detector): Detector {
  return (env) => detector(env.page.kind === 'list' ? { ...env, page: { kind: 'board' } } : env);
}

export const salesforce: CrmAdapter = {
  id: 'salesforce',
  name: 'Salesforce',
  matches: SALESFORCE_HOST_PATTERNS.map((host) => `https://${host}/*`),
  parsePage: parseSalesforcePage,
  detectors: [
    // Lightning record page: the Path and the Details Stage show a new stage only once the save
    // succeeded, whether it came from the Path's closed-stage dialog, inline edit or the Edit
    // modal.
    only(isLightningUrl, recordStage({ stage, readDeal: readLightningDeal })),
    only(
      isLightningUrl,
      onListsToo(
        boardColumns({
          card: kanbanCard,
          dealIdOf: kanbanDealId,
          columnOf: kanbanColumnOf,
          readCard: readKanbanCard,
          settleMs: KANBAN_SETTLE_MS,
        }),
      ),
    ),
    // Classic edit page: a full-page form post; the prompt opens on the page that follows.
    only(
      isClassicEditUrl,
      lostOnSubmit({ form: classicForm, stageField: classicStage, readDeal: readClassicDeal }),
    ),
  ],
  readDeal: (root) =>
    isLightningUrl(new URL(root.URL)) ? readLightningDeal(root) : readClassicDeal(root),
  boardSettleMs: KANBAN_SETTLE_MS,
};
