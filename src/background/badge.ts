import { liveQuery, type Subscription } from 'dexie';
import { browser } from 'wxt/browser';
import { t } from '../i18n/t';
import { comeBackItem } from '../settings/store';

/** A reflection waiting: orange, the colour of "something is yours to finish" (white on it: 5.2:1). */
export const WAITING_COLOUR = '#c2410c';
/** Lessons due for a look back: blue, calmer, nothing is lost by waiting (white on it: 6.7:1). */
export const DUE_COLOUR = '#1d4ed8';
/** The badge has room for about four characters; past 99 the exact number says nothing more. */
const MOST_SHOWN = 99;
/** Re-counts the due lessons: they fall due as time passes, with no write to notice. */
export const BADGE_ALARM = 'badge:refresh';
const BADGE_PERIOD_MINUTES = 60;

/** What the toolbar button shows: its badge (empty: none) and the title that says it in words. */
export type Badge = { text: string; colour?: string; title: string };
export type BadgeCounts = {
  /** Unfinished reflections: losses prompted (or begun by hand) and not yet reflected on. */
  waiting: number;
  /** Lessons due for review. */
  due: number;
};

const shown = (n: number) => (n > MOST_SHOWN ? `${MOST_SHOWN}+` : String(n));

/**
 * The badge for these counts, when the user has it on (`reviewBadge`): a waiting reflection
 * first (it is about a loss still fresh, and the popup opens on it), else the lessons due.
 * The title says the same in words: the badge's number alone means nothing to a screen reader.
 */
export function chooseBadge(counts: BadgeCounts, on: boolean): Badge {
  const none: Badge = { text: '', title: t('ext_short_name') };
  if (!on) return none;
  if (counts.waiting > 0) {
    return {
      text: shown(counts.waiting),
      colour: WAITING_COLOUR,
      title:
        counts.waiting === 1
          ? t('badge_title_waiting_one')
          : t('badge_title_waiting', counts.waiting),
    };
  }
  if (counts.due > 0) {
    return {
      text: shown(counts.due),
      colour: DUE_COLOUR,
      title: counts.due === 1 ? t('badge_title_due_one') : t('badge_title_due', counts.due),
    };
  }
  return none;
}

export type BadgeSources = {
  /** How many reflections are waiting (a Dexie query: its tables are watched for changes). */
  countWaiting: () => Promise<number>;
  /** How many lessons are due for review at `now` (a Dexie query, watched the same way). */
  countDue: (now: Date) => Promise<number>;
  now?: () => Date;
};

/**
 * Keeps the toolbar badge current: at start, when a table the counts read changes (Dexie's
 * liveQuery, which in the worker also hears writes made by extension pages), on an hourly alarm
 * (lessons fall due with time alone) and when the "Lessons that come back" settings change.
 * While the worker sleeps it hears nothing; it counts again when it wakes, as at start.
 * Returns the way to stop (tests).
 */
export function keepBadgeCurrent({
  countWaiting,
  countDue,
  now = () => new Date(),
}: BadgeSources): () => void {
  let on: boolean | undefined;
  let counts: BadgeCounts | undefined;
  let subscription: Subscription | undefined;
  // One update of the button at a time, in order: the last state asked for is the one shown.
  let showing = Promise.resolve();

  const show = () => {
    if (on === undefined || counts === undefined) return;
    const badge = chooseBadge(counts, on);
    showing = showing
      .then(async () => {
        if (badge.colour) {
          await browser.action.setBadgeBackgroundColor({ color: badge.colour });
          await browser.action.setBadgeTextColor({ color: '#ffffff' });
        }
        await browser.action.setBadgeText({ text: badge.text });
        await browser.action.setTitle({ title: badge.title });
      })
      .catch((error: unknown) => console.warn('Rebound: the toolbar badge was not updated', error));
  };

  // A new subscription counts at once, with a fresh `now`: what the hourly alarm needs too.
  const count = () => {
    subscription?.unsubscribe();
    subscription = liveQuery(async () => {
      const [waiting, due] = await Promise.all([countWaiting(), countDue(now())]);
      return { waiting, due };
    }).subscribe({
      next: (next) => {
        counts = next;
        show();
      },
      // The badge keeps what it showed; the next alarm or wake-up counts again.
      error: (error: unknown) => console.warn('Rebound: the badge could not count', error),
    });
  };

  const useSettings = (reviewBadge: boolean) => {
    on = reviewBadge;
    show();
  };
  void comeBackItem
    .load()
    .then((loaded) => on === undefined && useSettings(loaded.value.reviewBadge));
  const unwatch = comeBackItem.watch((loaded) => {
    useSettings(loaded.value.reviewBadge);
    // The due count depends on these settings too (second looks on or off), which a live query
    // of the database does not see change.
    count();
  });

  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name === BADGE_ALARM) count();
  };
  browser.alarms.onAlarm.addListener(onAlarm);
  // Created once: creating it again at every wake-up of the worker would restart its hour.
  void (async () => {
    if (await browser.alarms.get(BADGE_ALARM)) return;
    await browser.alarms.create(BADGE_ALARM, {
      delayInMinutes: BADGE_PERIOD_MINUTES,
      periodInMinutes: BADGE_PERIOD_MINUTES,
    });
  })().catch((error: unknown) => console.warn('Rebound: the badge alarm was not set', error));
  count();

  return () => {
    subscription?.unsubscribe();
    unwatch();
    browser.alarms.onAlarm.removeListener(onAlarm);
  };
}
