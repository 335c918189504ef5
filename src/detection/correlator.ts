import type { LossObserved } from '../messaging/messages';

/** A CRM's own save of a deal's stage that the server accepted (2xx). */
export type SaveConfirmed = {
  crm: string;
  dealId: string;
  tabId: number;
  stageValue: string;
  lost: boolean | undefined;
};

export type ObservedInTab = LossObserved & { tabId: number };

type Timed<T> = T & { at: number };

/** How far apart the page's change and the save's answer may be and still be one loss. */
export const CORRELATION_WINDOW_MS = 15_000;

/** Whether a save can confirm what the page showed. */
function confirms(page: ObservedInTab, save: SaveConfirmed): boolean {
  // A win needs a save that does not say lost; a loss one that does not say "not lost". A save
  // the request alone cannot read (`undefined`, a custom stage) leaves it to the page's label.
  return page.result === 'won' ? save.lost !== true : save.lost !== false;
}

/**
 * Pairs what the page shows with what the CRM saved. A loss needs both: the page's stage turned
 * from open to lost (context, and the label that tells a custom "Closed lost" stage apart), and
 * the CRM's own successful save of that deal's stage (proof it really happened: a page that
 * loads already lost, an optimistic re-render or a rejected save sends no such confirmation).
 * A save whose value says "not lost" (won, an open stage) cancels a lost-looking page change.
 * Either may arrive first.
 *
 * Wins (`result: 'won'`, only sent when the user opted in) pair the same way, the other way
 * round: a save that says lost cancels a won-looking change. A win only ever reaches `onWin`,
 * a loss only `onLoss`.
 */
export class LossCorrelator {
  private pages: Timed<ObservedInTab>[] = [];
  private saves: Timed<SaveConfirmed>[] = [];

  constructor(
    private readonly onLoss: (loss: ObservedInTab) => void,
    private readonly now: () => number = Date.now,
    private readonly windowMs = CORRELATION_WINDOW_MS,
    private readonly onWin: (win: ObservedInTab) => void = () => {},
  ) {}

  /**
   * The page showed a loss, or a win (`result: 'won'`). `needsSave` is false only for CRMs whose
   * save requests Rebound cannot read (user rules): there the page's change is all the evidence
   * there is.
   */
  pageShowedLoss(observed: ObservedInTab, needsSave = true): void {
    if (!needsSave) return this.confirmed(observed);
    this.prune();
    // A stored save of the other outcome is not this change's save: it stays for its own.
    const save = observed.beforeSave
      ? undefined
      : this.take(this.saves, observed, (s) => confirms(observed, s));
    if (save) this.confirmed(observed);
    else this.pages.push({ ...observed, at: this.now() });
  }

  saveConfirmed(save: SaveConfirmed): void {
    this.prune();
    const page = this.take(this.pages, save);
    if (page) {
      if (confirms(page, save)) this.confirmed(page);
    }
    // Kept for a page change still to come. A save that says "not lost" is only ever taken by
    // a win (it would swallow a real loss right after: won, reopened, then lost), and one that
    // says lost only by a loss.
    else this.saves.push({ ...save, at: this.now() });
  }

  private confirmed(page: ObservedInTab): void {
    if (page.result === 'won') this.onWin(page);
    else this.onLoss(page);
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

  private prune(): void {
    const cutoff = this.now() - this.windowMs;
    this.pages = this.pages.filter((p) => p.at >= cutoff);
    this.saves = this.saves.filter((s) => s.at >= cutoff);
  }
}
