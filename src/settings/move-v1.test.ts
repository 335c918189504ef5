import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultTemplateSettings } from '../lessons/template';
import { loadDetectionSettings } from './detection';
import { skipStreakAsked } from './internal';
import { SETTINGS_KEYS } from './keys';
import { moveSettingsV1, V1_KEY } from './move-v1';
import { askItem, customRulesItem, lostLabelsItem, templateItem, wonLabelsItem } from './store';

const RULE = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  name: 'Pipeline Pro',
  urlPattern: 'https://crm.pipeline-pro.test/deals/*',
  stageSelector: '.stage',
  lostButtonSelector: '',
  lostText: 'Lost',
  dealNameSelector: '',
  amountSelector: '',
  dealIdFrom: 'path',
  dealIdKey: '',
};
const TEMPLATE = { ...defaultTemplateSettings(), version: 7 };

/** Every field version 1 had, none of them its default. */
const V1 = {
  lostLabels: ['Verloren', 'Gone'],
  customRules: [RULE],
  minAmount: 2500,
  dailyCap: 4,
  kindLine: false,
  skipStreakAsked: true,
  template: TEMPLATE,
  captureWins: true,
  wonLabels: ['Gewonnen'],
};

const stored = async () => fakeBrowser.storage.local.get();

beforeEach(() => fakeBrowser.reset());

describe('settings saved by version 1 (one item)', () => {
  it('arrive, every field, in their own items, and the old item is removed', async () => {
    await fakeBrowser.storage.local.set({ [V1_KEY]: V1, [`${V1_KEY}$`]: { v: 1 } });
    await moveSettingsV1();

    expect((await lostLabelsItem.load()).value).toEqual(['Verloren', 'Gone']);
    expect((await wonLabelsItem.load()).value).toEqual(['Gewonnen']);
    expect((await askItem.load()).value).toEqual({
      minAmount: 2500,
      dailyCap: 4,
      kindLine: false,
      captureWins: true,
    });
    expect((await templateItem.load()).value).toEqual(TEMPLATE);
    expect((await customRulesItem.load()).value).toEqual([RULE]);
    expect(await skipStreakAsked()).toBe(true);
    expect(await loadDetectionSettings()).toEqual({
      lostLabels: ['Verloren', 'Gone'],
      wonLabels: ['Gewonnen'],
      captureWins: true,
    });
    // Left, it would be a second, stale copy of every setting.
    expect(await stored()).not.toHaveProperty(V1_KEY);
    expect(await stored()).not.toHaveProperty(`${V1_KEY}$`);
    // Background state is not among the settings.
    expect((await stored())[SETTINGS_KEYS.ask]).not.toHaveProperty('skipStreakAsked');
  });

  it('keep a field that did not parse as it was, and its item says so rather than read as the defaults', async () => {
    await fakeBrowser.storage.local.set({ [V1_KEY]: { ...V1, dailyCap: 500 } });
    await moveSettingsV1();

    const ask = await askItem.load();
    expect(ask.problem).toMatch(/could not be read.*dailyCap/);
    expect((await stored())[SETTINGS_KEYS.ask]).toMatchObject({ dailyCap: 500 });
    // The other items are as they were saved.
    expect((await lostLabelsItem.load()).problem).toBeUndefined();
    expect((await customRulesItem.load()).value).toEqual([RULE]);
  });

  it('never overwrite an item already saved (a move cut short, run again)', async () => {
    await fakeBrowser.storage.local.set({
      [V1_KEY]: V1,
      [SETTINGS_KEYS.lostLabels]: ['Saved since'],
    });
    await moveSettingsV1();

    expect((await lostLabelsItem.load()).value).toEqual(['Saved since']);
    expect((await askItem.load()).value.dailyCap).toBe(4);
  });

  it('leave the defaults for the fields version 1 never saved', async () => {
    await fakeBrowser.storage.local.set({ [V1_KEY]: { lostLabels: ['Lost'], customRules: [] } });
    await moveSettingsV1();

    expect((await askItem.load()).value).toEqual({
      dailyCap: 10,
      kindLine: true,
      captureWins: false,
    });
    expect((await templateItem.load()).value).toBeUndefined();
    expect(await skipStreakAsked()).toBe(false);
  });

  it('are moved by the background at startup, before it first reads an item', async () => {
    await fakeBrowser.storage.local.set({ [V1_KEY]: V1 });
    vi.resetModules();
    const { moveSettingsHere } = await import('./move-v1');
    const fresh = await import('./store');
    void moveSettingsHere();

    expect((await fresh.askItem.load()).value.dailyCap).toBe(4);
    expect(await stored()).not.toHaveProperty(V1_KEY);
  });
});

/** A context of its own (a page, the worker): its own modules, hence its own move state. */
async function freshContext() {
  vi.resetModules();
  return { ...(await import('./move-v1')), ...(await import('./store')) };
}

describe('pages opened while version 1 is being moved', () => {
  it('wait for the background, and never write its old values over a save made since', async () => {
    await fakeBrowser.storage.local.set({ [V1_KEY]: V1 });
    // A page whose first look at storage answers late, after all that follows.
    const page = await freshContext();
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    let answer!: () => void;
    const late = new Promise<void>((resolve) => (answer = resolve));
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementationOnce(async (keys) => {
      const snapshot = await get(keys);
      await late;
      return snapshot;
    });
    const pageRead = page.lostLabelsItem.load();

    const background = await freshContext();
    await background.moveSettingsHere();
    await background.lostLabelsItem.update(() => ['Perdu']);
    answer();

    await pageRead;
    expect((await stored())[SETTINGS_KEYS.lostLabels]).toEqual(['Perdu']);
  });

  it('read the moved settings once the background has moved them', async () => {
    await fakeBrowser.storage.local.set({ [V1_KEY]: V1 });
    const page = await freshContext();
    const pageRead = page.customRulesItem.load();
    await (await freshContext()).moveSettingsHere();

    expect(await pageRead).toEqual({ value: [RULE] });
  });

  it('say so after a bounded wait when the background has not moved them', async () => {
    vi.useFakeTimers();
    try {
      await fakeBrowser.storage.local.set({ [V1_KEY]: V1 });
      const page = await freshContext();
      const pageRead = page.lostLabelsItem.load();
      await vi.advanceTimersByTimeAsync(page.MOVE_WAIT_MS);

      expect((await pageRead).problem).toMatch(/have not been moved yet/);
      expect(await stored()).toHaveProperty(V1_KEY);
    } finally {
      vi.useRealTimers();
    }
  });
});
