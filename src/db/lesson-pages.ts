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
