import type { CrmAdapter, DealContext } from '../crm/types';
import { CORRELATION_WINDOW_MS } from './correlator';
import { fitDeal } from '../crm/dom';
import { fallbackDealName, lostLabelsShown } from './page-shown';

/** How long the page may take, after the CRM answered a save, to show the deal lost. */
export const EVIDENCE_WAIT_MS = 2000;
const EVIDENCE_CHECK_MS = 100;
/** Snapshots are taken on interaction, at most this often (each one reads the whole page). */
const SNAPSHOT_EVERY_MS = 300;
/** Keys that choose or confirm (a stage in a list, Save): typing text takes no snapshot. */
const CHOOSING_KEYS = ['Enter', ' ', 'Tab', 'ArrowUp', 'ArrowDown', 'Escape'];

/** How much earlier webRequest may date a request than the document's own timing does. */
const REQUEST_CLOCK_SLACK_MS = 50;

type Snapshot = { at: number; shown: number; onArm: boolean };

export type PageReader = {
  /**
   * Whether the page now shows the deal lost where it did not before the user acted: the
   * label it shows, or undefined when none came within EVIDENCE_WAIT_MS. `savedAt`: when the
   * save was sent; the deal's own record page loaded after it (the answer of a full-page form
   * post) showed nothing before the save.
   */
  lossShown(dealId: string, savedAt?: number): Promise<string | undefined>;
  /** Whether this document began loading after `savedAt` (it is the answer of the save). */
  loadedAfter(savedAt: number | undefined): boolean;
};

/**
 * Reads a CRM page for the background when the CRM's save request said more than the page's
 * detectors did (README: "The save is the proof, the page is context"). How many lost labels
 * the page shows is counted when it is armed and whenever the user clicks or presses a choosing
 * key (before any save they make), so "turned lost after the save" compares with what the page
 * showed before the user acted, not with a page that was still loading.
 */
export function createPageReader(options: {
  adapter: CrmAdapter;
  root: Document;
  url: URL;
  isLost: () => (label: string | undefined) => boolean;
  signal: AbortSignal;
  now?: () => number;
  loadedAt?: number;
}): PageReader {
  const { adapter, root, url, signal } = options;
  const now = options.now ?? Date.now;
  /** When this document's own request was sent (ms since epoch). */
  const loadedAt = options.loadedAt ?? documentRequestedAt();
  const count = () => lostLabelsShown(root, options.isLost()).length;
  const snapshots: Snapshot[] = [{ at: now(), shown: count(), onArm: true }];
  const snapshot = () => {
    const last = snapshots.at(-1)!;
    if (now() - last.at < SNAPSHOT_EVERY_MS) return;
    snapshots.push({ at: now(), shown: count(), onArm: false });
    if (snapshots.length > 50) snapshots.splice(1, snapshots.length - 50);
  };
  const listen = { capture: true, passive: true, signal };
  root.addEventListener('pointerdown', snapshot, listen);
  root.addEventListener(
    'keydown',
    (event) => CHOOSING_KEYS.includes(event.key) && snapshot(),
    listen,
  );

  // The document requested by the save itself (a form post's answer) was requested when the
  // save was sent; a single-page app's document was requested long before the user acted.
  const loadedAfter = (savedAt: number | undefined) =>
    savedAt !== undefined && loadedAt >= savedAt - REQUEST_CLOCK_SLACK_MS;
  const onRecordPage = (dealId: string) => {
    const page = adapter.parsePage(url);
    return page?.kind === 'deal' && page.dealId === dealId;
  };
  /** The fewest lost labels shown before the save: what the user's own actions saw, if any. */
  const shownBefore = (dealId: string, savedAt: number | undefined): number | undefined => {
    if (loadedAfter(savedAt) && onRecordPage(dealId)) return 0;
    const recent = snapshots.filter((s) => now() - s.at <= CORRELATION_WINDOW_MS);
    const acted = recent.filter((s) => !s.onArm);
    const base = acted.length > 0 ? acted : recent;
    return base.length > 0 ? Math.min(...base.map((s) => s.shown)) : undefined;
  };

  return {
    loadedAfter,
    async lossShown(dealId, savedAt) {
      const before = shownBefore(dealId, savedAt);
      if (before === undefined) return undefined;
      for (let waited = 0; !signal.aborted; waited += EVIDENCE_CHECK_MS) {
        const labels = lostLabelsShown(root, options.isLost());
        if (labels.length > before) {
          // The page as it is now is the baseline of the next save.
          snapshots.push({ at: now(), shown: labels.length, onArm: false });
          return labels.at(-1);
        }
        if (waited >= EVIDENCE_WAIT_MS) return undefined;
        await new Promise((resolve) => setTimeout(resolve, EVIDENCE_CHECK_MS));
      }
      return undefined;
    },
  };
}

/** When the browser sent the request for this document (Navigation Timing), ms since epoch. */
function documentRequestedAt(): number {
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return performance.timeOrigin + (navigation?.requestStart || navigation?.fetchStart || 0);
}

/**
 * The deal as the adapter's selectors read it, with no generic reader: what the content script
 * can tell cheaply at any time ("Missed a loss?"). The full reading loads with the panels
 * (readDealContext in generic-read.ts).
 */
export function dealOnPage(adapter: CrmAdapter, root: Document, dealId: string): DealContext {
  return fitDeal(adapter.readDeal?.(root) ?? { dealName: fallbackDealName(adapter.name, dealId) });
}
