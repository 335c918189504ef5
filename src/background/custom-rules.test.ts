import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CustomRuleSchema } from '../settings/schema';
import { grantedPatterns } from './custom-rules';

const rule = (urlPattern: string) =>
  CustomRuleSchema.parse({
    id: crypto.randomUUID(),
    name: 'Our CRM',
    urlPattern,
    stageSelector: '.stage',
    lostText: 'Lost',
  });

describe('a wildcard rule stored before saving refused it', () => {
  it('is never registered, even when the browser reports its host granted', async () => {
    // The worst case: every https site granted (an older version asked for it).
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    const rules = [
      rule('https://*/*'),
      rule('https://*.com/*'),
      rule('http://crm.example.com/*'),
      rule('https://crm.example.com/deals/*'),
    ];
    expect(await grantedPatterns(rules)).toEqual(['https://crm.example.com/deals/*']);
    // Positive control: the specific rule was asked about, the broad ones never.
    expect(contains.mock.calls.map(([p]) => p.origins)).toEqual([
      ['https://crm.example.com/deals/*'],
    ]);
  });
});
