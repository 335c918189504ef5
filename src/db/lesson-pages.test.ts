import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lesson } from '../lessons/schema';
import { ReboundDatabase } from './database';
import { allLessonPages, forEachLessonPage, lessonPages, PAGE_SIZE } from './lesson-pages';

const lesson = (n: number, createdAt: string): Lesson => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  createdAt,
  updatedAt: createdAt,
  schemaVersion: 1,
  crm: 'hubspot',
  dealName: `Deal ${n}`,
  outcome: 'competitor',
  answers: {},
});

let db: ReboundDatabase;
beforeEach(() => {
  db = new ReboundDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

async function collect(pages: AsyncGenerator<Lesson[]>): Promise<number[][]> {
  const out: number[][] = [];
  for await (const page of pages) out.push(page.map((l) => Number(l.dealName.slice(5))));
  return out;
}

describe('allLessonPages', () => {
  it('reads every lesson once, oldest first, even when many were written at the same moment', async () => {
    const same = '2026-01-02T00:00:00.000Z';
    await db.lessons.bulkAdd([
      lesson(1, '2026-01-01T00:00:00.000Z'),
      lesson(2, same),
      lesson(3, same),
      lesson(4, same),
      lesson(5, same),
      lesson(6, '2026-01-03T00:00:00.000Z'),
      lesson(7, '2026-01-04T00:00:00.000Z'),
    ]);
    const pages = await collect(allLessonPages(db, 3));
    expect(pages.flat()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // The page that ends inside the tie takes the whole tie.
    expect(pages[0]).toEqual([1, 2, 3, 4, 5]);
  });

  it('reads nothing from an empty library', async () => {
    expect(await collect(allLessonPages(db))).toEqual([]);
  });
});

describe('lessonPages', () => {
  it('reads the lessons asked for in that order, leaving out ids no longer here', async () => {
    await db.lessons.bulkAdd([1, 2, 3].map((n) => lesson(n, '2026-01-01T00:00:00.000Z')));
    const ids = [3, 9, 1, 2].map((n) => lesson(n, '').id);
    expect(await collect(lessonPages(db, ids, 2))).toEqual([[3], [1, 2]]);
  });
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
  const count = PAGE_SIZE * 2 + 5;
  let stored: Lesson[];
  beforeEach(async () => {
    stored = Array.from({ length: count }, (_, i) =>
      lesson(i, new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString()),
    );
    await db.lessons.bulkAdd(stored);
  });

  it('reads every lesson once, a page at a time, with its progress', async () => {
    const pages = await pagesOf(undefined);
    expect(pages.map((p) => [p.ids.length, p.read, p.total])).toEqual([
      [0, 0, count],
      [PAGE_SIZE, PAGE_SIZE, count],
      [PAGE_SIZE, PAGE_SIZE * 2, count],
      [5, count, count],
    ]);
    expect(new Set(pages.flatMap((p) => p.ids))).toEqual(new Set(stored.map((l) => l.id)));
  });

  it('reads the given ids in their order, leaving out those no longer stored', async () => {
    const wanted = [...stored.map((l) => l.id)].reverse().slice(0, PAGE_SIZE + 1);
    wanted.splice(1, 0, crypto.randomUUID());
    const pages = await pagesOf(wanted);
    expect(pages.map((p) => [p.read, p.total])).toEqual([
      [0, PAGE_SIZE + 2],
      [PAGE_SIZE, PAGE_SIZE + 2],
      [PAGE_SIZE + 2, PAGE_SIZE + 2],
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
