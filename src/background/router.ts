import type { ReboundDatabase } from '../db/database';
import { addLesson } from '../db/lessons';
import { setPromptStatus } from '../db/prompts';
import type { LossCorrelator } from '../detection/correlator';
import type { Reply } from '../messaging/messages';
import { onBackgroundMessage } from '../messaging/transport';

/** Answers the content scripts' messages. */
export function routeMessages(db: ReboundDatabase, correlator: LossCorrelator): void {
  onBackgroundMessage(async (message, sender): Promise<Reply> => {
    switch (message.type) {
      case 'loss/observed': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return { ok: false, error: 'Losses are reported from CRM tabs' };
        correlator.pageShowedLoss({ ...message, tabId });
        return { ok: true };
      }
      case 'lesson/save': {
        await addLesson(db, message.lesson);
        if (message.lossId) await setPromptStatus(db, message.lossId, 'saved');
        return { ok: true };
      }
      case 'prompt/later': {
        await setPromptStatus(db, message.lossId, 'later');
        return { ok: true };
      }
    }
  });
}
