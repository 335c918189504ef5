import { browser } from 'wxt/browser';
import { keepBadgeCurrent } from '../src/background/badge';
import { keepCustomRulesRegistered } from '../src/background/custom-rules';
import { openDetectionLog } from '../src/background/detection-log';
import { startLossDetection } from '../src/background/loss-flow';
import { createTabHealth } from '../src/background/tab-health';
import { correlationWindow } from '../src/background/test-window';
import { handleReminders } from '../src/background/reminders';
import { keepReviewReminder } from '../src/background/review-reminder';
import { routeMessages } from '../src/background/router';
import { openSessionStorageToPanels } from '../src/background/session-access';
import { database } from '../src/db/database';
import { countDueReviews } from '../src/db/reviews';
import { countUnfinishedDrafts } from '../src/db/drafts';
import { reflectPageUrl } from '../src/background/reflect-page';
import { moveSettingsHere } from '../src/settings/move-v1';

export default defineBackground(() => {
  // First: pages read settings only once version 1's have been moved, here and nowhere else.
  void moveSettingsHere();
  openSessionStorageToPanels();
  const db = database();
  const log = openDetectionLog();
  const tabs = createTabHealth();
  const flow = startLossDetection(db, log, tabs, { windowMs: correlationWindow() });
  routeMessages(db, flow, log, tabs);
  handleReminders(db);
  const countDue = (now: Date) => countDueReviews(db, now);
  keepBadgeCurrent({ countWaiting: () => countUnfinishedDrafts(db), countDue });
  keepReviewReminder({ countDue });
  keepCustomRulesRegistered();
  browser.commands.onCommand.addListener((command) => {
    if (command === 'reflect-manually') void browser.tabs.create({ url: reflectPageUrl() });
  });
});
