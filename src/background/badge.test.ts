import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReboundDatabase } from '../db/database';
import { countUnfinishedDrafts, deleteDraft, openManualDraft } from '../db/drafts';
import { comeBackItem } from '../settings/store';
import { BADGE_ALARM, chooseBadge, DUE_COLOUR, keepBadgeCurrent, WAITING_COLOUR } from './badge';

describe('chooseBadge', () => {
  it('shows a waiting reflection first, in its own colour, and says it in the title', () => {
    expect(chooseBadge({ waiting: 1, due: 4 }, true)).toEqual({
      text: '1',
      colour: WAITING_COLOUR,
      title: 'Rebound: a reflection is waiting for you',
    });
    expect(chooseBadge({ waiting: 3, due: 0 }, true).title).toBe(
      'Rebound: 3 reflections are waiting for you',
    );
  });

  it('else the lessons due, in theirs; nothing when there is nothing to do', () => {
    expect(chooseBadge({ waiting: 0, due: 4 }, true)).toEqual({
      text: '4',
      colour: DUE_COLOUR,
      title: 'Rebound: 4 lessons are ready for a look back',
    });
    expect(chooseBadge({ waiting: 0, due: 1 }, true).title).toBe(
      'Rebound: a lesson is ready for a look back',
    );
    expect(chooseBadge({ waiting: 0, due: 0 }, true)).toEqual({ text: '', title: 'Rebound' });
  });

  it('shows nothing when switched off, whatever the counts', () => {
    expect(chooseBadge({ waiting: 2, due: 5 }, false)).toEqual({ text: '', title: 'Rebound' });
  });

  it('keeps to the room a badge has', () => {
    expect(chooseBadge({ waiting: 0, due: 99 }, true).text).toBe('99');
    expect(chooseBadge({ waiting: 0, due: 1234 }, true).text).toBe('99+');
  });
});

describe('keepBadgeCurrent', () => {
  let db: ReboundDatabase;
  let due: number;
  let stop: (() => void) | undefined;
  const badgeText = () => fakeBrowser.action.getBadgeText({});
  const start = () =>
    (stop = keepBadgeCurrent({
      countWaiting: () => countUnfinishedDrafts(db),
      countDue: async () => due,
    }));

  beforeEach(() => {
    fakeBrowser.reset();
    db = new ReboundDatabase(`test-${crypto.randomUUID()}`);
    due = 0;
  });
  afterEach(() => stop?.());

  it('follows the drafts as they are written and finished', async () => {
    start();
    const draft = await openManualDraft(db, undefined);
    await vi.waitFor(async () => expect(await badgeText()).toBe('1'));
    expect(await fakeBrowser.action.getTitle({})).toBe('Rebound: a reflection is waiting for you');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([194, 65, 12, 255]);
    await deleteDraft(db, draft.id);
    await vi.waitFor(async () => expect(await badgeText()).toBe(''));
  });

  it('counts the due lessons again on its hourly alarm, which it creates once', async () => {
    due = 2;
    start();
    await vi.waitFor(async () => expect(await badgeText()).toBe('2'));
    const alarm = await fakeBrowser.alarms.get(BADGE_ALARM);
    expect(alarm?.periodInMinutes).toBe(60);
    stop!();
    // A worker that wakes again keeps the alarm it had: its hour is not restarted.
    start();
    expect(await fakeBrowser.alarms.get(BADGE_ALARM)).toBe(alarm);

    due = 5;
    await fakeBrowser.alarms.onAlarm.trigger(alarm!);
    await vi.waitFor(async () => expect(await badgeText()).toBe('5'));
  });

  it('clears when switched off and comes back when switched on', async () => {
    due = 3;
    start();
    await vi.waitFor(async () => expect(await badgeText()).toBe('3'));
    await comeBackItem.update((s) => ({ ...s, reviewBadge: false }));
    await vi.waitFor(async () => expect(await badgeText()).toBe(''));
    expect(await fakeBrowser.action.getTitle({})).toBe('Rebound');
    await comeBackItem.update((s) => ({ ...s, reviewBadge: true }));
    await vi.waitFor(async () => expect(await badgeText()).toBe('3'));
  });

  it('counts again when the settings change (second looks switched off change what is due)', async () => {
    due = 3;
    start();
    await vi.waitFor(async () => expect(await badgeText()).toBe('3'));
    due = 1;
    await comeBackItem.update((s) => ({ ...s, secondLook: false }));
    await vi.waitFor(async () => expect(await badgeText()).toBe('1'));
  });

  it('starts switched off when the setting says so', async () => {
    await comeBackItem.update((s) => ({ ...s, reviewBadge: false }));
    due = 3;
    await openManualDraft(db, undefined);
    start();
    // Its title is set once it has counted and read the setting: the decision to wait for.
    await vi.waitFor(async () => expect(await fakeBrowser.action.getTitle({})).toBe('Rebound'));
    expect(await badgeText()).toBe('');
    // Positive control: the same counts show once it is switched on.
    await comeBackItem.update((s) => ({ ...s, reviewBadge: true }));
    await vi.waitFor(async () => expect(await badgeText()).toBe('1'));
  });
});
