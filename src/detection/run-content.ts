import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { lostMatcher } from '../crm/stage-labels';
import type { CrmAdapter } from '../crm/types';
import { LossEventSchema } from '../messaging/messages';
import { onContentMessage, sendToBackground } from '../messaging/transport';
import { createPromptQueue } from '../reflection/mount-prompt';
import { loadSettings, watchSettings } from '../settings/store';
import { armPage } from './arm-page';

/** After an in-app navigation, how long the page may take to show the new deal. */
const NAVIGATION_BASELINE_MS = 1000;

/**
 * Everything a CRM tab runs: the adapter's detectors, re-armed on each single-page-app
 * navigation and when the lost labels change, and the prompts the background sends.
 */
export async function runContent(ctx: ContentScriptContext, adapter: CrmAdapter): Promise<void> {
  const prompts = createPromptQueue(ctx);
  onContentMessage((message) => {
    if (message.type !== 'prompt/open') return undefined;
    prompts.open(message.loss);
    return Promise.resolve({ ok: true });
  });

  const matcherFor = (labels: string[]) => lostMatcher(adapter.lostLabels ?? labels);
  let isLost = matcherFor((await loadSettings()).settings.lostLabels);
  let page = new AbortController();
  let url = new URL(location.href);
  const arm = (baselineMs: number) => {
    page.abort();
    page = new AbortController();
    armPage({
      adapter,
      url,
      root: document,
      signal: AbortSignal.any([ctx.signal, page.signal]),
      baselineMs,
      isLost,
      report: (observed) => void sendToBackground(observed),
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
  const unwatch = watchSettings((settings) => {
    isLost = matcherFor(settings.lostLabels);
    arm(0);
  });
  ctx.onInvalidated(unwatch);

  // A loss saved by a full-page form (Salesforce Classic) is confirmed while this page loads.
  const pending = await sendToBackground({ type: 'prompt/pull' });
  const loss = pending.ok ? LossEventSchema.safeParse(pending.data) : undefined;
  if (loss?.success) prompts.open(loss.data);
}
