import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { DealMatches, LossEvent, WinEvent } from '../messaging/content-messages';
import { sendToBackground } from '../messaging/content-transport';
import type { readDealContext } from '../detection/generic-read';
import type { Panels } from '../detection/run-content';

/**
 * The panels (PromptPanel, WinPanel, the form, Preact, their CSS) are not in the content script:
 * they are the separate script entrypoints/panel.ts, which the background runs in the tab's
 * isolated world the first time a panel may open (issue #8: a CRM page loads only what it needs
 * at load). Running it in the same world is how the content script gets its API: the script
 * puts it on globalThis under PANEL_API. Nothing is web-accessible, so sites cannot load it.
 */
export const PANEL_SCRIPT = '/panel.js';
const PANEL_API = Symbol.for('rebound.panel');

/** One panel at a time: losses and wins wait their turn (mount-prompt.tsx). */
export type PromptQueue = {
  open(loss: LossEvent): void;
  openWin(win: WinEvent): void;
  /** The similar-deal chip of an open deal (SimilarChip.tsx), removed when `signal` aborts. */
  showMatches(
    deal: { crm: string; dealId: string },
    matches: DealMatches,
    signal: AbortSignal,
  ): void;
};
export type PanelApi = {
  createPromptQueue(ctx: ContentScriptContext): PromptQueue;
  /** A deal's context with the generic readers too (src/detection/generic-read.ts). */
  readDealContext: typeof readDealContext;
};

type Scope = { [PANEL_API]?: PanelApi };

/** Called by the panel script as it runs. */
export function publishPanel(api: PanelApi): void {
  (globalThis as Scope)[PANEL_API] = api;
}

/** Asks the background to run the panel script in this frame, then takes what it published. */
export async function injectPanel(): Promise<PanelApi> {
  // A copy published by an earlier load of the extension would talk to a dead runtime: the
  // script is always run afresh, and it replaces whatever was there.
  delete (globalThis as Scope)[PANEL_API];
  const reply = await sendToBackground({ type: 'panel/load' });
  if (!reply.ok) throw new Error(reply.error);
  const api = (globalThis as Scope)[PANEL_API];
  if (!api) throw new Error('The panel script ran but published nothing');
  return api;
}

/**
 * A prompt queue whose panels load on first use: `open`/`openWin` before the load finishes
 * wait for it and keep their order. `preload` starts the load early (a loss was seen, its
 * confirmation is on the way). A failed load is tried again by the next call.
 */
export function lazyPromptQueue(ctx: ContentScriptContext, load: () => Promise<PanelApi>): Panels {
  let loaded: Promise<{ api: PanelApi; queue: PromptQueue }> | undefined;
  const panel = () => {
    if (!loaded) {
      const loading = load().then((api) => ({ api, queue: api.createPromptQueue(ctx) }));
      loaded = loading;
      loading.catch(() => {
        if (loaded === loading) loaded = undefined;
      });
    }
    return loaded;
  };
  const ready = () => panel().then(({ queue }) => queue);
  const use = (show: (queue: PromptQueue) => void) => {
    if (ctx.isInvalid) return;
    ready().then(show, (error: unknown) => console.error('Rebound: the panel did not load', error));
  };
  return {
    preload: () => use(() => {}),
    readDealContext: (...args) => panel().then(({ api }) => api.readDealContext(...args)),
    open: (loss) => use((queue) => queue.open(loss)),
    openWin: (win) => use((queue) => queue.openWin(win)),
    showMatches: (deal, matches, signal) =>
      use((queue) => queue.showMatches(deal, matches, signal)),
  };
}

/** The panels of a CRM tab, loaded by the background on first use (what runContent is given). */
export const lazyPanels = (ctx: ContentScriptContext): Panels => lazyPromptQueue(ctx, injectPanel);
