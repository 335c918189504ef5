import { probeRule } from '../../src/crm/custom';
import { runRules } from '../../src/crm/custom/run-rules';
import { lazyPanels } from '../../src/prompt/panel-api';
import { onContentMessage } from '../../src/messaging/transport';
import { customRulesItem } from '../../src/settings/store';
import { t } from '../../src/i18n/t';

/** Set in this extension's isolated world: the options page may inject us into a tab that has us. */
const RUNNING = Symbol.for('rebound.custom-rules');

/**
 * Runs on the pages of the user's own CRM rules: registered at run time by the background
 * (src/background/custom-rules.ts) for the hosts the user granted, never in the manifest.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  async main(ctx) {
    const scope = globalThis as { [RUNNING]?: boolean };
    if (scope[RUNNING]) return;
    scope[RUNNING] = true;
    ctx.onInvalidated(() => (scope[RUNNING] = false));

    onContentMessage({
      'rule/probe': async ({ ruleId }) => {
        // Read afresh: the rule may have been written after this page loaded.
        const rule = (await customRulesItem.load()).value.find((r) => r.id === ruleId);
        if (!rule) return { ok: false, error: t('rule_probe_unsaved') };
        return { ok: true, data: probeRule(rule, document, new URL(location.href)) };
      },
    });
    await runRules(ctx, lazyPanels(ctx));
  },
});
