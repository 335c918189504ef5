import { clipText, fitDeal } from './dom';
import type { CrmAdapter } from './types';
import { STAGE_MAX, type Health, type OutcomeObserved } from '../messaging/content-messages';
import type { Settling } from './settling';

/**
 * Starts an adapter's detectors on one page (one URL of a single-page app). Everything they
 * start stops when `signal` aborts: the next navigation, or the extension going away.
 */
export function armPage(options: {
  adapter: CrmAdapter;
  url: URL;
  root: Document;
  signal: AbortSignal;
  /** How long changes only set the baseline (after an in-app navigation). */
  baselineMs: number;
  isLost: (label: string | undefined) => boolean;
  /** Never-matching unless the user turned on the "what worked" capture. */
  isWon: (label: string | undefined) => boolean;
  report: (observed: OutcomeObserved) => void;
  health: (health: Health) => void;
  /** The page's settling moves, which a re-arm for new settings waits for. */
  settling: Settling;
}): void {
  const { adapter, url, root, signal, isLost, isWon } = options;
  const page = adapter.parsePage(url);
  options.health({ crm: adapter.id, url: url.href, missing: undefined });
  if (!page) return;
  for (const detector of adapter.detectors) {
    detector({
      root,
      url,
      page,
      signal,
      baselineUntil: Date.now() + options.baselineMs,
      isLost,
      isWon,
      settle: options.settling.after,
      // Page text is cut to what the message accepts here, for every adapter and user rule.
      report: (observation) =>
        options.report({
          type: 'outcome/observed',
          crm: adapter.id,
          dealUrl: url.href,
          ...observation,
          stageBefore: clipText(observation.stageBefore, STAGE_MAX)!,
          stageAfter: clipText(observation.stageAfter, STAGE_MAX)!,
          deal: fitDeal(observation.deal),
        }),
      health: (missing) => options.health({ crm: adapter.id, url: url.href, missing }),
    });
  }
}
