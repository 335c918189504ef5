import { readNamed } from '../dom';
import type { DealContext } from '../../lessons/deal';
import type { Detector, NamedSelector } from '../types';
import { afterDelay, observeDeep } from '../observe-deep';
import { stageChange } from '../stage-change';

/** How long a deal page may take to render its stage before the popup says it is missing. */
export const HEALTH_GRACE_MS = 5000;

/**
 * A deal's record page: reports when the stage it shows turns from an open stage into a lost
 * one (or a won one, when `isWon` can match). The first stage seen is the baseline, so a page
 * that loads already lost (or won) never counts.
 * `settleMs`: for CRMs that can show a stage before the server accepted it, the lost stage must
 * still be showing that long after it appeared.
 */
export function recordStage(options: {
  stage: NamedSelector;
  readDeal: (root: Document) => DealContext;
  settleMs?: number;
}): Detector {
  return ({ root, page, signal, baselineUntil, isLost, isWon, report, health, settle }) => {
    if (page.kind !== 'deal') return;
    const read = () => readNamed(root, options.stage);
    let current = read();
    let found = current !== undefined;
    if (!found) afterDelay(HEALTH_GRACE_MS, signal, () => !found && health(options.stage.name));

    observeDeep(
      root,
      () => {
        const next = read();
        // A missing value is a re-render in progress, not a new stage.
        if (next === undefined || next === current) return;
        if (!found) health(undefined);
        found = true;
        const before = current;
        current = next;
        if (before === undefined || Date.now() < baselineUntil) return;
        const outcome = stageChange(before, next, isLost, isWon);
        if (!outcome) return;
        settle(options.settleMs ?? 0, signal, () => {
          if (read() !== next) return;
          report({
            dealId: page.dealId,
            outcome,
            stageBefore: before,
            stageAfter: next,
            deal: options.readDeal(root),
          });
        });
      },
      signal,
    );
  };
}
