import type { Lesson } from '../lessons/schema';
import type { ReboundDatabase } from './database';

/** Lessons read per page by an export: small enough to keep memory flat, large enough to be quick. */
export const PAGE_SIZE = 1000;

/**
 * Every lesson, oldest first, a page at a time, each page one range read of the `createdAt`
 * index (IndexedDB's getAll: much quicker than a cursor or a get per id). Lessons written at
 * the same moment as a page's last one all go in that page, so the next page can start after
 * that moment and none is read twice or missed.
 */
export async function* allLessonPages(
  db: ReboundDatabase,
  pageSize = PAGE_SIZE,
): AsyncGenerator<Lesson[]> {
  let after: string | undefined;
  for (;;) {
    const range =
      after === undefined
        ? db.lessons.orderBy('createdAt')
        : db.lessons.where('createdAt').above(after);
    const page = await range.limit(pageSize).toArray();
    if (page.length === 0) return;
    const last = page[page.length - 1]!.createdAt;
    if (page.length < pageSize) return yield page;
    const tied = await db.lessons.where('createdAt').equals(last).toArray();
    yield [...page.filter((lesson) => lesson.createdAt !== last), ...tied];
    after = last;
  }
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

/**
 * Reads lessons a page at a time and hands each page to `each` with how many have been read of
 * how many: the lessons of `ids` (in that order), or every lesson. Stops between pages once
 * `signal` is aborted.
 */
export async function forEachLessonPage(
  db: ReboundDatabase,
  ids: string[] | undefined,
  each: (lessons: Lesson[], read: number, total: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  const total = ids ? ids.length : await db.lessons.count();
  // The count alone is news: a progress line can say "0 of 50,000" before the first page is in.
  if (signal?.aborted) return;
  each([], 0, total);
  let read = 0;
  for await (const page of ids ? lessonPages(db, ids) : allLessonPages(db)) {
    if (signal?.aborted) return;
    // Ids: the ids asked for, found or not; every lesson: a lesson saved while reading can make
    // `read` pass the count taken first.
    read = ids ? Math.min(read + PAGE_SIZE, ids.length) : read + page.length;
    each(page, read, Math.max(total, read));
  }
}
