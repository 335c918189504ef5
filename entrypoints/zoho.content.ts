import { zoho } from '../src/crm/zoho';
import { runContent } from '../src/detection/run-content';
import { lazyPanels } from '../src/prompt/panel-api';

/** One content script per CRM: a tab carries only its own CRM's adapter (issue #8). */
export default defineContentScript({
  matches: zoho.matches,
  main: (ctx) => runContent(ctx, zoho, lazyPanels(ctx)),
});
