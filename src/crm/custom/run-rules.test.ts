import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentPage } from '../../detection/content-page.test-helper';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentToBackground } from '../../messaging/content-messages';
import { settle } from '../../detection/settle.test-helper';
import { CustomRuleSchema } from '../../settings/schema';
import { customRulesItem } from '../../settings/store';
import { CUSTOM_SETTLE_MS } from '.';
import { runRules } from './run-rules';

const sent = vi.hoisted(() => ({ messages: [] as ContentToBackground[] }));
vi.mock('../../messaging/content-transport', () => ({
  sendToBackground: (message: ContentToBackground) => {
    sent.messages.push(message);
    return Promise.resolve({ ok: false, error: 'not in a browser' });
  },
  onContentMessage: () => {},
}));

const rule = CustomRuleSchema.parse({
  id: '3f0e3c5e-8f7a-4d6b-9d1e-2a4b6c8d0e1f',
  name: 'Our CRM',
  urlPattern: 'https://crm.example.com/deals/*',
  stageSelector: '.stage',
  lostText: 'Closed lost',
});
const reports = () => sent.messages.filter((m) => m.type === 'outcome/observed');
const armings = () => sent.messages.filter((m) => m.type === 'health/report').length;
async function showStage(text: string) {
  document.querySelector('.stage')!.textContent = text;
  await settle();
}

let page: AbortController;
async function openPage() {
  page = new AbortController();
  const { ctx, panels } = contentPage(page);
  await runRules(ctx, panels);
}

beforeEach(() => {
  fakeBrowser.reset();
  sent.messages = [];
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
    'https://crm.example.com/deals/7',
  );
  const stage = document.createElement('span');
  stage.className = 'stage';
  stage.textContent = 'Proposal';
  document.body.replaceChildren(stage);
});
afterEach(() => page.abort());

describe('a page of a user rule when the rules change', () => {
  it('detects with the lost text of the rule as edited, without a reload', async () => {
    await customRulesItem.update(() => [rule]);
    await openPage();
    expect(armings()).toBe(1);

    await customRulesItem.update(([r]) => [{ ...r!, lostText: 'Verloren' }]);
    await vi.waitFor(() => expect(armings()).toBe(2));
    await showStage('Verloren');
    await vi.waitFor(() => expect(reports()).toHaveLength(1), { timeout: CUSTOM_SETTLE_MS * 3 });
    expect(reports()[0]).toMatchObject({
      dealId: 'crm.example.com/deals/7',
      stageAfter: 'Verloren',
    });
  });

  it('starts detecting when a rule for the page is added after it loaded', async () => {
    await openPage();
    expect(armings()).toBe(0);

    await customRulesItem.update(() => [rule]);
    await vi.waitFor(() => expect(armings()).toBe(1));
    await showStage('Closed lost');
    await vi.waitFor(() => expect(reports()).toHaveLength(1), { timeout: CUSTOM_SETTLE_MS * 3 });
  });

  it('does not re-arm for an edit of another rule', async () => {
    await customRulesItem.update(() => [rule]);
    await openPage();
    const other = {
      ...rule,
      id: '4a1e3c5e-8f7a-4d6b-9d1e-2a4b6c8d0e1f',
      urlPattern: 'https://other.example.com/*',
    };
    await customRulesItem.update((rules) => [...rules, other]);
    // Then an edit of this page's rule: its re-arm is the only one.
    await customRulesItem.update(([r, o]) => [{ ...r!, lostText: 'Verloren' }, o!]);
    await vi.waitFor(() => expect(armings()).toBe(2));
  });
});
