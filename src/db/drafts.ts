import type { LessonInput } from '../lessons/schema';
import type { LossEvent } from '../messaging/messages';
import { resolveTemplate, type Template } from '../reflection/template';
import { ReflectionValuesSchema, initialValues, type ReflectionValues } from '../reflection/values';
import type { DraftRecord, ReboundDatabase } from './database';
import { addLesson } from './lessons';
import { setPromptStatus } from './prompts';

/**
 * Starts the draft of a loss's reflection, keeping any answers already there. `template`: the
 * user's reasons, for reading the CRM's lost reason as one of them.
 */
export async function openDraft(
  db: ReboundDatabase,
  loss: LossEvent,
  now = new Date(),
  template: Template = resolveTemplate(undefined),
): Promise<DraftRecord> {
  return db.transaction('rw', db.drafts, async () => {
    const existing = await db.drafts.get(loss.lossId);
    if (existing) return existing;
    const stamp = now.toISOString();
    const draft: DraftRecord = {
      id: loss.lossId,
      loss,
      values: initialValues(loss.deal, template),
      createdAt: stamp,
      updatedAt: stamp,
    };
    await db.drafts.put(draft);
    return draft;
  });
}

export async function saveDraftValues(
  db: ReboundDatabase,
  id: string,
  values: ReflectionValues,
  now = new Date(),
): Promise<void> {
  const parsed = ReflectionValuesSchema.parse(values);
  await db.drafts.update(id, { values: parsed, updatedAt: now.toISOString() });
}

export function unfinishedDrafts(db: ReboundDatabase): Promise<DraftRecord[]> {
  return db.drafts.orderBy('updatedAt').reverse().toArray();
}

export function deleteDraft(db: ReboundDatabase, id: string): Promise<void> {
  return db.drafts.delete(id);
}

/**
 * Keeps the lesson a reflection produced and, when it answered a prompted loss, closes that
 * loss: the prompt is marked saved and its draft goes (from the CRM page or the reflect page).
 */
export async function finishReflection(
  db: ReboundDatabase,
  lesson: LessonInput,
  lossId?: string,
): Promise<void> {
  await addLesson(db, lesson);
  if (!lossId) return;
  await setPromptStatus(db, lossId, 'saved');
  await deleteDraft(db, lossId);
}
