import {
  LESSON_SCHEMA_VERSION,
  LessonInputSchema,
  LessonSchema,
  type Lesson,
  type LessonInput,
} from '../lessons/schema';
import type { ReboundDatabase } from './database';
import { importNewer, type ImportCounts } from './import';

/**
 * Validates and stores a new lesson under `id` (its draft's: src/db/drafts.ts finishDraft); throws
 * a ZodError naming the bad field, or Dexie's ConstraintError when that id is taken.
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
  await db.lessons.add(lesson);
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
 * Stores already-validated lessons (from an import). A lesson with an id that is already here
 * replaces it only when it is newer, so re-importing an old export never undoes later edits.
 */
export function importLessons(db: ReboundDatabase, lessons: Lesson[]): Promise<ImportCounts> {
  return importNewer(db, db.lessons, lessons);
}
