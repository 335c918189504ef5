import { readNamed } from '../crm/dom';
import { isLostLabel } from '../crm/stage-labels';
import type { CrmAdapter } from '../crm/types';
import type { LossObserved } from '../messaging/messages';
import { watchStage } from './stage-watcher';

/**
 * Watches one page of a CRM: on a deal page, reports when the stage shown turns from an open
 * stage into a lost one. Nothing is reported for pages that are not deal pages.
 */
export function watchDealPage(options: {
  adapter: CrmAdapter;
  url: URL;
  root: Document;
  signal: AbortSignal;
  report: (observed: LossObserved) => void;
}): void {
  const { adapter, url, root, signal, report } = options;
  const page = adapter.parsePage(url);
  if (page?.kind !== 'deal') return;
  watchStage({
    root,
    signal,
    read: () => readNamed(root, adapter.stageSelector),
    onChange: (before, after) => {
      if (!isLostLabel(after) || isLostLabel(before)) return;
      report({
        type: 'loss/observed',
        crm: adapter.id,
        dealId: page.dealId,
        dealUrl: url.href,
        stageBefore: before,
        stageAfter: after,
        deal: adapter.readDeal(root),
      });
    },
  });
}
