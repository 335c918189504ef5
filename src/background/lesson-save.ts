import type { ReboundDatabase } from '../db/database';
import { draftSource, finishDraft } from '../db/drafts';
import type { LessonSaveResult } from '../messaging/messages';
import { lessonFromReflection } from '../lessons/to-lesson';
import type { ReflectionValues } from '../lessons/values';

/**
 * Keeps the lesson of a draft. The deal comes from the background's own copy of the loss (the
 * draft, stored when the loss was confirmed or the manual reflection began), never from the
 * sender: the panel in the CRM page sends only the draft's id and the answers. Undefined when
 * the draft is gone and no lesson came of it (skipped).
 */
export function saveLesson(
  db: ReboundDatabase,
  draftId: string,
  values: ReflectionValues,
  /** The version of the questions in use (the form shows the user's current ones). */
  templateVersion: number,
  now = new Date(),
): Promise<LessonSaveResult | undefined> {
  return finishDraft(
    db,
    draftId,
    (draft) => lessonFromReflection(values, draftSource(draft), templateVersion),
    now,
  );
}
