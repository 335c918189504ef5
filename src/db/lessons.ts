import {
  LESSON_SCHEMA_VERSION,
  LessonInputSchema,
  LessonSchema,
  type Lesson,
  type LessonInput,
} from '../lessons/schema';
import type { ReboundDatabase } from './database';
import { planImport, writePlan, type ImportCounts, type ImportPlan } from './import';
import { addReviewsFor } from './review-rows';

/**
 * Validates and stores a new lesson under `id` (its draft's: src/db/drafts.ts finishDraft), and
 * starts its review in the same transaction; throws a ZodError naming the bad field, or Dexie's
 * ConstraintError when that id is taken.
 */
export async function addLesson(
  db: ReboundDatabase,
  input: LessonInput,
  id: string,
  now = new Date(),
): Promise<Lesson> {
  const stamp = now.toISOString();
  const lesson = LessonSchema.parse({
    ...LessonInputSchema.parse(input),
    id,
    createdAt: stamp,
    updatedAt: stamp,
    schemaVersion: LESSON_SCHEMA_VERSION,
  });
  await db.transaction('rw', db.lessons, db.reviews, async () => {
    await db.lessons.add(lesson);
    await addReviewsFor(db, [lesson], now);
  });
  return lesson;
}

/** Newest first. */
export function recentLessons(db: ReboundDatabase, limit?: number): Promise<Lesson[]> {
  const query = db.lessons.orderBy('createdAt').reverse();
  return (limit === undefined ? query : query.limit(limit)).toArray();
}

export function countLessons(db: ReboundDatabase): Promise<number> {
  return db.lessons.count();
}

/**
 * Writes an import's plan of lessons (src/db/import.ts writePlan) and starts the reviews of the
 * lessons it wrote; call it inside a transaction over `db.lessons` and `db.reviews`.
 */
export async function writeLessonPlan(
  db: ReboundDatabase,
  plan: ImportPlan<Lesson>,
  replaceNewer: boolean,
  now = new Date(),
): Promise<ImportCounts> {
  const counts = await writePlan(db.lessons, plan, replaceNewer);
  await addReviewsFor(db, replaceNewer ? [...plan.fresh, ...plan.newer] : plan.fresh, now);
  return counts;
}

/**
 * Stores already-validated lessons (from an import), with their reviews. A lesson with an id
 * that is already here replaces it only when it is newer, so re-importing an old export never
 * undoes later edits.
 */
export function importLessons(
  db: ReboundDatabase,
  lessons: Lesson[],
  now = new Date(),
): Promise<ImportCounts> {
  return db.transaction('rw', db.lessons, db.reviews, async () =>
    writeLessonPlan(db, await planImport(db.lessons, lessons), true, now),
  );
}
