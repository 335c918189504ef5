import { adapterById, adapters } from '../crm/registry';
import type { ReboundDatabase } from '../db/database';
import { openDraft } from '../db/drafts';
import { claimPrompt, promptsToday, skippedInARow, setPromptStatus } from '../db/prompts';
import { claimWinPrompt } from '../db/wins';
import { CORRELATION_WINDOW_MS, LossCorrelator, type ObservedInTab } from '../detection/correlator';
import { observeStageSaves } from '../detection/network-observer';
import {
  DealEventSchema,
  type LossEvent,
  type ToContent,
  type WinEvent,
} from '../messaging/messages';
import { sendToTab } from '../messaging/transport';
import { SKIP_STREAK } from '../settings/schema';
import { resolveTemplate } from '../reflection/template';
import { loadSettings, saveSettings } from '../settings/store';

/** How long a prompt waits for its tab's next page (a full-page save navigates). */
const PENDING_MS = 60_000;

export type LossFlow = {
  observed(observed: ObservedInTab): void;
  /** The prompt (loss or win) waiting for this tab, taken (so it shows once). */
  takePending(tabId: number): ToContent | undefined;
};

/**
 * Turns confirmed losses into prompts: exactly one per loss (the database claims the deal, so a
 * second tab, a retried save or a re-save of the same loss does not prompt again). Every
 * prompted loss gets a draft at once, so even a prompt held back by the daily cap, or a tab
 * closed before answering, leaves an unfinished reflection in the popup.
 *
 * Wins (opt-in, setting `captureWins`) get the "what worked" capture: once per deal, claimed
 * apart from losses (src/db/wins.ts). Not held back by the daily cap, and not counted in it: a
 * win is rarer than a loss, asked about only because the user turned it on, and must never use
 * up a loss's prompt. The minimum deal size applies, since it says "don't ask about small deals".
 */
export function startLossDetection(db: ReboundDatabase): LossFlow {
  const pending = new Map<number, { message: ToContent; at: number }>();
  const deliver = async (tabId: number, message: ToContent) => {
    const reply = await sendToTab(tabId, message);
    if (!reply.ok) pending.set(tabId, { message, at: Date.now() });
  };
  const tooSmall = (minAmount: number | undefined, amount: number | undefined) =>
    minAmount !== undefined && amount !== undefined && amount < minAmount;

  // Each takes what a prompt needs of the page's report: its detection bookkeeping left out.
  const openPrompt = async ({ tabId, ...page }: ObservedInTab) => {
    const observed = DealEventSchema.parse(page);
    const { settings, problem } = await loadSettings();
    if (tooSmall(settings.minAmount, observed.deal.amount)) return;
    const askAboutSettings =
      !settings.skipStreakAsked && (await skippedInARow(db)) >= SKIP_STREAK ? true : undefined;
    const lossId = crypto.randomUUID();
    if (!(await claimPrompt(db, { lossId, crm: observed.crm, dealId: observed.dealId }))) return;

    const loss: LossEvent = { ...observed, lossId, askAboutSettings };
    await openDraft(db, loss, new Date(), resolveTemplate(settings.template));
    // The claim above counts as one of today's prompts.
    if ((await promptsToday(db)) > settings.dailyCap) return setPromptStatus(db, lossId, 'queued');
    // Stored settings that no longer parse are left for the user to see in the options page,
    // never overwritten with the defaults in use meanwhile.
    if (askAboutSettings && !problem) await saveSettings({ ...settings, skipStreakAsked: true });

    await deliver(tabId, { type: 'prompt/open', loss });
  };
  const openWinCapture = async ({ tabId, ...page }: ObservedInTab) => {
    const observed = DealEventSchema.parse(page);
    const { settings } = await loadSettings();
    // Turned off since the page reported it: nothing.
    if (!settings.captureWins || tooSmall(settings.minAmount, observed.deal.amount)) return;
    const winId = crypto.randomUUID();
    if (!(await claimWinPrompt(db, { winId, crm: observed.crm, dealId: observed.dealId }))) return;
    const win: WinEvent = { ...observed, winId };
    await deliver(tabId, { type: 'win/open', win });
  };
  const correlator = new LossCorrelator(
    (loss) => void openPrompt(loss),
    Date.now,
    CORRELATION_WINDOW_MS,
    (win) => void openWinCapture(win),
  );
  observeStageSaves(adapters, (save) => correlator.saveConfirmed(save));

  return {
    observed(observed) {
      correlator.pageShowedLoss(observed, adapterById(observed.crm)?.network !== undefined);
    },
    takePending(tabId) {
      const waiting = pending.get(tabId);
      pending.delete(tabId);
      return waiting && Date.now() - waiting.at < PENDING_MS ? waiting.message : undefined;
    },
  };
}
