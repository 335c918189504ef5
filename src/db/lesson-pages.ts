import type { Lesson } from '../lessons/schema';
import type { ReboundDatabase } from './database';

/** Lessons read per page by an export: small enough to keep memory flat, large enough to be quick. */
export const PAGE_SIZE = 1000;

/** Every lesson's id, newest first: keys only, read from the `createdAt` index. */
export function allLessonIds(db: ReboundDatabase): Promise<string[]> {
  return db.lessons.orderBy('createdAt').reverse().primaryKeys();
}

/**
 * The lessons of `ids`, in that order, a page at a time. A lesson deleted since the ids were
 * listed is left out, so the pages may hold fewer lessons than ids.
 */
export async function* lessonPages(
  db: ReboundDatabase,
  ids: readonly string[],
  pageSize = PAGE_SIZE,
): AsyncGenerator<Lesson[]> {
  for (let start = 0; start < ids.length; start += pageSize) {
    const page = await db.lessons.bulkGet(ids.slice(start, start + pageSize));
    yield page.filter((lesson): lesson is Lesson => lesson !== undefined);
  }
}
