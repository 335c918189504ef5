import { browser } from 'wxt/browser';
import type { ReboundDatabase } from '../db/database';
import { deleteDraft, finishReflection, saveDraftValues } from '../db/drafts';
import { setPromptStatus } from '../db/prompts';
import { deleteWin, saveWin, setWinPromptStatus } from '../db/wins';
import type { Health, Reply } from '../messaging/messages';
import { onBackgroundMessage } from '../messaging/transport';
import type { LossFlow } from './loss-flow';
import { PANEL_SCRIPT } from '../reflection/panel-api';
import { scheduleReminder } from './reminders';

/** Answers the content scripts' and extension pages' messages. */
export function routeMessages(db: ReboundDatabase, losses: LossFlow): void {
  // Detection health per tab, for the popup. Lost when the worker sleeps; each page re-reports
  // when it arms, which is when it matters.
  const health = new Map<number, Health>();

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
        health.set(tabId, { crm: message.crm, url: message.url, missing: message.missing });
        return { ok: true };
      }
      case 'health/get':
        return { ok: true, data: health.get(message.tabId) };
    }
  });
}
