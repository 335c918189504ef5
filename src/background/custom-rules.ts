import { browser } from 'wxt/browser';
import { CUSTOM_RULE_SCRIPT } from '../crm/custom';
import type { CustomRule } from '../settings/schema';
import { ruleHostProblem } from '../settings/rule-host';
import { customRulesItem } from '../settings/store';

const SCRIPT_ID = 'rebound-custom-rules';

/**
 * The rules' URL patterns whose hosts the user has granted (a rule saved without it waits).
 * A rule for every site, or every site under a public suffix (stored before saving refused
 * it), is never registered, granted or not: the options page shows it as needing a host.
 */
export async function grantedPatterns(rules: CustomRule[]): Promise<string[]> {
  const specific = rules.filter((rule) => ruleHostProblem(rule.urlPattern) === undefined);
  const granted = await Promise.all(
    specific.map((rule) =>
      browser.permissions.contains({ origins: [rule.urlPattern] }).catch(() => false),
    ),
  );
  return [...new Set(specific.filter((_, i) => granted[i]).map((rule) => rule.urlPattern))];
}

/** Registers the custom-rule content script for exactly the granted rule patterns. */
export async function syncCustomRuleScripts(rules: CustomRule[]): Promise<void> {
  const matches = await grantedPatterns(rules);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      js: [CUSTOM_RULE_SCRIPT],
      matches,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}

/** Keeps the registration in step with the rules and with permissions granted or removed. */
export function keepCustomRulesRegistered(): void {
  // A change of the rules brings them with it; a permission change has to read them.
  const sync = async (rules?: CustomRule[]) => {
    try {
      await syncCustomRuleScripts(rules ?? (await customRulesItem.load()).value);
    } catch (error) {
      console.error('Rebound: could not register the content script for your CRM rules', error);
    }
  };
  void sync();
  customRulesItem.watch(({ value }) => void sync(value));
  browser.permissions.onAdded.addListener(() => void sync());
  browser.permissions.onRemoved.addListener(() => void sync());
}
