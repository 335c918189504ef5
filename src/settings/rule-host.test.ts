import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ruleHostProblem } from './rule-host';
import { SavableCustomRuleSchema } from './schema';
import { SETTINGS_KEYS } from './keys';
import { customRulesItem } from './store';

const rule = (urlPattern: string, id: string = crypto.randomUUID()) => ({
  id,
  name: 'Our CRM',
  urlPattern,
  stageSelector: '.stage',
  lostText: 'Lost',
});

describe('a rule asks for one CRM host, never a wildcard one', () => {
  it.each([
    'https://crm.example.com/deals/*',
    'https://crm.example.com/*',
    'https://*.crm.example.com/*',
    'https://*.example.com/*',
    'https://*.example.co.uk/deals/*',
    'https://crm.example.co.uk/*',
  ])('takes %s', (pattern) => {
    expect(ruleHostProblem(pattern)).toBeUndefined();
    expect(SavableCustomRuleSchema.safeParse(rule(pattern)).success).toBe(true);
  });

  it.each([
    ['https://*/*', /not every site/],
    ['https://*/deals/*', /not every site/],
    ['https://*.com/*', /\*\.com is every site ending in \.com/],
    ['https://*.io/deals/*', /\*\.io is every site/],
    ['https://*.co.uk/*', /\*\.co\.uk is every site/],
    ['https://*.com.au/*', /\*\.com\.au is every site/],
    ['https://*.COM/*', /\*\.com is every site/],
    ['http://crm.example.com/*', /only on https pages/],
    ['http://*/*', /only on https pages/],
  ])('refuses %s when it is saved, and says why', (pattern, why) => {
    expect(ruleHostProblem(pattern)).toMatch(why);
    const saved = SavableCustomRuleSchema.safeParse(rule(pattern));
    expect(saved.success).toBe(false);
    expect(saved.error?.issues[0]?.path).toEqual(['urlPattern']);
    expect(saved.error?.issues[0]?.message).toMatch(why);
  });
});

describe('a wildcard rule stored before saving refused it', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the stored rule list readable', async () => {
    const stored = [rule('https://crm.example.com/*'), rule('https://*/*')];
    await fakeBrowser.storage.local.set({ [SETTINGS_KEYS.customRules]: stored });
    const loaded = await customRulesItem.load();
    expect(loaded.problem).toBeUndefined();
    expect(loaded.value.map((r) => r.urlPattern)).toEqual([
      'https://crm.example.com/*',
      'https://*/*',
    ]);
  });
});
