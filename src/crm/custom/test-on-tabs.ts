import { browser } from 'wxt/browser';
import { CUSTOM_RULE_SCRIPT } from '.';
import type { RuleProbe } from '../../messaging/messages';
import { sendToTab } from '../../messaging/transport';
import type { CustomRule } from '../../settings/schema';

export type TabProbe = { tabId: number; title: string; probe?: RuleProbe; error?: string };

async function probeTab(tabId: number, ruleId: string): Promise<RuleProbe | string> {
  let reply = await sendToTab(tabId, { type: 'rule/probe', ruleId });
  if (!reply.ok) {
    // A tab opened before the rule existed has no content script yet: run it there now.
    await browser.scripting.executeScript({
      target: { tabId },
      files: [CUSTOM_RULE_SCRIPT],
    });
    reply = await sendToTab(tabId, { type: 'rule/probe', ruleId });
  }
  return reply.ok ? reply.data : reply.error;
}

/** What a saved rule sees in every open tab its URL pattern matches. */
export async function testRuleOnOpenTabs(rule: CustomRule): Promise<TabProbe[]> {
  const tabs = await browser.tabs.query({ url: rule.urlPattern });
  return Promise.all(
    tabs.flatMap((tab) =>
      tab.id === undefined
        ? []
        : [
            probeTab(tab.id, rule.id).then(
              (result): TabProbe =>
                typeof result === 'string'
                  ? { tabId: tab.id!, title: tab.title ?? '', error: result }
                  : { tabId: tab.id!, title: tab.title ?? '', probe: result },
              (error: unknown): TabProbe => ({
                tabId: tab.id!,
                title: tab.title ?? '',
                error: String(error),
              }),
            ),
          ],
    ),
  );
}
