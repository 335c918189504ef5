import { readDealContext } from '../src/detection/generic-read';
import { createPromptQueue } from '../src/reflection/mount-prompt';
import { publishPanel } from '../src/reflection/panel-api';

/**
 * The in-page panels, run by the background in a CRM tab's isolated world when a panel may open
 * (src/reflection/panel-api.ts): never in the manifest, never web-accessible.
 */
export default defineUnlistedScript(() => publishPanel({ createPromptQueue, readDealContext }));
