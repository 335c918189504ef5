import type { DealContext } from '../lessons/deal';
import { afterDelay, observeDeep } from './observe-deep';
import { dealOnPage } from './page-read';
import type { CrmAdapter } from './types';

/**
 * How long a new stage must stay on the page before it counts as the deal's stage: a CRM that
 * re-renders its stage bar shows the old element gone, a placeholder, or the stage under the
 * pointer for a moment; a stage the user chose stays.
 */
export const STAGE_SHOWN_SETTLE_MS = 400;

/** A deal's record page showing it in a new open stage. */
export type StageShown = {
  dealId: string;
  /** The stage label as the page shows it (trimmed). */
  stage: string;
  /** The deal as the adapter's selectors read it then (dealOnPage). */
  deal: DealContext;
};

/** One stage re-rendered with other spacing or case is the same stage. */
const sameStage = (a: string | undefined, b: string | undefined) =>
  a !== undefined &&
  b !== undefined &&
  a.replace(/\s+/g, ' ').toLowerCase() === b.replace(/\s+/g, ' ').toLowerCase();

/**
 * On a deal's record page, calls `onStage` with the stage label the page shows each time it
 * changes to a different open stage (not lost, not won) and stays there `settleMs`, with the
 * deal's id and the deal as the adapter reads it then: the moment a plan whose cue names that stage may come back
 * (src/background/cue-plans.ts, `stageEntered: true`). The stage shown when it starts, or the
 * first one the page renders after that, is where the deal already was: not a change (the page's
 * open tells the background about it). Changes before `baselineUntil` (ms since epoch: right
 * after an in-app navigation the previous deal may still be on screen) only set that baseline.
 * Reads through the adapter's own selectors (dealOnPage); nothing on boards, lists, or pages the
 * adapter cannot read a stage on. Everything stops when `signal` aborts.
 */
export function watchStageShown(options: {
  adapter: CrmAdapter;
  url: URL;
  root: Document;
  signal: AbortSignal;
  isLost: (label: string | undefined) => boolean;
  /** Won labels: pass the user's whether or not wins are captured (a won deal has no next step). */
  isWon: (label: string | undefined) => boolean;
  onStage: (shown: StageShown) => void;
  baselineUntil?: number;
  settleMs?: number;
  now?: () => number;
}): void {
  const { adapter, url, root, signal, isLost, isWon, onStage } = options;
  const page = adapter.parsePage(url);
  if (page?.kind !== 'deal' || !adapter.readDeal || signal.aborted) return;
  const now = options.now ?? Date.now;
  const read = () => dealOnPage(adapter, root, page.dealId);
  const stageOf = (deal: DealContext) => deal.stage?.trim() || undefined;
  /** The stage the deal is known to be in on this page. */
  let shown = stageOf(read());
  /** Counts the stages that began waiting to stay: a wait outlived by a later one is void. */
  let waits = 0;
  /** The stage waiting to stay `settleMs`, if any. */
  let pending: string | undefined;

  observeDeep(
    root,
    () => {
      const stage = stageOf(read());
      // No stage at all is a re-render in progress, not a new stage.
      if (stage === undefined) return;
      if (shown === undefined || now() < (options.baselineUntil ?? 0)) {
        shown = stage;
        pending = undefined;
        waits++;
        return;
      }
      if (sameStage(stage, shown)) {
        // Back where it was: whatever was waiting was a moment's display.
        pending = undefined;
        waits++;
        return;
      }
      if (sameStage(stage, pending)) return;
      pending = stage;
      const wait = ++waits;
      afterDelay(options.settleMs ?? STAGE_SHOWN_SETTLE_MS, signal, () => {
        if (wait !== waits) return;
        pending = undefined;
        const deal = read();
        if (!sameStage(stageOf(deal), stage)) return;
        shown = stage;
        if (!isLost(stage) && !isWon(stage)) onStage({ dealId: page.dealId, stage, deal });
      });
    },
    signal,
  );
}
