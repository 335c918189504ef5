import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CustomRuleSchema } from './schema';
import { SETTINGS_KEYS } from './keys';
import { customRulesItem } from './store';

const rule = (id: string, name: string) =>
  CustomRuleSchema.parse({
    id,
    name,
    urlPattern: 'https://crm.example.com/*',
    stageSelector: '.stage',
    lostText: 'Lost',
  });
const kept = rule('3f0e3c5e-8f7a-4d6b-9d1e-2a4b6c8d0e1f', 'Our CRM');
const added = rule('4a1e3c5e-8f7a-4d6b-9d1e-2a4b6c8d0e1f', 'Their CRM');
const stored = async () =>
  (await fakeBrowser.storage.local.get(SETTINGS_KEYS.customRules))[SETTINGS_KEYS.customRules];

beforeEach(() => fakeBrowser.reset());

describe('a settings item whose stored value cannot be read', () => {
  // One rule an older version wrote without its lost text: the list as a whole does not parse.
  const unreadable = [kept, { ...kept, id: added.id, lostText: undefined }];

  it('refuses a save, which would replace every stored rule with the one added', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEYS.customRules]: unreadable });
    expect((await customRulesItem.load()).problem).toMatch(/could not be read/);

    await expect(customRulesItem.update((rules) => [...rules, added])).rejects.toThrow(
      /saving would replace them/,
    );
    expect(await stored()).toEqual(unreadable);
  });

  it('is replaced by the defaults when the user says so, then saves again', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEYS.customRules]: unreadable });
    await customRulesItem.replaceUnreadable();
    expect(await customRulesItem.load()).toEqual({ value: [] });

    await customRulesItem.update((rules) => [...rules, added]);
    expect(await stored()).toEqual([added]);
  });
});
