import { adapters } from '../crm/registry';
import type { ReboundDatabase } from '../db/database';
import { claimPrompt } from '../db/prompts';
import { LossCorrelator, type ObservedInTab } from '../detection/correlator';
import { observeStageSaves } from '../detection/network-observer';
import { sendToTab } from '../messaging/transport';

/**
 * Turns confirmed losses into prompts: exactly one per loss (the database claims the deal, so a
 * second tab, a retried save or a re-save of the same loss does not prompt again).
 */
export function startLossDetection(db: ReboundDatabase): LossCorrelator {
  const openPrompt = async ({ tabId, type: _type, stageAfter: _after, ...loss }: ObservedInTab) => {
    const lossId = crypto.randomUUID();
    if (!(await claimPrompt(db, { lossId, crm: loss.crm, dealId: loss.dealId }))) return;
    const reply = await sendToTab(tabId, { type: 'prompt/open', loss: { ...loss, lossId } });
    if (!reply.ok)
      console.warn(`Rebound: could not open the prompt in tab ${tabId}: ${reply.error}`);
  };
  const correlator = new LossCorrelator((loss) => void openPrompt(loss));
  observeStageSaves(adapters, (save) => correlator.saveConfirmed(save));
  return correlator;
}
