import { queryAllDeep } from '../dom';
import type { DealContext } from '../../lessons/deal';
import type { Detector } from '../types';
import { observeDeep } from '../observe-deep';
import { stageChange } from '../stage-change';

/**
 * A board (Kanban) of deals: reports when a card moves from an open column into a lost one (or
 * a won one, when `isWon` can match).
 * Cards are recognised by `card`; each card names its deal and the column it sits in. Boards
 * often move the card before the server answers, so `settleMs` waits and re-checks (a refused
 * save moves the card back).
 */
export function boardColumns(options: {
  card: string;
  dealIdOf: (card: Element) => string | undefined;
  columnOf: (card: Element) => string | undefined;
  readCard: (card: Element, column: string) => DealContext;
  settleMs?: number;
}): Detector {
  return ({ root, page, signal, baselineUntil, isLost, isWon, report, settle }) => {
    if (page.kind !== 'board') return;
    const snapshot = () => {
      const columns = new Map<string, { column: string; card: Element }>();
      for (const card of queryAllDeep(root, options.card)) {
        const dealId = options.dealIdOf(card);
        const column = options.columnOf(card);
        if (dealId && column) columns.set(dealId, { column, card });
      }
      return columns;
    };
    let known = snapshot();
    observeDeep(
      root,
      () => {
        const now = snapshot();
        for (const [dealId, { column, card }] of Date.now() < baselineUntil ? [] : now) {
          const before = known.get(dealId)?.column;
          if (before === undefined || before === column) continue;
          const outcome = stageChange(before, column, isLost, isWon);
          if (!outcome) continue;
          settle(options.settleMs ?? 0, signal, () => {
            if (snapshot().get(dealId)?.column !== column) return;
            report({
              dealId,
              outcome,
              stageBefore: before,
              stageAfter: column,
              deal: options.readCard(card, column),
            });
          });
        }
        // Cards that vanished (filtered, scrolled out of a virtual list) keep their last column.
        known = new Map([...known, ...now]);
      },
      signal,
    );
  };
}
