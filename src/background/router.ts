import { browser } from 'wxt/browser';
import type { ReboundDatabase } from '../db/database';
import { deleteDraft, finishReflection, saveDraftValues } from '../db/drafts';
import { setPromptStatus } from '../db/prompts';
import { deleteWin, saveWin, setWinPromptStatus } from '../db/wins';
import { adapterById } from '../crm/registry';
import type { Reply } from '../messaging/messages';
import { onBackgroundMessage } from '../messaging/transport';
import type { DetectionLog } from './detection-log';
import type { LossFlow } from './loss-flow';
import { openRecentDeals } from './recent-deals';
import { PANEL_SCRIPT } from '../reflection/panel-api';
import { scheduleReminder } from './reminders';
import type { TabHealthBoard } from './tab-health';

/** Answers the content scripts' and extension pages' messages. */
export function routeMessages(
  db: ReboundDatabase,
  losses: LossFlow,
  log: DetectionLog,
  health: TabHealthBoard,
): void {
  const recentDeals = openRecentDeals();

  onBackgroundMessage(async (message, sender): Promise<Reply> => {
    const tabId = sender.tab?.id;
    switch (message.type) {
      case 'loss/observed': {
        if (tabId === undefined) return { ok: false, error: 'Losses are reported from CRM tabs' };
        losses.observed({ ...message, tabId });
        return { ok: true };
      }
      case 'lesson/save': {
        await finishReflection(db, message.lesson, message.lossId);
        return { ok: true };
      }
      case 'win/save': {
        await saveWin(db, message.winId, message.win);
        if (message.done) await setWinPromptStatus(db, message.winId, 'saved');
        return { ok: true };
      }
      case 'win/dismiss':
        await setWinPromptStatus(db, message.winId, 'dismissed');
        await deleteWin(db, message.winId);
        return { ok: true };
      case 'draft/save':
        await saveDraftValues(db, message.lossId, message.values);
        return { ok: true };
      case 'prompt/later':
        await setPromptStatus(db, message.lossId, 'later');
        return { ok: true };
      case 'prompt/snooze':
        await setPromptStatus(db, message.lossId, 'later');
        await scheduleReminder(message.lossId, new Date(message.until));
        return { ok: true };
      case 'prompt/skip':
        await setPromptStatus(db, message.lossId, 'skipped');
        await deleteDraft(db, message.lossId);
        return { ok: true };
      case 'detection-log/clear':
        await log.clear();
        return { ok: true };
      case 'options/open':
        await browser.runtime.openOptionsPage();
        return { ok: true };
      case 'panel/load': {
        // Into the frame that asked, in its content script's isolated world (the default):
        // no web-accessible resource, so nothing of ours is exposed to the site.
        if (tabId === undefined) return { ok: false, error: 'Panels open in CRM tabs' };
        await browser.scripting.executeScript({
          target: { tabId, frameIds: [sender.frameId ?? 0] },
          files: [PANEL_SCRIPT],
        });
        return { ok: true };
      }
      case 'prompt/pull':
        return { ok: true, data: tabId === undefined ? undefined : losses.takePending(tabId) };
      case 'health/report': {
        if (tabId === undefined) return { ok: false, error: 'Health is reported from CRM tabs' };
        const { crm, url, missing } = message;
        health.report({ crm, url, missing, tabId, at: Date.now() });
        return { ok: true };
      }
      case 'health/get':
        return { ok: true, data: health.of(message.tabId) };
      case 'health/all':
        return { ok: true, data: health.all() };
      case 'deal/seen': {
        // Only record pages of the CRMs Rebound knows ("Missed a loss?" offers those).
        if (tabId === undefined || !adapterById(message.crm)) {
          return { ok: false, error: 'Deals are reported from supported CRM tabs' };
        }
        const { crm, dealId, dealUrl, dealName, amount, company } = message;
        await recentDeals.seen({ crm, dealId, dealUrl, dealName, amount, company });
        return { ok: true };
      }
    }
  });
}
