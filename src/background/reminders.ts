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
      await browser.notifications.create(alarm.name, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: name ? t('reminder_title', name) : t('manual_title'),
        message: t('reminder_message'),
        priority: 1,
      });
    })();
  });
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(PREFIX)) return;
    void browser.notifications.clear(id);
    void browser.tabs.create({ url: reflectPageUrl(id.slice(PREFIX.length)) });
  });
}
