import { readDealContext } from '../src/detection/generic-read';
import { createPromptQueue } from '../src/prompt/mount-prompt';
import { publishPanel } from '../src/prompt/panel-api';

/**
 * The in-page panels, run by the background in a CRM tab's isolated world when a panel may open
 * (src/prompt/panel-api.ts): never in the manifest, never web-accessible.
 */
export default defineUnlistedScript(() => publishPanel({ createPromptQueue, readDealContext }));
