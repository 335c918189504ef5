import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lesson } from '../lessons/schema';
import { ReboundDatabase } from './database';
import { forEachLessonPage, LESSON_PAGE_SIZE } from './lesson-pages';

let db: ReboundDatabase;
beforeEach(() => {
  db = new ReboundDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const at = '2026-05-06T07:08:09.000Z';
const lesson = (): Lesson => ({
  id: crypto.randomUUID(),
  // All at the same moment: paging must not lean on createdAt.
  createdAt: at,
  updatedAt: at,
  schemaVersion: 1,
  crm: 'hubspot',
  dealName: 'Acme renewal',
  outcome: 'competitor',
  answers: {},
});

async function pagesOf(ids: string[] | undefined, signal?: AbortSignal) {
  const pages: { ids: string[]; read: number; total: number }[] = [];
  await forEachLessonPage(
    db,
    ids,
    (lessons, read, total) => pages.push({ ids: lessons.map((l) => l.id), read, total }),
    signal,
  );
  return pages;
}

describe('forEachLessonPage', () => {
  const count = LESSON_PAGE_SIZE * 2 + 5;
  let stored: Lesson[];
  beforeEach(async () => {
    stored = Array.from({ length: count }, lesson);
    await db.lessons.bulkAdd(stored);
  });

  it('reads every lesson once, a page at a time, with its progress', async () => {
    const pages = await pagesOf(undefined);
    expect(pages.map((p) => [p.ids.length, p.read, p.total])).toEqual([
      [0, 0, count],
      [LESSON_PAGE_SIZE, LESSON_PAGE_SIZE, count],
      [LESSON_PAGE_SIZE, LESSON_PAGE_SIZE * 2, count],
      [5, count, count],
    ]);
    expect(new Set(pages.flatMap((p) => p.ids))).toEqual(new Set(stored.map((l) => l.id)));
  });

  it('reads the given ids in their order, leaving out those no longer stored', async () => {
    const wanted = [...stored.map((l) => l.id)].reverse().slice(0, LESSON_PAGE_SIZE + 1);
    wanted.splice(1, 0, crypto.randomUUID());
    const pages = await pagesOf(wanted);
    expect(pages.map((p) => [p.read, p.total])).toEqual([
      [LESSON_PAGE_SIZE, LESSON_PAGE_SIZE + 2],
      [LESSON_PAGE_SIZE + 2, LESSON_PAGE_SIZE + 2],
    ]);
    expect(pages.flatMap((p) => p.ids)).toEqual(wanted.filter((_, i) => i !== 1));
  });

  it('stops once aborted', async () => {
    const controller = new AbortController();
    let pages = 0;
    await forEachLessonPage(
      db,
      undefined,
      (lessons) => {
        pages++;
        if (lessons.length) controller.abort();
      },
      controller.signal,
    );
    // The count, then the first page.
    expect(pages).toBe(2);
  });
});
