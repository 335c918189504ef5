import { t } from '../i18n/t';
import { sendToBackground } from '../messaging/transport';
import type { ReflectionValues } from '../lessons/values';
import type { WriteOutcome } from './draft-writer';

/**
 * Sends one surface's draft writes (the panel's, the reflect page's), each based on the draft's
 * revision this surface last read (`readAt`) or wrote, so that it never writes its whole form
 * over answers typed in another window: that write is refused, and this one stops for good.
 */
export function draftSaver() {
  let revision: string | undefined;
  let refused: 'stale' | 'gone' | undefined;
  return {
    readAt(updatedAt: string) {
      revision = updatedAt;
    },
    /** Why the background refused this surface's writes for good (read as the form redraws). */
    refused: () => refused,
    async send(draftId: string, values: ReflectionValues): Promise<WriteOutcome> {
      const reply = await sendToBackground({
        type: 'draft/save',
        draftId,
        values,
        basedOn: revision,
      });
      if (!reply.ok) return reply;
      if (reply.data.written) {
        revision = reply.data.updatedAt;
        return { ok: true };
      }
      refused = reply.data.why;
      const error = refused === 'stale' ? t('draft_changed_elsewhere') : t('draft_gone');
      return { ok: false, error, final: true };
    },
  };
}

/** What Save came to: the lesson kept (or kept before), or what to tell the user. */
export type SaveOutcome = { saved: 'saved' | 'already' } | { error: string };

/**
 * Saves a reflection's lesson from the panel or the reflect page. The draft is written first, so
 * that a failure can say whether the answers are kept as a draft (true only when that write
 * succeeded); then the background builds the lesson from its own copy of the loss and these
 * answers. A missing answer comes back as the background's words for it.
 */
export async function saveReflection(
  draftId: string,
  values: ReflectionValues,
  draft: { flush(): Promise<boolean> },
): Promise<SaveOutcome> {
  const kept = await draft.flush();
  const reply = await sendToBackground({ type: 'lesson/save', draftId, values });
  if (!reply.ok) {
    return {
      error: kept
        ? t('prompt_not_saved', reply.error)
        : t('prompt_not_saved_not_kept', reply.error),
    };
  }
  if (!reply.data.saved) return { error: reply.data.problem };
  return { saved: reply.data.alreadySaved ? 'already' : 'saved' };
}
