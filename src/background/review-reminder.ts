import { browser } from 'wxt/browser';
import { t } from '../i18n/t';
import type { Loaded } from '../settings/item';
import type { ComeBackSettings } from '../settings/schema';
import { comeBackItem } from '../settings/store';
import { notify, onNotificationClick } from './reminders';

/** The daily reminder's alarm and notification (the "Later" reminders use `remind:<draft>`). */
export const REVIEW_REMINDER = 'review-reminder';

/**
 * The next moment after `now` when the local clock shows `time` (`HH:MM`): today if it is still
 * ahead, else tomorrow. Built from the local date's parts, so "09:00" stays 09:00 across a
 * daylight-saving change (a fixed 24-hour period would drift by an hour); a time the clocks skip
 * that night (02:30 when they jump from 02:00 to 03:00) comes as the moment after the jump.
 */
export function nextReminderAt(time: string, now: Date): Date {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const at = (day: number) =>
    new Date(now.getFullYear(), now.getMonth(), now.getDate() + day, hours, minutes);
  const today = at(0);
  return today > now ? today : at(1);
}

/** The review page the notification opens, in a tab: the popup's review has its own route. */
export function reviewPageUrl(): string {
  return browser.runtime.getURL('/popup.html#review');
}

export type ReminderSources = {
  /** How many lessons are due for review at `now`. */
  countDue: (now: Date) => Promise<number>;
  now?: () => Date;
};

export type ReviewReminder = {
  /** Resolves once the alarm follows every setting change heard so far (tests wait on it). */
  settled(): Promise<void>;
  stop(): void;
};

/**
 * The daily review reminder: while `reminder` is on, an alarm at the next `reminderTime`, set
 * again for the next day each time it fires (not a 24-hour period: see nextReminderAt); moved or
 * cleared when the setting changes. When it fires and a lesson is due, a notification whose
 * click opens the review; on a day with nothing due, nothing.
 */
export function keepReviewReminder({
  countDue,
  now = () => new Date(),
}: ReminderSources): ReviewReminder {
  const schedule = async ({ reminder, reminderTime }: ComeBackSettings) => {
    if (!reminder) return void (await browser.alarms.clear(REVIEW_REMINDER));
    const at = now().getTime();
    const want = nextReminderAt(reminderTime, new Date(at)).getTime();
    const existing = await browser.alarms.get(REVIEW_REMINDER);
    // One already due is left to fire (the browser fires missed alarms when it starts again),
    // and it sets the next one itself. One at another time (the setting moved, or the computer's
    // time zone did) is moved.
    if (!existing || (existing.scheduledTime > at && existing.scheduledTime !== want)) {
      await browser.alarms.create(REVIEW_REMINDER, { when: want });
    }
  };
  // One change at a time, in the order heard: the last value heard is the one that stays.
  let scheduling = Promise.resolve();
  const enqueue = (step: () => Promise<unknown>) =>
    void (scheduling = scheduling
      .then(step)
      .then(() => undefined)
      .catch((error: unknown) => console.warn('Rebound: the daily reminder was not set', error)));
  // Settings that cannot be read keep the reminder as it was: their section asks the user first.
  const apply = async (loaded: Loaded<ComeBackSettings>) => {
    if (!loaded.problem) await schedule(loaded.value);
  };

  const onAlarm = (alarm: { name: string; scheduledTime: number }) => {
    if (alarm.name !== REVIEW_REMINDER) return;
    void (async () => {
      const { value, problem } = await comeBackItem.load();
      if (problem || !value.reminder) return;
      // Tomorrow's first: a count that fails must not end the reminders.
      // From the moment it was set for, at the latest: never the same moment again.
      const from = Math.max(now().getTime(), alarm.scheduledTime);
      await browser.alarms.create(REVIEW_REMINDER, {
        when: nextReminderAt(value.reminderTime, new Date(from)).getTime(),
      });
      const due = await countDue(now());
      if (due === 0) return;
      await notify(
        REVIEW_REMINDER,
        t('review_reminder_title'),
        due === 1 ? t('review_reminder_message_one') : t('review_reminder_message', due),
        0,
      );
    })().catch((error: unknown) => console.warn('Rebound: the daily reminder failed', error));
  };
  browser.alarms.onAlarm.addListener(onAlarm);
  const onClicked = onNotificationClick((id) =>
    id === REVIEW_REMINDER ? reviewPageUrl() : undefined,
  );
  const unwatch = comeBackItem.watch((loaded) => enqueue(() => apply(loaded)));
  enqueue(async () => apply(await comeBackItem.load()));
  return {
    settled: () => scheduling,
    stop() {
      unwatch();
      browser.alarms.onAlarm.removeListener(onAlarm);
      browser.notifications.onClicked.removeListener(onClicked);
    },
  };
}
