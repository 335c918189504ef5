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

/**
 * Pairs what the page shows with what the CRM saved. A loss needs both: the page's stage turned
 * from open to lost (context, and the label that tells a custom "Closed lost" stage apart), and
 * the CRM's own successful save of that deal's stage (proof it really happened: a page that
 * loads already lost, an optimistic re-render or a rejected save sends no such confirmation).
 * A save whose value says "not lost" (won, an open stage) cancels a lost-looking page change.
 * Either may arrive first.
 */
export class LossCorrelator {
  private pages: Timed<ObservedInTab>[] = [];
  private saves: Timed<SaveConfirmed>[] = [];

  constructor(
    private readonly onLoss: (loss: ObservedInTab) => void,
    private readonly now: () => number = Date.now,
    private readonly windowMs = CORRELATION_WINDOW_MS,
  ) {}

  /**
   * `needsSave` is false only for CRMs whose save requests Rebound cannot read (user rules):
   * there the page's change is all the evidence there is.
   */
  pageShowedLoss(observed: ObservedInTab, needsSave = true): void {
    if (!needsSave) return this.onLoss(observed);
    this.prune();
    const save = observed.beforeSave ? undefined : this.take(this.saves, observed);
    if (save) this.decide(observed, save);
    else this.pages.push({ ...observed, at: this.now() });
  }

  saveConfirmed(save: SaveConfirmed): void {
    this.prune();
    const page = this.take(this.pages, save);
    if (page) this.decide(page, save);
    // A save that says "not lost" only cancels what the page showed before it: kept, it would
    // swallow a real loss right after (won, reopened, then lost).
    else if (save.lost !== false) this.saves.push({ ...save, at: this.now() });
  }

  private decide(page: ObservedInTab, save: SaveConfirmed): void {
    if (save.lost !== false) this.onLoss(page);
  }

  private take<T extends { crm: string; dealId: string }>(
    list: Timed<T>[],
    key: { crm: string; dealId: string },
  ): Timed<T> | undefined {
    // The newest match: when a deal is saved twice quickly, the last save is what stands.
    for (let i = list.length - 1; i >= 0; i--) {
      const item = list[i]!;
      if (item.crm === key.crm && item.dealId === key.dealId) return list.splice(i, 1)[0];
    }
    return undefined;
  }

  private prune(): void {
    const cutoff = this.now() - this.windowMs;
    this.pages = this.pages.filter((p) => p.at >= cutoff);
    this.saves = this.saves.filter((s) => s.at >= cutoff);
  }
}
