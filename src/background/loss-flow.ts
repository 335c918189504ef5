import { adapterById, adapters } from '../crm/registry';
import type { ReboundDatabase } from '../db/database';
import { openDraft } from '../db/drafts';
import { claimPrompt, promptsToday, skippedInARow, setPromptStatus } from '../db/prompts';
import { LossCorrelator, type ObservedInTab } from '../detection/correlator';
import { observeStageSaves } from '../detection/network-observer';
import type { LossEvent } from '../messaging/messages';
import { sendToTab } from '../messaging/transport';
import { SKIP_STREAK } from '../settings/schema';
import { resolveTemplate } from '../reflection/template';
import { loadSettings, saveSettings } from '../settings/store';

/** How long a prompt waits for its tab's next page (a full-page save navigates). */
const PENDING_MS = 60_000;

export type LossFlow = {
  observed(observed: ObservedInTab): void;
  /** The prompt waiting for this tab, taken (so it shows once). */
  takePending(tabId: number): LossEvent | undefined;
};

/**
 * Turns confirmed losses into prompts: exactly one per loss (the database claims the deal, so a
 * second tab, a retried save or a re-save of the same loss does not prompt again). Every
 * prompted loss gets a draft at once, so even a prompt held back by the daily cap, or a tab
 * closed before answering, leaves an unfinished reflection in the popup.
 */
export function startLossDetection(db: ReboundDatabase): LossFlow {
  const pending = new Map<number, { loss: LossEvent; at: number }>();

  const openPrompt = async ({
    tabId,
    type: _type,
    stageAfter: _after,
    beforeSave: _beforeSave,
    ...observed
  }: ObservedInTab) => {
    const { settings } = await loadSettings();
    const amount = observed.deal.amount;
    if (settings.minAmount !== undefined && amount !== undefined && amount < settings.minAmount)
      return;
    const askAboutSettings =
      !settings.skipStreakAsked && (await skippedInARow(db)) >= SKIP_STREAK ? true : undefined;
    const lossId = crypto.randomUUID();
    if (!(await claimPrompt(db, { lossId, crm: observed.crm, dealId: observed.dealId }))) return;

    const loss: LossEvent = { ...observed, lossId, askAboutSettings };
    await openDraft(db, loss, new Date(), resolveTemplate(settings.template));
    // The claim above counts as one of today's prompts.
    if ((await promptsToday(db)) > settings.dailyCap) return setPromptStatus(db, lossId, 'queued');
    if (askAboutSettings) await saveSettings({ ...settings, skipStreakAsked: true });

    const reply = await sendToTab(tabId, { type: 'prompt/open', loss });
    if (!reply.ok) pending.set(tabId, { loss, at: Date.now() });
  };
  const correlator = new LossCorrelator((loss) => void openPrompt(loss));
  observeStageSaves(adapters, (save) => correlator.saveConfirmed(save));

  return {
    observed(observed) {
      correlator.pageShowedLoss(observed, adapterById(observed.crm)?.network !== undefined);
    },
    takePending(tabId) {
      const waiting = pending.get(tabId);
      pending.delete(tabId);
      return waiting && Date.now() - waiting.at < PENDING_MS ? waiting.loss : undefined;
    },
  };
}
