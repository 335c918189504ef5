import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { comeBackItem } from '../settings/store';
import {
  keepReviewReminder,
  nextReminderAt,
  REVIEW_REMINDER,
  type ReviewReminder,
} from './review-reminder';

const HOUR = 3_600_000;

describe('nextReminderAt', () => {
  // A zone with daylight saving: Europe/Berlin moves its clocks on 29 March and 25 October 2026.
  const zone = process.env.TZ;
  beforeAll(() => void (process.env.TZ = 'Europe/Berlin'));
  afterAll(() => void (zone === undefined ? delete process.env.TZ : (process.env.TZ = zone)));
  const local = (d: Date) => d.toString().slice(0, 21);

  it('is today while the time is still ahead, else tomorrow', () => {
    expect(local(nextReminderAt('09:00', new Date(2026, 11, 2, 8, 59)))).toBe(
      'Wed Dec 02 2026 09:00',
    );
    expect(local(nextReminderAt('09:00', new Date(2026, 11, 2, 9, 0)))).toBe(
      'Thu Dec 03 2026 09:00',
    );
    expect(local(nextReminderAt('09:00', new Date(2026, 11, 2, 17, 30)))).toBe(
      'Thu Dec 03 2026 09:00',
    );
  });

  it('crosses midnight, the month and the year', () => {
    const lateNight = new Date(2026, 11, 2, 23, 50);
    const soon = nextReminderAt('00:10', lateNight);
    expect(local(soon)).toBe('Thu Dec 03 2026 00:10');
    expect(soon.getTime() - lateNight.getTime()).toBe(20 * 60_000);
    expect(local(nextReminderAt('07:45', new Date(2026, 11, 31, 22, 0)))).toBe(
      'Fri Jan 01 2027 07:45',
    );
  });

  it('keeps the clock time across daylight-saving changes, not a 24-hour step', () => {
    // Spring: the night is an hour shorter, so 09:00 comes 23 hours after yesterday's 09:00.
    const saturday = new Date(2026, 2, 28, 9, 0);
    const spring = nextReminderAt('09:00', saturday);
    expect(local(spring)).toBe('Sun Mar 29 2026 09:00');
    expect(spring.getTime() - saturday.getTime()).toBe(23 * HOUR);
    // Autumn: an hour longer.
    const october = new Date(2026, 9, 24, 9, 0);
    const autumn = nextReminderAt('09:00', october);
    expect(local(autumn)).toBe('Sun Oct 25 2026 09:00');
    expect(autumn.getTime() - october.getTime()).toBe(25 * HOUR);
    // A time the clocks skip that night comes as the moment after the jump.
    expect(local(nextReminderAt('02:30', saturday))).toBe('Sun Mar 29 2026 03:30');
  });
});

describe('keepReviewReminder', () => {
  /** Wednesday 2 December 2026, 08:00 local time. */
  const NOW = new Date(2026, 11, 2, 8, 0);
  let due: number;
  const countDue = vi.fn(async () => due);
  let clock: Date;
  let reminder: ReviewReminder;
  const alarm = () => fakeBrowser.alarms.get(REVIEW_REMINDER);
  const scheduledAt = async () => {
    const found = await alarm();
    return found && new Date(found.scheduledTime);
  };
  const start = () => (reminder = keepReviewReminder({ countDue, now: () => clock }));
  const switchOn = (reminderTime: string) =>
    comeBackItem.update((s) => ({ ...s, reminder: true, reminderTime }));

  beforeEach(() => {
    fakeBrowser.reset();
    countDue.mockClear();
    due = 0;
    clock = NOW;
  });
  afterEach(() => reminder.stop());

  it('sets the alarm at the chosen time when switched on, moves it and clears it', async () => {
    start();
    await switchOn('09:30');
    await vi.waitFor(async () => expect(await scheduledAt()).toEqual(new Date(2026, 11, 2, 9, 30)));
    await switchOn('07:15');
    await vi.waitFor(async () => expect(await scheduledAt()).toEqual(new Date(2026, 11, 3, 7, 15)));
    await comeBackItem.update((s) => ({ ...s, reminder: false }));
    await vi.waitFor(async () => expect(await alarm()).toBeUndefined());
  });

  it('sets it at start when on, and keeps one already set for that time', async () => {
    await switchOn('09:30');
    start();
    await vi.waitFor(async () => expect(await scheduledAt()).toEqual(new Date(2026, 11, 2, 9, 30)));
    const set = await alarm();
    reminder.stop();
    // The worker woke again: the alarm it had is the one it keeps.
    start();
    await comeBackItem.update((s) => ({ ...s, secondLook: false }));
    await vi.waitFor(async () => expect((await comeBackItem.load()).value.secondLook).toBe(false));
    await reminder.settled();
    expect(await alarm()).toBe(set);
    // Positive control: a setting for another time moves it.
    await switchOn('09:45');
    await reminder.settled();
    expect(await scheduledAt()).toEqual(new Date(2026, 11, 2, 9, 45));
  });

  it("when it fires, sets tomorrow's and tells of the lessons due; says nothing on a day with none", async () => {
    await switchOn('09:30');
    start();
    await vi.waitFor(async () => expect(await alarm()).toBeDefined());
    clock = new Date(2026, 11, 2, 9, 30, 0, 40);
    await fakeBrowser.alarms.onAlarm.trigger((await alarm())!);
    // Nothing was due: counted, tomorrow's set, and no notification.
    await vi.waitFor(() => expect(countDue).toHaveBeenCalledWith(clock));
    expect(await scheduledAt()).toEqual(new Date(2026, 11, 3, 9, 30));
    expect(await fakeBrowser.notifications.getAll()).toEqual({});

    due = 3;
    await fakeBrowser.alarms.onAlarm.trigger((await alarm())!);
    await vi.waitFor(async () =>
      expect(await fakeBrowser.notifications.getAll()).toMatchObject({
        [REVIEW_REMINDER]: {
          title: 'Lessons to look back on',
          message: '3 lessons are ready: did you get to use them? A minute is enough.',
        },
      }),
    );
  });

  it('sets the next day even when the clock reads a moment before the alarm was due', async () => {
    await switchOn('09:30');
    start();
    await vi.waitFor(async () => expect(await alarm()).toBeDefined());
    clock = new Date(2026, 11, 2, 9, 29, 59, 900);
    await fakeBrowser.alarms.onAlarm.trigger((await alarm())!);
    await vi.waitFor(() => expect(countDue).toHaveBeenCalled());
    expect(await scheduledAt()).toEqual(new Date(2026, 11, 3, 9, 30));
  });

  it('opens the review in a tab when its notification is clicked', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    start();
    await fakeBrowser.notifications.onClicked.trigger('remind:some-draft');
    expect(create).not.toHaveBeenCalled();
    await fakeBrowser.notifications.onClicked.trigger(REVIEW_REMINDER);
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/popup\.html#review$/) });
  });
});
