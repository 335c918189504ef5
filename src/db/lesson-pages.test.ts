import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lesson } from '../lessons/schema';
import { ReboundDatabase } from './database';
import { allLessonPages, lessonPages } from './lesson-pages';

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
