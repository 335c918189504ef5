import { browser } from 'wxt/browser';
import type { ReboundDatabase } from '../db/database';
import { draftDealName } from '../db/drafts';
import { t } from '../i18n/t';
import { reflectPageUrl } from './reflect-page';

const PREFIX = 'remind:';

/** Schedules the "Later" reminder for a draft (browser alarms survive the worker sleeping). */
export async function scheduleReminder(draftId: string, when: Date): Promise<void> {
  await browser.alarms.create(PREFIX + draftId, { when: when.getTime() });
}

/** Turns due reminders into notifications; clicking one opens the reflection. */
export function handleReminders(db: ReboundDatabase): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (!alarm.name.startsWith(PREFIX)) return;
    const draftId = alarm.name.slice(PREFIX.length);
    void (async () => {
      const draft = await db.drafts.get(draftId);
      if (!draft) return; // Reflected on in the meantime.
      const name = draftDealName(draft);
      await notify(
        alarm.name,
        name ? t('reminder_title', name) : t('manual_title'),
        t('reminder_message'),
        1,
      );
    })();
  });
  onNotificationClick((id) =>
    id.startsWith(PREFIX) ? reflectPageUrl(id.slice(PREFIX.length)) : undefined,
  );
}

/** One of Rebound's notifications (its icon, a title, a message), shown under `id`. */
export function notify(id: string, title: string, message: string, priority: 0 | 1) {
  return browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
    priority,
  });
}

/**
 * A click on a notification that `pageOf` knows (the page it opens, by the notification's id;
 * undefined: not this one's) closes it and opens that page in a tab. Gives the listener, to
 * remove it.
 */
export function onNotificationClick(pageOf: (id: string) => string | undefined) {
  const listener = (id: string) => {
    const url = pageOf(id);
    if (url === undefined) return;
    void browser.notifications.clear(id);
    void browser.tabs.create({ url });
  };
  browser.notifications.onClicked.addListener(listener);
  return listener;
}
