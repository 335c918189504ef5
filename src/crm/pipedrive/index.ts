import { recordStage } from '../../detection/detectors/record-stage';
import { observeDeep } from '../../detection/observe-deep';
import { closestOnPath, queryAllDeep } from '../../detection/dom';
import type { CrmAdapter, Detector } from '../../detection/types';
import type { DealContext } from '../../lessons/deal';
import { parsePipedrivePage } from './pages';
import { dealIdOfCard, dealIdOfModal, readPipedriveCard, readPipedriveDeal } from './read';
import * as selectors from './selectors';

const any = (selector: { css: string[] }) => selector.css.join(', ');

/**
 * How long a card must stay off the board before it counts as gone: a board that removes the
 * card before the server answers puts it back when the save is refused.
 */
export const CARD_GONE_SETTLE_MS = 400;

/** How long after "Mark as lost" the card may take to leave (a slow save). */
export const CARD_GONE_WITHIN_MS = 15_000;

/** A "Mark as lost" waiting for its card to leave; `done` aborts once it is forgotten. */
type Pending = { deal: DealContext; settling: boolean; done: AbortController };

/**
 * The board: a card dropped on the "Lost" zone opens the "Mark as lost" modal, and once Pipedrive
 * has saved the loss the card leaves the board. The modal does not say which deal it is for, so
 * the card the user last pressed or started dragging is remembered, with what it showed (title,
 * value, organization, its column's stage); a modal that names its deal (`data-deal-id`, a
 * `/deal/{id}` link) is believed first.
 *
 * The loss is reported when that card has left the board after the confirm click, not at the
 * click: the v2 API saves with PATCH, whose body Chromium does not show to extensions, so the
 * save alone cannot say "lost" (see network.ts) and the click alone does not say the save
 * succeeded. A card that stays (refused save) reports nothing, and pressing it again (to retry, or
 * to drop it on Won) forgets the unconfirmed "Mark as lost".
 */
function lostDropOnBoard(): Detector {
  return ({ root, page, signal, report, settle }) => {
    if (page.kind !== 'board') return;
    let pressed: { dealId: string; deal: DealContext } | undefined;
    const pending = new Map<string, Pending>();

    const onBoard = (dealId: string) =>
      queryAllDeep(root, any(selectors.card)).some((card) => dealIdOfCard(card) === dealId);

    const forget = (dealId: string) => {
      pending.get(dealId)?.done.abort();
      pending.delete(dealId);
    };

    const check = () => {
      for (const [dealId, entry] of pending) {
        if (!entry.settling && !onBoard(dealId)) {
          entry.settling = true;
          settle(CARD_GONE_SETTLE_MS, signal, () => {
            entry.settling = false;
            if (pending.get(dealId) !== entry || onBoard(dealId)) return;
            forget(dealId);
            report({
              dealId,
              outcome: 'lost',
              stageBefore: entry.deal.stage ?? '',
              stageAfter: 'Lost',
              deal: entry.deal,
            });
          });
        }
      }
    };

    const onPress = (event: Event) => {
      if (!event.isTrusted) return;
      const card = closestOnPath(event, any(selectors.card));
      const dealId = card && dealIdOfCard(card);
      if (!card || !dealId) return;
      forget(dealId);
      pressed = { dealId, deal: readPipedriveCard(card, root) };
    };
    for (const type of ['pointerdown', 'dragstart']) {
      root.addEventListener(type, onPress, { capture: true, signal });
    }

    root.addEventListener(
      'click',
      (event) => {
        if (!event.isTrusted) return;
        const button = closestOnPath(event, any(selectors.lostConfirm));
        if (!button || button.matches(':disabled, [aria-disabled="true"]')) return;
        const dealId = dealIdOfModal(button) ?? pressed?.dealId;
        if (!dealId) return;
        const deal =
          pressed?.dealId === dealId ? pressed.deal : { dealName: `Pipedrive deal ${dealId}` };
        forget(dealId);
        const entry: Pending = { deal, settling: false, done: new AbortController() };
        pending.set(dealId, entry);
        // The whole wait counts as settling, not only its last moment: a re-arm for new settings
        // meanwhile would drop a loss no save request can tell of (a PATCH body is unreadable).
        settle(CARD_GONE_WITHIN_MS, AbortSignal.any([signal, entry.done.signal]), () => {
          if (pending.get(dealId) === entry) pending.delete(dealId);
        });
        check();
      },
      { capture: true, signal },
    );

    observeDeep(root, check, signal);
  };
}

export const pipedrive: CrmAdapter = {
  id: 'pipedrive',
  name: 'Pipedrive',
  matches: ['https://*.pipedrive.com/*'],
  parsePage: parsePipedrivePage,
  detectors: [
    // Deal page: the header's status badge turns "Lost" only once Pipedrive accepted the save (a
    // refused save leaves the Won/Lost buttons), so the badge, not the modal's click, is the
    // claim; the deal's save confirms it. The stage shown before is the stage it was lost in.
    recordStage({ stage: selectors.status, readDeal: readPipedriveDeal }),
    // Board: "Mark as lost" after a drop on the Lost zone, then the card leaving the board.
    lostDropOnBoard(),
  ],
  readDeal: readPipedriveDeal,
  boardSettleMs: CARD_GONE_SETTLE_MS,
};
