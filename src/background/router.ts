import { browser } from 'wxt/browser';
import type { ReboundDatabase } from '../db/database';
import { deleteDraft, discardManualDraft, openManualDraft, saveDraftValues } from '../db/drafts';
import { setPromptStatus } from '../db/prompts';
import { dismissWin, saveWinAnswers } from '../db/wins';
import { describeWriteError } from '../db/write-error';
import { adapterById } from '../crm/registry';
import { t } from '../i18n/t';
import type { DealOpen, Reply } from '../messaging/messages';
import { onBackgroundMessage, type BackgroundHandlers, type Sender } from '../messaging/transport';
import { resolveTemplate } from '../lessons/template';
import { templateItem } from '../settings/store';
import { deleteAllData } from './delete-all';
import type { DetectionLog } from './detection-log';
import { saveLesson } from './lesson-save';
import type { LossFlow } from './loss-flow';
import { openRecentDeals, type RecentDeals } from './recent-deals';
import { PANEL_SCRIPT } from '../prompt/panel-api';
import { scheduleReminder } from './reminders';
import type { TabHealthBoard } from './tab-health';
import { openSimilarDeals, type SimilarDeals } from './similar-deals';
import { createCuePlans } from './cue-plans';
import { lessonsInMemory, type LessonsInMemory } from './lessons-mirror';

export type RouterDeps = {
  db: ReboundDatabase;
  losses: LossFlow;
  log: DetectionLog;
  health: TabHealthBoard;
  recentDeals: RecentDeals;
  similarDeals: SimilarDeals;
};

/** A write whose failure the sender shows in words (src/db/write-error.ts), never a raw error. */
async function written<T>(write: () => Promise<Reply<T>>): Promise<Reply<T>> {
  try {
    return await write();
  } catch (error) {
    return { ok: false, error: describeWriteError(error).message };
  }
}

/** Only Rebound's own pages (the reflect page), not a CRM page's content script. */
const fromExtensionPage = (sender: Sender) =>
  sender.url?.startsWith(browser.runtime.getURL('/')) === true;

/** The background's answer to each message type (its reply type checked by messages.ts). */
export function backgroundHandlers({
  db,
  losses,
  log,
  health,
  recentDeals,
  similarDeals,
}: RouterDeps): BackgroundHandlers {
  return {
    'outcome/observed': async (message, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: false, error: 'Losses are reported from CRM tabs' };
      losses.observed({ ...message, tabId });
      return { ok: true };
    },
    'lesson/save': ({ draftId, values }) =>
      written(async () => {
        const template = (await templateItem.load()).value;
        const finished = await saveLesson(db, draftId, values, resolveTemplate(template).version);
        // Gone (skipped elsewhere) is an answer, not a failure: no retry can keep it.
        return {
          ok: true,
          data: finished ?? { saved: false, problem: t('draft_gone') },
        };
      }),
    'draft/save': ({ draftId, values, basedOn }) =>
      written(async () => ({
        ok: true,
        data: await saveDraftValues(db, draftId, values, basedOn),
      })),
    'draft/discard': ({ draftId }, sender) => {
      if (!fromExtensionPage(sender)) {
        return Promise.resolve({ ok: false, error: 'Drafts are discarded from Rebound’s pages' });
      }
      return written(async () =>
        (await discardManualDraft(db, draftId))
          ? { ok: true }
          : { ok: false, error: t('draft_gone') },
      );
    },
    'draft/new': ({ deal }, sender) => {
      if (!fromExtensionPage(sender)) {
        return Promise.resolve({ ok: false, error: 'Drafts are started from Rebound’s pages' });
      }
      return written(async () => ({
        ok: true,
        data: { draftId: (await openManualDraft(db, deal)).id },
      }));
    },
    'win/save': ({ winId, answers, done }) =>
      written(async () =>
        (await saveWinAnswers(db, winId, answers, done))
          ? { ok: true }
          : { ok: false, error: t('win_missing') },
      ),
    'win/dismiss': ({ winId }) =>
      written(async () => {
        await dismissWin(db, winId);
        return { ok: true };
      }),
    'prompt/later': (message) =>
      written(async () => {
        await setPromptStatus(db, message.lossId, 'later');
        return { ok: true };
      }),
    'prompt/snooze': (message) =>
      written(async () => {
        await setPromptStatus(db, message.lossId, 'later');
        await scheduleReminder(message.lossId, new Date(message.until));
        return { ok: true };
      }),
    'prompt/skip': (message) =>
      written(async () => {
        await setPromptStatus(db, message.lossId, 'skipped');
        await deleteDraft(db, message.lossId);
        return { ok: true };
      }),
    'detection-log/clear': () =>
      written(async () => {
        await log.clear();
        return { ok: true };
      }),
    'data/delete-all': async (_message, sender) => {
      if (!fromExtensionPage(sender)) {
        return { ok: false, error: 'Data is deleted from Rebound’s options page' };
      }
      const failed = await deleteAllData({ db, losses, log, recentDeals });
      return failed ? { ok: false, error: failed } : { ok: true };
    },
    'options/open': async () => {
      await browser.runtime.openOptionsPage();
      return { ok: true };
    },
    'panel/load': async (_message, sender) => {
      const tabId = sender.tab?.id;
      // Into the frame that asked, in its content script's isolated world (the default):
      // no web-accessible resource, so nothing of ours is exposed to the site.
      if (tabId === undefined) return { ok: false, error: 'Panels open in CRM tabs' };
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [sender.frameId ?? 0] },
        files: [PANEL_SCRIPT],
      });
      return { ok: true };
    },
    'prompt/pull': async (_message, sender) => {
      const tabId = sender.tab?.id;
      return { ok: true, data: tabId === undefined ? undefined : losses.takePending(tabId) };
    },
    'health/report': async (message, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: false, error: 'Health is reported from CRM tabs' };
      const { crm, url, missing } = message;
      health.report({ crm, url, missing, tabId, at: Date.now() });
      return { ok: true };
    },
    'health/get': async (message) => ({ ok: true, data: health.of(message.tabId) }),
    'health/all': async () => ({ ok: true, data: health.all() }),
    'deal/seen': async (message, sender) => {
      // Only record pages of the CRMs Rebound knows ("Missed a loss?" offers those).
      if (sender.tab?.id === undefined || !adapterById(message.crm)) {
        return { ok: false, error: 'Deals are reported from supported CRM tabs' };
      }
      const { crm, dealId, dealUrl, dealName, amount, company } = message;
      await recentDeals.seen({ crm, dealId, dealUrl, dealName, amount, company });
      return { ok: true };
    },
    'deal/open': async (message, sender) => {
      // Only the CRMs Rebound knows: a user rule's page says too little of its deals.
      if (sender.tab?.id === undefined || !adapterById(message.crm)) {
        return { ok: false, error: 'Deals are reported from supported CRM tabs' };
      }
      return { ok: true, data: await similarDeals.matchesFor(message, sender.tab.id) };
    },
    'similar/not-helpful': ({ crm, dealId, lessonId }) =>
      written(async () => {
        await similarDeals.notHelpful({ crm, dealId, lessonId });
        return { ok: true };
      }),
  };
}

/**
 * The plan whose cue an open deal shows, for the similar-deal chip's first card. A page's
 * `deal/open` says `stageEntered` only when it saw the stage change.
 */
function cuePlansFor(db: ReboundDatabase, lessons: LessonsInMemory) {
  const plans = createCuePlans(db, { lessons });
  return (deal: DealOpen, now: number) =>
    plans.cueFor({ ...deal, stageEntered: deal.stageEntered ?? false }, now);
}

/** Answers the content scripts' and extension pages' messages. */
export function routeMessages(
  db: ReboundDatabase,
  losses: LossFlow,
  log: DetectionLog,
  health: TabHealthBoard,
): void {
  // One read of every lesson feeds both the similar-deal matcher and the cue plans.
  const lessons = lessonsInMemory(db);
  onBackgroundMessage(
    backgroundHandlers({
      db,
      losses,
      log,
      health,
      recentDeals: openRecentDeals(),
      similarDeals: openSimilarDeals({ db, log, lessons, cueFor: cuePlansFor(db, lessons) }),
    }),
  );
}
