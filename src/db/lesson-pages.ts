import type { Lesson } from '../lessons/schema';
import type { ReboundDatabase } from './database';

/** Lessons read per step: small enough that 50,000 never sit in memory at once. */
export const LESSON_PAGE_SIZE = 1000;

/**
 * Reads lessons a page at a time and hands each page to `each` with how many have been read of
 * how many: the lessons of `ids` (in that order; ids no longer stored are left out), or every
 * lesson. Stops between pages once `signal` is aborted. Every lesson is paged by its primary key
 * (unique, so a page boundary never skips or repeats one; createdAt can repeat).
 */
export async function forEachLessonPage(
  db: ReboundDatabase,
  ids: string[] | undefined,
  each: (lessons: Lesson[], read: number, total: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  if (ids) {
    for (let from = 0; from < ids.length && !signal?.aborted; from += LESSON_PAGE_SIZE) {
      const page = await db.lessons.bulkGet(ids.slice(from, from + LESSON_PAGE_SIZE));
      if (signal?.aborted) return;
      each(
        page.filter((lesson): lesson is Lesson => lesson !== undefined),
        Math.min(from + LESSON_PAGE_SIZE, ids.length),
        ids.length,
      );
    }
    return;
  }
  const total = await db.lessons.count();
  // The count alone is news: a progress line can say "0 of 50,000" before the first page is in.
  if (signal?.aborted) return;
  each([], 0, total);
  let read = 0;
  let after: string | undefined;
  while (!signal?.aborted) {
    const query =
      after === undefined ? db.lessons.orderBy(':id') : db.lessons.where(':id').above(after);
    const page = await query.limit(LESSON_PAGE_SIZE).toArray();
    if (signal?.aborted || page.length === 0) return;
    read += page.length;
    after = page.at(-1)!.id;
    // A lesson saved while reading can make `read` pass the count taken first.
    each(page, read, Math.max(total, read));
    if (page.length < LESSON_PAGE_SIZE) return;
  }
}
