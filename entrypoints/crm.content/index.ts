import '../../src/reflection/reflection.css';
import { adapterForUrl, contentScriptMatches } from '../../src/crm/registry';
import { watchDealPage } from '../../src/detection/page-detector';
import { onContentMessage, sendToBackground } from '../../src/messaging/transport';
import { createPromptQueue } from '../../src/reflection/mount-prompt';

export default defineContentScript({
  matches: contentScriptMatches(),
  cssInjectionMode: 'ui',
  main(ctx) {
    const adapter = adapterForUrl(new URL(location.href));
    if (!adapter) return;

    // Single-page CRMs change deals without reloading: each URL gets a fresh watcher.
    let page = new AbortController();
    const watch = (url: URL) => {
      page.abort();
      page = new AbortController();
      watchDealPage({
        adapter,
        url,
        root: document,
        signal: AbortSignal.any([ctx.signal, page.signal]),
        report: (observed) => void sendToBackground(observed),
      });
    };
    watch(new URL(location.href));
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => watch(newUrl));

    const prompts = createPromptQueue(ctx);
    onContentMessage(async (message) => {
      prompts.open(message.loss);
      return { ok: true };
    });
  },
});
