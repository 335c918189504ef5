import '../../src/reflection/reflection.css';
import { adapterForUrl, contentScriptMatches } from '../../src/crm/registry';
import { runContent } from '../../src/detection/run-content';

export default defineContentScript({
  matches: contentScriptMatches(),
  cssInjectionMode: 'ui',
  async main(ctx) {
    const adapter = adapterForUrl(new URL(location.href));
    if (adapter) await runContent(ctx, adapter);
  },
});
