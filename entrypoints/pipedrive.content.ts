import { pipedrive } from '../src/crm/pipedrive';
import { runContent } from '../src/detection/run-content';
import { lazyPanels } from '../src/prompt/panel-api';

/** One content script per CRM: a tab carries only its own CRM's adapter (issue #8). */
export default defineContentScript({
  matches: pipedrive.matches,
  main: (ctx) => runContent(ctx, pipedrive, lazyPanels(ctx)),
});
