import type { LessonInput } from '../lessons/schema';
import type { DraftWrite, LessonSaveResult, LossEvent } from '../messaging/messages';
import type { DealPrefill } from '../lessons/deal-prefill';
import { resolveTemplate, type Template } from '../lessons/template';
import type { ReflectionSource } from '../lessons/to-lesson';
import {
  EMPTY_VALUES,
  ReflectionValuesSchema,
  initialValues,
  type ReflectionValues,
} from '../lessons/values';
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

/**
 * Starts the draft of a reflection entered by hand, for the deal its link named (its name and
 * company filled in, still editable) or none. From then on it is saved like a prompted one.
 */
export async function openManualDraft(
  db: ReboundDatabase,
  deal: DealPrefill | undefined,
  now = new Date(),
): Promise<DraftRecord> {
  const stamp = now.toISOString();
  const draft: DraftRecord = {
    id: crypto.randomUUID(),
    manual: deal
      ? { crm: deal.crm, dealId: deal.dealId, dealUrl: deal.dealUrl, dealName: deal.dealName }
      : { crm: 'manual' },
    values: {
      ...EMPTY_VALUES,
      answers: {},
      dealName: deal?.dealName ?? '',
      company: deal?.company ?? '',
    },
    createdAt: stamp,
    updatedAt: stamp,
  };
  await db.drafts.add(draft);
  return draft;
}

/**
 * Stores the answers so far, if the draft is still the revision the writer based them on
 * (`basedOn`: the `updatedAt` it last read or wrote; none for a draft it has not seen written,
 * as the panel that opened with the draft's first answers). Every surface sends its whole form,
 * so a write based on an older revision would silently replace another window's answers.
 */
export async function saveDraftValues(
  db: ReboundDatabase,
  id: string,
  values: ReflectionValues,
  basedOn: string | undefined,
  now = new Date(),
): Promise<DraftWrite> {
  const parsed = ReflectionValuesSchema.parse(values);
  return db.transaction('rw', db.drafts, async () => {
    const draft = await db.drafts.get(id);
    if (!draft) return { written: false, why: 'gone' } as const;
    if (draft.updatedAt !== (basedOn ?? draft.createdAt)) {
      return { written: false, why: 'stale' } as const;
    }
    // Strictly later than the revision it replaces, so two writes in one millisecond differ.
    const stamp = new Date(Math.max(now.getTime(), Date.parse(draft.updatedAt) + 1)).toISOString();
    await db.drafts.update(id, { values: parsed, updatedAt: stamp });
    return { written: true, updatedAt: stamp } as const;
  });
}

export function unfinishedDrafts(db: ReboundDatabase): Promise<DraftRecord[]> {
  return db.drafts.orderBy('updatedAt').reverse().toArray();
}

/** How many reflections are waiting (the popup lists them all): the toolbar badge's count. */
export function countUnfinishedDrafts(db: ReboundDatabase): Promise<number> {
  return db.drafts.count();
}

/**
 * Lets a reflection entered by hand go (the reflect page's Discard). Only a manual one: a
 * prompted loss's draft goes with its prompt (Skip), so the deal is not asked about again.
 * False when there is no such manual draft.
 */
export function discardManualDraft(db: ReboundDatabase, id: string): Promise<boolean> {
  return db.transaction('rw', db.drafts, async () => {
    const draft = await db.drafts.get(id);
    if (!draft || draft.loss) return false;
    await db.drafts.delete(id);
    return true;
  });
}

export function deleteDraft(db: ReboundDatabase, id: string): Promise<void> {
  return db.drafts.delete(id);
}

/** The deal a draft is about, by name: the page's, else what was typed or the link's. */
export function draftDealName(draft: DraftRecord): string | undefined {
  if (draft.loss) return draft.loss.deal.dealName;
  return draft.values.dealName.trim() || draft.manual.dealName;
}

/** Where a draft's reflection came from, for building its lesson (src/lessons/to-lesson.ts). */
export function draftSource(draft: DraftRecord): ReflectionSource {
  if (draft.loss) return draft.loss;
  // Entered by hand: the deal is what the form says; the link's record and URL stay.
  return { ...draft.manual, askDeal: true };
}

/**
 * Turns a draft into its lesson, all in one transaction: the lesson is stored under the draft's
 * id, the loss's prompt is marked saved and the draft removed; if any write fails, none is kept
 * (the draft stays, with its answers). `build` makes the lesson from the stored draft, or says in
 * words what is missing (then nothing is written).
 *
 * A draft whose lesson is already kept (a retry, a double click, the same reflection saved from
 * the CRM page and the reflect page) is not saved again: the lesson stays as first saved, and
 * the answer says so. That first save is the one the user was told of; a later one replacing
 * it would lose those answers without a word. Undefined: no such draft and no lesson of it.
 */
export function finishDraft(
  db: ReboundDatabase,
  draftId: string,
  build: (draft: DraftRecord) => { ok: true; lesson: LessonInput } | { ok: false; error: string },
  now = new Date(),
): Promise<LessonSaveResult | undefined> {
  return db.transaction('rw', [db.drafts, db.lessons, db.prompts, db.reviews], async () => {
    const [draft, lesson] = await Promise.all([db.drafts.get(draftId), db.lessons.get(draftId)]);
    if (!lesson) {
      if (!draft) return undefined;
      const built = build(draft);
      if (!built.ok) return { saved: false, problem: built.error };
      await addLesson(db, built.lesson, draftId, now);
    }
    await setPromptStatus(db, draftId, 'saved');
    await deleteDraft(db, draftId);
    return { saved: true, lessonId: draftId, alreadySaved: lesson !== undefined };
  });
}
