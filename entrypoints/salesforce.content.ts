import { salesforce } from '../src/crm/salesforce';
import { runContent } from '../src/detection/run-content';
import { lazyPanels } from '../src/prompt/panel-api';

/** One content script per CRM: a tab carries only its own CRM's adapter (issue #8). */
export default defineContentScript({
  matches: salesforce.matches,
  main: (ctx) => runContent(ctx, salesforce, lazyPanels(ctx)),
});
