import {
  HISTORY_MAX,
  LessonSchema,
  TAGS_MAX,
  type Lesson,
  type LessonEdit,
} from '../lessons/schema';
import { ANSWER_FIELD } from '../lessons/edit-history';
import { EDITABLE_FIELDS, type EditableField } from '../lessons/lesson-fields';
import { lessonFieldLabel } from '../lessons/field-labels';
import { addTags, removeTags, splitTags } from '../lessons/tags';
import type { ReboundDatabase } from './database';
import { startPlanReview } from './review-rows';

/**
 * What an edit sets, by field (`answers.<question id>` for an answer). An empty text or
 * `undefined` clears the field; a field left out is left as it is.
 */
export type LessonChanges = { [K in EditableField]?: Lesson[K] | '' } & {
  [answer: `answers.${string}`]: string | undefined;
};

export type EditResult =
  | { status: 'saved' | 'unchanged'; lesson: Lesson }
  /** Deleted meanwhile (another window, an undo's timeout): nothing was written. */
  | { status: 'missing' }
  /** Refused by the lesson schema: `message` names the field, in words. */
  | { status: 'invalid'; message: string };

type Value = string | number | undefined;

/** Blank text is no value: a cleared field is absent from the lesson, as on a new one. */
function clean(value: unknown): Value {
  if (typeof value === 'string') return value.trim() || undefined;
  return typeof value === 'number' ? value : undefined;
}

function read(lesson: Lesson, field: string): Value {
  return field.startsWith(ANSWER_FIELD)
    ? lesson.answers[field.slice(ANSWER_FIELD.length)]
    : (lesson[field as EditableField] as Value);
}

function isEditable(field: string): boolean {
  return (
    (field.startsWith(ANSWER_FIELD) && field.length > ANSWER_FIELD.length) ||
    (EDITABLE_FIELDS as readonly string[]).includes(field)
  );
}

/**
 * The lesson after `changes`, with one history entry for every field that really changed (what
 * it held before), the oldest let go past HISTORY_MAX; undefined when nothing changed.
 */
export function editedLesson(
  lesson: Lesson,
  changes: LessonChanges,
  now: Date,
): Lesson | undefined {
  const next: Record<string, unknown> = { ...lesson, answers: { ...lesson.answers } };
  const answers = next.answers as Record<string, string>;
  const edits: LessonEdit[] = [];
  const at = now.toISOString();
  for (const [field, raw] of Object.entries(changes)) {
    if (!isEditable(field)) throw new Error(`Not an editable lesson field: ${field}`);
    const value = clean(raw);
    const previous = read(lesson, field);
    if (value === previous) continue;
    edits.push(previous === undefined ? { at, field } : { at, field, previous });
    const key = field.startsWith(ANSWER_FIELD) ? field.slice(ANSWER_FIELD.length) : undefined;
    const target: Record<string, unknown> = key === undefined ? next : answers;
    const name = key ?? field;
    if (value === undefined) delete target[name];
    else target[name] = value;
  }
  if (edits.length === 0) return undefined;
  next.history = [...(lesson.history ?? []), ...edits].slice(-HISTORY_MAX);
  next.updatedAt = at;
  return next as Lesson;
}

/**
 * Edits a stored lesson in one transaction, from the copy stored now (not the one the form was
 * opened with): only the fields in `changes` are written, so an edit of another field made
 * elsewhere meanwhile stays. An edit that gives the lesson a plan starts its plan review.
 */
export function editLesson(
  db: ReboundDatabase,
  id: string,
  changes: LessonChanges,
  now = new Date(),
): Promise<EditResult> {
  return db.transaction('rw', db.lessons, db.reviews, async (): Promise<EditResult> => {
    const lesson = await db.lessons.get(id);
    if (!lesson) return { status: 'missing' };
    const edited = editedLesson(lesson, changes, now);
    if (!edited) return { status: 'unchanged', lesson };
    const parsed = LessonSchema.safeParse(edited);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const label = lessonFieldLabel(String(issue.path[0] ?? ''));
      return { status: 'invalid', message: label ? `${label}: ${issue.message}` : issue.message };
    }
    await db.lessons.put(parsed.data);
    await startPlanReview(db, parsed.data, now);
    return { status: 'saved', lesson: parsed.data };
  });
}

/** A tag change that would give a lesson more than TAGS_MAX tags: nothing was written. */
export class TooManyTagsError extends Error {
  override name = 'TooManyTagsError';
  constructor(readonly lessonId: string) {
    super(`More than ${TAGS_MAX} tags`);
  }
}

/**
 * Adds and removes tags on one lesson or many, in one transaction; returns the lessons it
 * changed. Tags label a lesson rather than change what it says, so no history entry; but
 * `updatedAt` moves, so re-importing an older export does not take the tags back.
 */
export function setTags(
  db: ReboundDatabase,
  ids: readonly string[],
  { add = [], remove = [] }: { add?: readonly string[]; remove?: readonly string[] },
  now = new Date(),
): Promise<Lesson[]> {
  const added = add.flatMap(splitTags);
  const removed = remove.flatMap(splitTags);
  return db.transaction('rw', db.lessons, async () => {
    const lessons = await db.lessons.bulkGet([...ids]);
    const changed: Lesson[] = [];
    for (const lesson of lessons) {
      if (!lesson) continue;
      const before = lesson.tags ?? [];
      const tags = removeTags(addTags(before, added), removed);
      if (tags.length === before.length && tags.every((tag, i) => tag === before[i])) continue;
      if (tags.length > TAGS_MAX) throw new TooManyTagsError(lesson.id);
      const next: Lesson = { ...lesson, tags, updatedAt: now.toISOString() };
      // No tags left: no `tags` key, as on a lesson that never had one.
      if (tags.length === 0) delete next.tags;
      changed.push(LessonSchema.parse(next));
    }
    await db.lessons.bulkPut(changed);
    return changed;
  });
}

/** Deletes lessons in one transaction; returns the records deleted, for an undo. */
export function deleteLessons(db: ReboundDatabase, ids: readonly string[]): Promise<Lesson[]> {
  return db.transaction('rw', db.lessons, async () => {
    const found = (await db.lessons.bulkGet([...ids])).filter((l): l is Lesson => !!l);
    await db.lessons.bulkDelete(found.map((l) => l.id));
    return found;
  });
}

/** Puts deleted lessons back exactly as they were (undo), in one transaction. */
export async function restoreLessons(db: ReboundDatabase, records: readonly Lesson[]) {
  const lessons = records.map((record) => LessonSchema.parse(record));
  await db.transaction('rw', db.lessons, () => db.lessons.bulkPut(lessons));
}
