import type { CrmAdapter } from './types';
import type { DealContext } from '../lessons/deal';
import { CORRELATION_WINDOW_MS } from './correlator';
import { fitDeal } from './dom';
import { fallbackDealName, lostLabelElements, ownText } from './page-shown';

/** How long the page may take, after the CRM answered a save, to show the deal lost. */
export const EVIDENCE_WAIT_MS = 2000;
const EVIDENCE_CHECK_MS = 100;
/** A held key's snapshots at most this often (each one reads the whole page). */
const KEY_SNAPSHOT_MS = 150;
/** Keys that choose or confirm (a stage in a list, Save): typing text takes no snapshot. */
const CHOOSING_KEYS = ['Enter', ' ', 'Tab', 'ArrowUp', 'ArrowDown', 'Escape'];

/** How much earlier webRequest may date a request than the document's own timing does. */
const REQUEST_CLOCK_SLACK_MS = 50;

/** The elements saying lost at a moment: the page's own nodes, compared by identity. */
type Snapshot = { at: number; shown: Set<Element>; onArm: boolean };

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
 * detectors did (README: "The save is the proof, the page is context"). Which elements say
 * lost is noted when the page is armed and whenever the user clicks or presses a choosing key
 * — before any save they make — so "turned lost after the save" compares with the page as it
 * was when the user sent the save: not with a page still loading, and not counting a picker
 * that already showed the user's unsaved choice (an inline editor left open with its error).
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
  const sayingLost = () => new Set(lostLabelElements(root, options.isLost()));
  const snapshots: Snapshot[] = [{ at: now(), shown: sayingLost(), onArm: true }];
  const snapshot = () => {
    snapshots.push({ at: now(), shown: sayingLost(), onArm: false });
    if (snapshots.length > 50) snapshots.splice(1, snapshots.length - 50);
  };
  const listen = { capture: true, passive: true, signal };
  // Every click: each is a choice the save may follow. Keys only when choosing, and a held
  // arrow key's repeats at most every KEY_SNAPSHOT_MS (each snapshot reads the whole page).
  root.addEventListener('pointerdown', snapshot, listen);
  root.addEventListener(
    'keydown',
    (event) => {
      if (!CHOOSING_KEYS.includes(event.key)) return;
      if (now() - snapshots.at(-1)!.at >= KEY_SNAPSHOT_MS) snapshot();
    },
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
  /** What said lost when the save was sent: the last snapshot before it, the user's if any. */
  const shownBefore = (dealId: string, savedAt: number | undefined): Set<Element> | undefined => {
    if (loadedAfter(savedAt) && onRecordPage(dealId)) return new Set();
    const sent = savedAt ?? now();
    const before = snapshots.filter((s) => s.at <= sent && sent - s.at <= CORRELATION_WINDOW_MS);
    const acted = before.filter((s) => !s.onArm);
    return (acted.length > 0 ? acted : before).at(-1)?.shown;
  };

  return {
    loadedAfter,
    async lossShown(dealId, savedAt) {
      const before = shownBefore(dealId, savedAt);
      if (before === undefined) return undefined;
      for (let waited = 0; !signal.aborted; waited += EVIDENCE_CHECK_MS) {
        const fresh = newlySayingLost(before, lostLabelElements(root, options.isLost()));
        if (fresh) {
          // The page as it is now is the baseline of the next save.
          snapshot();
          return ownText(fresh);
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

/**
 * An element saying lost now that did not when the save was sent. A page that re-renders a
 * part (a stage history bar listing every stage) puts new elements where the old ones were:
 * each new one with the text of an old one now gone from the page is that one again, not news.
 */
export function newlySayingLost(before: Set<Element>, now: Element[]): Element | undefined {
  const rerendered = [...before].filter((el) => !el.isConnected).map(ownText);
  for (const el of now) {
    if (before.has(el)) continue;
    const again = rerendered.indexOf(ownText(el));
    if (again < 0) return el;
    rerendered.splice(again, 1);
  }
  return undefined;
}
