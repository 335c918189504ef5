import { dynamics } from '../src/crm/dynamics';
import { runContent } from '../src/detection/run-content';
import { lazyPanels } from '../src/prompt/panel-api';

/** One content script per CRM: a tab carries only its own CRM's adapter (issue #8). */
export default defineContentScript({
  matches: dynamics.matches,
  main: (ctx) => runContent(ctx, dynamics, lazyPanels(ctx)),
});
