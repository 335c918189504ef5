import { pipedrive } from '../src/crm/pipedrive';
import { runContent } from '../src/detection/run-content';

/** One content script per CRM: a tab carries only its own CRM's adapter (issue #8). */
export default defineContentScript({
  matches: pipedrive.matches,
  main: (ctx) => runContent(ctx, pipedrive),
});
