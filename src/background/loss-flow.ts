import { browser } from 'wxt/browser';
import { clipText } from '../detection/dom';
import { networks } from '../crm/networks';
import { adapterById } from '../crm/registry';
import { lostMatcher } from '../settings/stage-labels';
import type { ReboundDatabase } from '../db/database';
import { openDraft } from '../db/drafts';
import { claimPrompt, promptsToday, skippedInARow, setPromptStatus } from '../db/prompts';
import { claimWinPrompt } from '../db/wins';
import {
  LossCorrelator,
  type CorrelatorOptions,
  type Evidence,
  type ObservedInTab,
  type SaveConfirmed,
} from '../detection/correlator';
import { fallbackDealName } from '../detection/page-shown';
import type { Decision } from '../detection/log';
import { observeStageSaves, type SaveAnswered } from '../detection/network-observer';
import {
  DealEventSchema,
  STAGE_MAX,
  type LossEvent,
  type PageRead,
  type ToContent,
  type WinEvent,
} from '../messaging/messages';
import { sendToTab } from '../messaging/transport';
import { SKIP_STREAK } from '../settings/schema';
import { resolveTemplate } from '../lessons/template';
import { markSkipStreakAsked, skipStreakAsked } from '../settings/internal';
import { askItem, lostLabelsItem, templateItem } from '../settings/store';
import type { DetectionLog } from './detection-log';
import type { TabHealthBoard } from './tab-health';

/** How long a prompt waits for its tab's next page (a full-page save navigates). */
export const PENDING_MS = 60_000;
/**
 * Losses confirmed in one tab this close together are one bulk change (a list view's bulk
 * edit, a batch request): one panel, the others offered after it.
 */
export const BULK_WINDOW_MS = 3000;
const READ_TRIES = 6;
const READ_RETRY_MS = 500;

export type LossFlow = {
  observed(observed: ObservedInTab): void;
  /** The prompt (loss or win) waiting for this tab, taken (so it shows once). */
  takePending(tabId: number): ToContent | undefined;
  /** Forgets every loss and prompt held in memory (the user deleted all their data). */
  forget(): void;
};

/** What the background can change for tests and benchmarks: the correlator's timing. */
export type LossFlowOptions = Pick<CorrelatorOptions, 'windowMs' | 'graceMs'>;

/**
 * Turns confirmed losses into prompts: exactly one per loss (the database claims the deal, so a
 * second tab, a retried save or a re-save of the same loss does not prompt again). Every
 * prompted loss gets a draft at once, so even a prompt held back by the daily cap, or a tab
 * closed before answering, leaves an unfinished reflection in the popup. Every page report,
 * save and decision goes to the detection log, with its reason.
 *
 * Wins (opt-in, setting `captureWins`) get the "what worked" capture: once per deal, claimed
 * apart from losses (src/db/wins.ts). Not held back by the daily cap, and not counted in it: a
 * win is rarer than a loss, asked about only because the user turned it on, and must never use
 * up a loss's prompt. The minimum deal size applies, since it says "don't ask about small deals".
 */
export function startLossDetection(
  db: ReboundDatabase,
  log: DetectionLog,
  tabs: TabHealthBoard,
  options: LossFlowOptions = {},
): LossFlow {
  const pending = new Map<number, { message: ToContent; at: number }>();
  /** The last prompt opened in each tab, for bulk changes. */
  const lastPrompt = new Map<number, number>();
  const deliver = async (tabId: number, message: ToContent) => {
    const reply = await sendToTab(tabId, message);
    if (reply.ok) return true;
    pending.set(tabId, { message, at: Date.now() });
    return false;
  };
  const tooSmall = (minAmount: number | undefined, amount: number | undefined) =>
    minAmount !== undefined && amount !== undefined && amount < minAmount;

  // A stage label among the user's lost labels is a lost save too (a renamed stage saved by
  // its label); kept current so a save is judged the moment it is answered.
  let saysLostLabel = lostMatcher();
  void lostLabelsItem.load().then(({ value }) => (saysLostLabel = lostMatcher(value)));
  lostLabelsItem.watch(({ value }) => (saysLostLabel = lostMatcher(value)));

  const decided = (
    item: { crm: string; dealId: string; tabId?: number },
    decision: Decision,
    more: { evidence?: Evidence; status?: number; deal?: ObservedInTab['deal'] } = {},
  ) =>
    log.add({
      kind: 'decision',
      crm: item.crm,
      dealId: item.dealId,
      tabId: item.tabId,
      decision,
      ...more,
      deal: more.deal && {
        dealName: more.deal.dealName,
        amount: more.deal.amount,
        company: more.deal.company,
      },
    });

  // Each takes what a prompt needs of the page's report: its detection bookkeeping left out.
  const openPrompt = async (
    { tabId, ...page }: ObservedInTab,
    evidence: Evidence,
    askDeal?: true,
  ) => {
    const observed = DealEventSchema.parse(page);
    const decide = (decision: Decision) =>
      decided({ ...observed, tabId }, decision, { evidence, deal: observed.deal });
    const { value: ask } = await askItem.load();
    if (tooSmall(ask.minAmount, observed.deal.amount)) return decide('below-minimum');
    const askAboutSettings =
      !(await skipStreakAsked()) && (await skippedInARow(db)) >= SKIP_STREAK ? true : undefined;
    const lossId = crypto.randomUUID();
    if (!(await claimPrompt(db, { lossId, crm: observed.crm, dealId: observed.dealId }))) {
      return decide('duplicate');
    }

    const loss: LossEvent = { ...observed, lossId, askAboutSettings, askDeal };
    const { value: template } = await templateItem.load();
    await openDraft(db, loss, new Date(), resolveTemplate(template));
    // The claim above counts as one of today's prompts.
    if ((await promptsToday(db)) > ask.dailyCap) {
      await setPromptStatus(db, lossId, 'queued');
      return decide('daily-cap');
    }
    // Its own item: writing it cannot undo a setting saved since the settings were read above.
    if (askAboutSettings) await markSkipStreakAsked();

    // A loss right after another in the same tab is part of one bulk change: its panel waits
    // behind the first (the tab shows one at a time, and says how many follow).
    const previous = lastPrompt.get(tabId);
    const inBulk = previous !== undefined && Date.now() - previous < BULK_WINDOW_MS;
    lastPrompt.set(tabId, Date.now());
    const delivered = await deliver(tabId, { type: 'prompt/open', loss });
    decide(delivered ? (inBulk ? 'queued-bulk' : 'prompted') : 'prompt-waiting');
  };
  const openWinCapture = async ({ tabId, ...page }: ObservedInTab) => {
    const observed = DealEventSchema.parse(page);
    const decide = (decision: Decision) =>
      decided({ ...observed, tabId }, decision, { deal: observed.deal });
    const { value: ask } = await askItem.load();
    // Turned off since the page reported it: nothing.
    if (!ask.captureWins) return decide('won-off');
    if (tooSmall(ask.minAmount, observed.deal.amount)) return decide('below-minimum');
    // The background keeps its own copy of the won deal: the win is built from it, whatever
    // the CRM page sends back with the answers.
    const win: WinEvent = { ...observed, winId: crypto.randomUUID() };
    if (!(await claimWinPrompt(db, win))) return decide('won-duplicate');
    await deliver(tabId, { type: 'win/open', win });
    decide('won-asked');
  };

  const unnamed = (save: SaveConfirmed) =>
    fallbackDealName(adapterById(save.crm)?.name ?? save.crm, save.dealId);
  /** What the tab shows of the deal a save named; what the tab cannot say stays unknown. */
  const readTab = async (save: SaveConfirmed, lookForLoss: boolean): Promise<PageRead> => {
    const ask = () =>
      sendToTab(save.tabId, {
        type: 'page/read',
        dealId: save.dealId,
        lookForLoss,
        savedAt: save.sentAt,
      });
    // A save that navigates (a full-page form post) leaves the tab loading its next page for a
    // moment: asked again until that page's content script answers.
    let reply = await ask();
    for (let tries = 1; !reply.ok && tries < READ_TRIES; tries++) {
      await new Promise((resolve) => setTimeout(resolve, READ_RETRY_MS));
      reply = await ask();
    }
    if (reply.ok) return reply.data;
    // No content script answered (the tab navigated away or closed): the loss still counts.
    const tab = await browser.tabs.get(save.tabId).catch(() => undefined);
    return {
      dealUrl: tab?.url && /^https?:/.test(tab.url) ? tab.url : `https://${save.crm}.invalid/`,
      deal: { dealName: unnamed(save) },
    };
  };
  const observedFrom = (
    save: SaveConfirmed,
    read: PageRead,
    stageAfter: string,
  ): ObservedInTab => ({
    type: 'outcome/observed',
    outcome: 'lost',
    crm: save.crm,
    dealId: save.dealId,
    dealUrl: read.dealUrl,
    stageBefore: '',
    stageAfter: clipText(stageAfter, STAGE_MAX)!,
    deal: read.deal,
    tabId: save.tabId,
  });

  /** Unclear saves the page was asked about (their "no evidence" is logged once). */
  const checked = new WeakSet<SaveConfirmed>();
  const logPage = (observed: ObservedInTab, generic: boolean) =>
    log.add({
      kind: 'page',
      crm: observed.crm,
      dealId: observed.dealId,
      tabId: observed.tabId,
      stageBefore: observed.stageBefore,
      stageAfter: observed.stageAfter,
      result: observed.outcome,
      generic,
    });
  /** A save from a tab on a board waits for the board's settled report (the tab's page). */
  const boardGrace = (save: SaveConfirmed) => {
    const adapter = adapterById(save.crm);
    const url = tabs.of(save.tabId)?.url;
    const page = adapter && url ? adapter.parsePage(new URL(url)) : undefined;
    return page?.kind === 'board' ? (adapter?.boardSettleMs ?? 0) : 0;
  };
  const correlator = new LossCorrelator({
    extraGraceFor: boardGrace,
    ...options,
    onLoss: (loss, evidence) => void openPrompt(loss, evidence),
    onWin: (win) => void openWinCapture(win),
    onSaveAlone: (save) =>
      void readTab(save, false).then((read) =>
        openPrompt(
          observedFrom(save, read, read.deal.stage ?? save.stageValue),
          'save alone',
          read.deal.dealName === unnamed(save) ? true : undefined,
        ),
      ),
    onUnclear: (save) =>
      void readTab(save, true).then((read) => {
        checked.add(save);
        // The adapter's report may still come within the window and pair with the save.
        // A page that loaded as the save's answer (a full-page form post) never showed the deal
        // before it: it shows a loss only when the user's action on the page before was one
        // (Classic's submit of an edit from an open stage, not a re-save of a lost deal).
        const seenChange = !read.loadedAfterSave || correlator.hasIntent(save);
        if (!read.lossShown || !seenChange) return decided(save, 'no-page-evidence');
        const observed = observedFrom(save, read, read.lossShown);
        logPage(observed, true);
        correlator.pageConfirms(save, observed);
      }),
    onExpired: ({ page, save }) => {
      if (page) decided(page, 'unconfirmed-page');
      if (save && !checked.has(save)) decided(save, 'no-page-evidence');
    },
  });
  const judged = (save: SaveAnswered): SaveAnswered =>
    save.lost === undefined && saysLostLabel(save.stageValue) ? { ...save, lost: true } : save;
  const logSave = (save: SaveAnswered) =>
    log.add({
      kind: 'save',
      crm: save.crm,
      dealId: save.dealId,
      tabId: save.tabId,
      stageValue: clipText(save.stageValue, STAGE_MAX),
      lost: save.lost ?? null,
      status: save.status,
      okStatusIsNotProof: save.okStatusIsNotProof,
    });
  observeStageSaves(networks, {
    onConfirmed: (answered) => {
      const save = judged(answered);
      logSave(save);
      if (save.lost === false) decided(save, 'not-lost');
      correlator.saveConfirmed(save);
    },
    onRefused: (save) => {
      logSave(save);
      decided(save, 'refused-save', { status: save.status });
    },
  });

  return {
    observed(observed) {
      logPage(observed, false);
      correlator.pageShowed(observed, networks[observed.crm] !== undefined);
    },
    takePending(tabId) {
      const waiting = pending.get(tabId);
      pending.delete(tabId);
      return waiting && Date.now() - waiting.at < PENDING_MS ? waiting.message : undefined;
    },
    forget() {
      correlator.forget();
      pending.clear();
      lastPrompt.clear();
    },
  };
}
