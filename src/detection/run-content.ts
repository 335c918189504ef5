import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { lostMatcher } from '../crm/stage-labels';
import type { CrmAdapter } from '../crm/types';
import { LossEventSchema } from '../messaging/messages';
import { onContentMessage, sendToBackground } from '../messaging/transport';
import { createPromptQueue } from '../reflection/mount-prompt';
import { loadSettings, watchSettings } from '../settings/store';
import { armPage } from './arm-page';

/**
 * Everything a CRM tab runs: the adapter's detectors, re-armed on each single-page-app
 * navigation and when the lost labels change, and the prompts the background sends.
 */
export async function runContent(ctx: ContentScriptContext, adapter: CrmAdapter): Promise<void> {
  const prompts = createPromptQueue(ctx);
  onContentMessage(async (message) => {
    prompts.open(message.loss);
    return { ok: true };
  });

  let isLost = lostMatcher((await loadSettings()).settings.lostLabels);
  let page = new AbortController();
  const arm = () => {
    page.abort();
    page = new AbortController();
    armPage({
      adapter,
      url: new URL(location.href),
      root: document,
      signal: AbortSignal.any([ctx.signal, page.signal]),
      isLost,
      report: (observed) => void sendToBackground(observed),
      health: (health) => void sendToBackground({ type: 'health/report', ...health }),
    });
  };
  arm();
  ctx.addEventListener(window, 'wxt:locationchange', arm);
  const unwatch = watchSettings((settings) => {
    isLost = lostMatcher(settings.lostLabels);
    arm();
  });
  ctx.onInvalidated(unwatch);

  // A loss saved by a full-page form (Salesforce Classic) is confirmed while this page loads.
  const pending = await sendToBackground({ type: 'prompt/pull' });
  const loss = pending.ok ? LossEventSchema.safeParse(pending.data) : undefined;
  if (loss?.success) prompts.open(loss.data);
}
