import { browser } from 'wxt/browser';
import type { ReboundDatabase } from '../db/database';
import { t } from '../i18n/t';
import type { DetectionLog } from './detection-log';
import type { LossFlow } from './loss-flow';
import type { RecentDeals } from './recent-deals';

export type DeleteAllDeps = {
  db: ReboundDatabase;
  losses: Pick<LossFlow, 'forget'>;
  log: Pick<DetectionLog, 'clear'>;
  recentDeals: Pick<RecentDeals, 'forget'>;
};

/**
 * The site access granted for the user's CRM rules: what the manifest does not list (Chromium
 * counts the content scripts' patterns among the origins granted, beside the host permissions;
 * a Manifest V2 build lists its hosts among `permissions`). Removing a listed one would fail.
 */
async function ruleHostsGranted(): Promise<string[]> {
  const manifest = browser.runtime.getManifest();
  const listed = new Set<string>([
    ...(manifest.host_permissions ?? []),
    ...((manifest.permissions ?? []) as string[]),
    ...(manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []),
  ]);
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((origin) => !listed.has(origin));
}

/**
 * Deletes everything Rebound keeps on this device: every table of its database (lessons,
 * notes of wins, drafts, prompts), storage.local (settings, the detection log, recent deals,
 * the prompt's position, every other item), storage.session (answers being typed), reminders
 * (alarms and their notifications), the badge, the site access granted for the user's rules,
 * and what the background holds in memory (losses waiting to be paired or shown).
 *
 * Each part is tried even when one before it failed, so a failure deletes as much as it can;
 * the answer names the parts that were not deleted, in words (undefined when all were).
 */
export async function deleteAllData({
  db,
  losses,
  log,
  recentDeals,
}: DeleteAllDeps): Promise<string | undefined> {
  // First, so nothing in memory is prompted or logged again from a deal being deleted.
  losses.forget();
  const parts: [label: () => string, remove: () => Promise<unknown>][] = [
    [
      () => t('delete_part_database'),
      () => db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear()))),
    ],
    [
      () => t('delete_part_storage'),
      // The log's and the recent deals' writers first: a write they had queued would come
      // after the clear and put an entry back.
      async () => {
        await log.clear();
        await recentDeals.forget();
        await browser.storage.local.clear();
        await browser.storage.session?.clear();
      },
    ],
    [
      () => t('delete_part_reminders'),
      async () => {
        await browser.alarms.clearAll();
        const shown = await browser.notifications.getAll();
        await Promise.all(Object.keys(shown).map((id) => browser.notifications.clear(id)));
        await browser.action.setBadgeText({ text: '' });
      },
    ],
    [
      () => t('delete_part_site_access'),
      async () => {
        const origins = await ruleHostsGranted();
        if (origins.length > 0) await browser.permissions.remove({ origins });
      },
    ],
  ];
  const failed: string[] = [];
  for (const [label, remove] of parts) {
    try {
      await remove();
    } catch (error) {
      failed.push(
        t('delete_part_failed', [label(), error instanceof Error ? error.message : String(error)]),
      );
    }
  }
  return failed.length > 0 ? t('delete_all_failed', failed.join(' ')) : undefined;
}
