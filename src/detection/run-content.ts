import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { lostMatcher, neverWon, wonMatcher } from '../settings/stage-labels';
import type { CrmAdapter } from './types';
import type { DealContext } from '../lessons/deal';
import {
  STAGE_MAX,
  type DealMatches,
  type LossEvent,
  type ToContent,
  type WinEvent,
} from '../messaging/content-messages';
import type { PageRead } from '../messaging/messages';
import { onContentMessage, sendToBackground } from '../messaging/content-transport';
import {
  loadDetectionSettings,
  watchDetectionSettings,
  type DetectionSettings,
} from '../settings/detection';
import { armPage } from './arm-page';
import { createSettling } from './settling';
import { clipText } from './dom';
import { createPageReader, dealOnPage, type PageReader } from './page-read';
import { askDealMatches, reportDealSeen } from './deal-seen';
import { watchStageShown } from './stage-shown';

/** After an in-app navigation, how long the page may take to show the new deal. */
const NAVIGATION_BASELINE_MS = 1000;

/**
 * The in-page panels as a CRM tab uses them. They load only when one may open (the prompt's
 * lazy loader, src/prompt/panel-api.ts, given by the entry point): detection never imports the
 * prompt UI, so a tab carries none of it until a loss is seen.
 */
export type Panels = {
  open(loss: LossEvent): void;
  openWin(win: WinEvent): void;
  /** Starts loading the panels: a prompt may follow. */
  preload(): void;
  /** Loads the panels to show an open deal's similar lessons, until `signal` aborts. */
  showMatches(
    deal: { crm: string; dealId: string },
    matches: DealMatches,
    signal: AbortSignal,
  ): void;
  /** A deal's context with the generic readers too (src/detection/generic-read.ts). */
  readDealContext(
    adapter: CrmAdapter,
    root: Document,
    url: URL,
    dealId: string,
  ): Promise<DealContext>;
};

/** A CRM tab's detection, running. */
export type ContentRun = {
  /**
   * Detects with `next` instead (a user rule edited), or stops detecting (`undefined`: the rule
   * was removed), once the moves still settling have reported; page reads keep the last one.
   */
  replaceAdapter(next: CrmAdapter | undefined): void;
};

/**
 * Everything a CRM tab runs: the adapter's detectors, re-armed on each single-page-app
 * navigation and when a setting they use changes, and the prompts the background sends.
 */
export async function runContent(
  ctx: ContentScriptContext,
  first: CrmAdapter,
  prompts: Panels,
): Promise<ContentRun> {
  let adapter = first;
  let detecting = true;
  /** Queues a loss prompt or a win capture; false for any other message. */
  const show = (message: ToContent): boolean => {
    if (message.type === 'prompt/open') prompts.open(message.loss);
    else if (message.type === 'win/open') prompts.openWin(message.win);
    else return false;
    return true;
  };
  // The page as the background asks about it (a save no detector reported): see page-read.ts.
  let reader: PageReader | undefined;
  const readPage = async (
    dealId: string,
    lookForLoss: boolean,
    savedAt: number | undefined,
  ): Promise<PageRead> => {
    // The CRM saved a stage of this deal: a prompt may follow, so the panel loads meanwhile.
    prompts.preload();
    const lossShown = lookForLoss ? await reader?.lossShown(dealId, savedAt) : undefined;
    return {
      dealUrl: location.href,
      // The full reading (generic readers too) comes with the panels, loading now anyway.
      deal: await prompts
        .readDealContext(adapter, document, url, dealId)
        .catch(() => dealOnPage(adapter, document, dealId)),
      lossShown: clipText(lossShown, STAGE_MAX),
      loadedAfterSave: reader?.loadedAfter(savedAt) || undefined,
    };
  };
  onContentMessage({
    'prompt/open': async (message) => {
      show(message);
      return { ok: true };
    },
    'win/open': async (message) => {
      show(message);
      return { ok: true };
    },
    'page/read': async ({ dealId, lookForLoss, savedAt }) => ({
      ok: true,
      data: await readPage(dealId, lookForLoss, savedAt),
    }),
  });

  /**
   * What the detectors use of the settings: the lost labels, unless the adapter brings its own
   * (a user rule's lost text); the won labels only when the user opted in, and never with a user
   * rule's own lost text (it says nothing about what "won" looks like on that CRM), so detectors
   * then see exactly what they saw before the setting existed. A settings change that leaves
   * these as they were is no reason to re-arm.
   */
  const usedOf = (settings: DetectionSettings) => ({
    lost: adapter.lostLabels ?? settings.lostLabels,
    won: settings.captureWins && !adapter.lostLabels ? settings.wonLabels : undefined,
  });
  const matchersOf = ({ lost, won }: ReturnType<typeof usedOf>) => ({
    isLost: lostMatcher(lost),
    isWon: won ? wonMatcher(won) : neverWon,
  });
  let settings = await loadDetectionSettings();
  let used = usedOf(settings);
  let matchers = matchersOf(used);
  let page = new AbortController();
  let url = new URL(location.href);
  const settling = createSettling();
  /** A re-arm for new settings, waiting for the moves still settling; any arm clears it. */
  let rearm: (() => void) | undefined;
  const arm = (baselineMs: number) => {
    rearm = undefined;
    page.abort();
    page = new AbortController();
    if (!detecting) return void (reader = undefined);
    // Everything armed for this page stops with it (or with the extension).
    const signal = AbortSignal.any([ctx.signal, page.signal]);
    reader = createPageReader({
      adapter,
      root: document,
      url,
      isLost: () => matchers.isLost,
      signal,
    });
    const showMatches = (deal: { crm: string; dealId: string }, matches: DealMatches) =>
      prompts.showMatches(deal, matches, signal);
    reportDealSeen({
      adapter,
      url,
      readDeal: (dealId) => dealOnPage(adapter, document, dealId),
      signal,
      // Only with a match is the panel script loaded: the chip adds nothing to the page before.
      onMatches: showMatches,
    });
    // A deal moved to another open stage on its page: a plan whose cue names it may come back.
    watchStageShown({
      adapter,
      url,
      root: document,
      signal,
      isLost: matchers.isLost,
      // The user's won labels whether or not wins are captured: a won deal has no next step.
      isWon: wonMatcher(settings.wonLabels),
      baselineUntil: Date.now() + baselineMs,
      onStage: ({ dealId, deal }) =>
        askDealMatches(
          {
            type: 'deal/open',
            crm: adapter.id,
            dealId,
            dealUrl: url.href,
            deal,
            stageEntered: true,
          },
          { signal, onMatches: showMatches },
        ),
    });
    armPage({
      adapter,
      url,
      root: document,
      signal,
      baselineMs,
      ...matchers,
      settling,
      report: (observed) => {
        // Its confirmation is on the way: load the panel meanwhile, so the prompt opens at once.
        prompts.preload();
        void sendToBackground(observed);
      },
      health: (health) => void sendToBackground({ type: 'health/report', ...health }),
    });
  };
  arm(0);
  // The event comes as navigation starts: location.href is still the old URL, and the old
  // deal's page may still be showing for a moment.
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
    url = newUrl;
    arm(NAVIGATION_BASELINE_MS);
  });
  const rearmWhenSettled = () => {
    used = usedOf(settings);
    matchers = matchersOf(used);
    // A board drop (or a stage) still settling reports first, judged as it was seen.
    const wanted = () => rearm === wanted && arm(0);
    rearm = wanted;
    settling.whenIdle(wanted);
  };
  const unwatch = watchDetectionSettings((changed) => {
    settings = changed;
    if (JSON.stringify(usedOf(settings)) !== JSON.stringify(used)) rearmWhenSettled();
  });
  ctx.onInvalidated(unwatch);

  // A loss (or win) saved by a full-page form (Salesforce Classic) is confirmed while this page
  // loads: the background kept its prompt for this tab.
  const pending = await sendToBackground({ type: 'prompt/pull' });
  if (pending.ok && pending.data) show(pending.data);
  return {
    replaceAdapter(next) {
      detecting = next !== undefined;
      if (next) adapter = next;
      rearmWhenSettled();
    },
  };
}
