import { knownParts } from './dom';
import type { OutcomeObserved } from '../messaging/messages';

/** A CRM's own save of a deal's stage that the server accepted (2xx). */
export type SaveConfirmed = {
  crm: string;
  dealId: string;
  tabId: number;
  stageValue: string;
  lost: boolean | undefined;
  /** The CRM answers some failed saves with 2xx: the status alone proves nothing. */
  okStatusIsNotProof?: true;
  /** When the request was sent (ms since epoch): a page loaded after it shows what it saved. */
  sentAt?: number;
};

export type ObservedInTab = OutcomeObserved & { tabId: number };

/** What a confirmed loss rests on: the README's detection matrix names one per path. */
export type Evidence = 'save alone' | 'save + page' | 'page alone';

type Timed<T> = T & { at: number };

/** How far apart the page's change and the save's answer may be and still be one loss. */
export const CORRELATION_WINDOW_MS = 15_000;

/**
 * How long a save waits for the page's own report before it is acted on without one. Pages
 * that show the new stage once the CRM answered report within a few milliseconds of the answer;
 * the grace only delays pages whose markup the detectors could not read.
 */
export const PAGE_GRACE_MS = 600;

/** Whether the save alone proves a loss: it says lost, and a 2xx answer means it was saved. */
export function saveSaysLost(save: SaveConfirmed): boolean {
  return save.lost === true && !save.okStatusIsNotProof;
}

/**
 * Whether a page report may pair with a save at all: a report of the user's action (a click
 * on "Close as lost", a submit) is no proof of a save whose 2xx can hide a failure — only the
 * page showing the saved state is.
 */
function mayPair(page: ObservedInTab, save: SaveConfirmed): boolean {
  return !(page.intent && save.okStatusIsNotProof);
}

/** Whether a save can confirm what the page showed. */
function confirms(page: ObservedInTab, save: SaveConfirmed): boolean {
  // A win needs a save that does not say lost; a loss one that does not say "not lost". A save
  // the request alone cannot read (`undefined`, a custom stage) leaves it to the page's label.
  return page.outcome === 'won' ? save.lost !== true : save.lost !== false;
}

export type CorrelatorOptions = {
  /** A loss with the page's report as its context. */
  onLoss: (loss: ObservedInTab, evidence: Evidence) => void;
  /** A win (the opt-in "what worked" capture): the page's report confirmed by a save. */
  onWin?: (win: ObservedInTab) => void;
  /** A save that proves a loss on its own, with no page report in the grace time. */
  onSaveAlone?: (save: SaveConfirmed) => void;
  /**
   * A save that may be a loss (a custom stage, an answer that can hide an error) with no page
   * report in the grace time: the page must be asked, and `pageConfirms` given this same save
   * object when it shows the loss.
   */
  onUnclear?: (save: SaveConfirmed) => void;
  /** A page report or an unclear save that nothing confirmed within the window. */
  onExpired?: (item: { page?: ObservedInTab; save?: SaveConfirmed }) => void;
  now?: () => number;
  /** A function is asked at each use: the window can change while the worker runs (a test's). */
  windowMs?: number | (() => number);
  graceMs?: number;
  /** More grace for this save, beyond `graceMs` (a board whose detector waits for the card). */
  extraGraceFor?: (save: SaveConfirmed) => number;
};

/**
 * Decides, by evidence, which saves and page reports are losses (README: detection matrix).
 * - The CRM's own successful save proves a loss when it says lost without doubt
 *   (`saveSaysLost`): a page report arriving within the grace time adds its context, and
 *   without one the save alone is the loss (`onSaveAlone`; context is read from the tab).
 * - A save that cannot say alone (a custom stage with a numeric id, an answer that can hide an
 *   error) needs the page: the adapter's report within the window, or — asked of the page when
 *   none came in the grace time (`onUnclear`) — generic evidence given to `pageConfirms`.
 * - A page report alone is a loss only for CRMs whose saves cannot be read (user rules).
 * A save that says "not lost" (won, an open stage) cancels a lost-looking page change, and one
 * that says lost never confirms a win. Either may arrive first.
 */
export class LossCorrelator {
  private pages: Timed<ObservedInTab>[] = [];
  private saves: Timed<SaveConfirmed>[] = [];
  private readonly now: () => number;
  private readonly windowMs: () => number;
  private readonly graceMs: number;

  constructor(private readonly options: CorrelatorOptions) {
    this.now = options.now ?? Date.now;
    const windowMs = options.windowMs ?? CORRELATION_WINDOW_MS;
    this.windowMs = typeof windowMs === 'function' ? windowMs : () => windowMs;
    this.graceMs = options.graceMs ?? PAGE_GRACE_MS;
  }

  /**
   * The page showed a loss, or a win (`outcome: 'won'`). `needsSave` is false only for CRMs whose
   * save requests Rebound cannot read (user rules): there the page's change is all the evidence
   * there is.
   */
  pageShowed(observed: ObservedInTab, needsSave = true): void {
    if (!needsSave) return this.confirmed(observed, 'page alone');
    this.prune();
    // A stored save of the other outcome is not this change's save: it stays for its own.
    const save = observed.beforeSave
      ? undefined
      : this.take(this.saves, observed, (s) => mayPair(observed, s) && confirms(observed, s));
    if (save) return this.confirmed(this.withIntent(observed, save), 'save + page');
    this.pages.push({ ...observed, at: this.now() });
    this.pruneLater();
  }

  saveConfirmed(save: SaveConfirmed): void {
    this.prune();
    const page = this.take(this.pages, save, (p) => mayPair(p, save));
    if (page) {
      if (confirms(page, save)) this.confirmed(this.withIntent(page, save), 'save + page');
      return;
    }
    // Kept for a page change still to come. A save that says "not lost" is only ever taken by
    // a win (it would swallow a real loss right after: won, reopened, then lost), and one that
    // says lost only by a loss.
    const kept = { ...save, at: this.now() };
    this.saves.push(kept);
    this.pruneLater();
    if (save.lost === false) return;
    setTimeout(
      () => this.graceOver(kept),
      this.graceMs + (this.options.extraGraceFor?.(save) ?? 0),
    );
  }

  /**
   * What the page showed after an unclear save (generic evidence): a loss of that deal, when
   * the save is still waiting. False when a page report took it meanwhile, or it expired.
   */
  pageConfirms(save: SaveConfirmed, observed: ObservedInTab): boolean {
    const index = this.saves.indexOf(save as Timed<SaveConfirmed>);
    if (index < 0) return false;
    this.saves.splice(index, 1);
    this.confirmed(this.withIntent(observed, save), 'save + page');
    return true;
  }

  /**
   * The saved state's report with the context of the user's action that led to it, when one
   * is waiting (a "Close as lost" dialog shows the reason and competitor; a submit, the stage
   * before), the action's report used up with it.
   */
  private withIntent(state: ObservedInTab, save: SaveConfirmed): ObservedInTab {
    if (!save.okStatusIsNotProof || state.intent) return state;
    const intent = this.take(this.pages, state, (p) => p.intent === true);
    if (!intent) return state;
    return {
      ...state,
      stageBefore: state.stageBefore || intent.stageBefore,
      deal: { ...intent.deal, ...knownParts(state.deal) },
    };
  }

  /**
   * Drops every page report and save waiting to be paired (the user deleted all their data):
   * none of them becomes a prompt afterwards. Their timers find nothing and do nothing.
   */
  forget(): void {
    this.pages = [];
    this.saves = [];
  }

  /** Whether the user's action on the page reported a loss of this save's deal (Observation.intent). */
  hasIntent(save: SaveConfirmed): boolean {
    return this.pages.some(
      (p) => p.intent && p.crm === save.crm && p.dealId === save.dealId && p.outcome !== 'won',
    );
  }

  private graceOver(save: Timed<SaveConfirmed>): void {
    if (!this.saves.includes(save)) return; // a page report took it
    if (saveSaysLost(save)) {
      this.saves.splice(this.saves.indexOf(save), 1);
      this.options.onSaveAlone?.(save);
    } else {
      // Stays for the adapter's report, which may still come within the window (a board
      // that settles), while the page is asked.
      this.options.onUnclear?.(save);
    }
  }

  private confirmed(page: ObservedInTab, evidence: Evidence): void {
    if (page.outcome === 'won') this.options.onWin?.(page);
    else this.options.onLoss(page, evidence);
  }

  private take<T extends { crm: string; dealId: string }>(
    list: Timed<T>[],
    key: { crm: string; dealId: string },
    fits: (item: T) => boolean = () => true,
  ): Timed<T> | undefined {
    // The newest match: when a deal is saved twice quickly, the last save is what stands.
    for (let i = list.length - 1; i >= 0; i--) {
      const item = list[i]!;
      if (item.crm === key.crm && item.dealId === key.dealId && fits(item))
        return list.splice(i, 1)[0];
    }
    return undefined;
  }

  /** What expires is reported when it does, not only when the next event comes. */
  private pruneLater(): void {
    setTimeout(() => this.prune(), this.windowMs() + 1);
  }

  private prune(): void {
    const cutoff = this.now() - this.windowMs();
    const expired = <T>(items: Timed<T>[]) => items.filter((item) => item.at < cutoff);
    for (const page of expired(this.pages)) this.options.onExpired?.({ page });
    for (const save of expired(this.saves))
      if (save.lost !== false) this.options.onExpired?.({ save });
    this.pages = this.pages.filter((p) => p.at >= cutoff);
    this.saves = this.saves.filter((s) => s.at >= cutoff);
  }
}
