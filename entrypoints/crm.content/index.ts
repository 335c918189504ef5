import { adapterForUrl, contentScriptMatches } from '../../src/crm/registry';
import { runContent } from '../../src/detection/run-content';

export default defineContentScript({
  matches: contentScriptMatches(),
  async main(ctx) {
    const adapter = adapterForUrl(new URL(location.href));
    if (adapter) await runContent(ctx, adapter);
  },
});
