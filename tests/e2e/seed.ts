/**
 * Puts many lessons into the built extension's database quickly, for the bench and the
 * library's browser tests: straight into IndexedDB from one of the extension's pages (its
 * origin), in chunks of one readwrite transaction each. Dexie is bypassed on purpose (it is the
 * slow part at 50,000), so only records LessonSchema accepts are written, and a page that is
 * already showing lessons does not hear of these (open pages after seeding).
 */
import type { Page } from 'playwright-core';
import { ReviewSchema, type Review } from '../../src/lessons/review-schedule';
import { LessonSchema, type Lesson } from '../../src/lessons/schema';
import type { Extension } from './harness';

const CHUNK = 2000;
/** How long the options page may take to have Dexie create the database. */
const DATABASE_DEADLINE_MS = 15_000;

/** What the origin stores, in bytes, as the page's quota estimate says. */
function storageUsage(page: Page): Promise<number> {
  return page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
}

/**
 * Runs in the extension (a page or the worker; it is sent there as source, so it uses nothing
 * from this module): with `json`, a chunk of rows, puts them in `table` in one readwrite
 * transaction and says how many; without, counts the table's rows (0 with no table yet).
 */
async function inTable({ table, json }: { table: string; json?: string }): Promise<number> {
  // Opening a database that is not there would create an empty one.
  if (json === undefined && !(await indexedDB.databases()).some((d) => d.name === 'rebound'))
    return 0;
  return new Promise<number>((resolve, reject) => {
    const open = indexedDB.open('rebound');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(table)) {
        db.close();
        if (json === undefined) return resolve(0);
        return reject(new Error(`The database has no ${table} table`));
      }
      if (json === undefined) {
        const request = db.transaction(table).objectStore(table).count();
        request.onsuccess = () => {
          db.close();
          resolve(request.result);
        };
        request.onerror = () => reject(request.error);
        return;
      }
      const tx = db.transaction(table, 'readwrite');
      const store = tx.objectStore(table);
      const chunk = JSON.parse(json) as unknown[];
      for (const row of chunk) store.put(row);
      tx.oncomplete = () => {
        db.close();
        resolve(chunk.length);
      };
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('Seeding transaction aborted'));
    };
  });
}

/**
 * Waits (bounded) until the options page `page` has opened Dexie, which creates the database at
 * its current version: opening it elsewhere without a version before that would create an empty
 * one that Dexie must then upgrade.
 */
async function databaseOpened(page: Page): Promise<void> {
  await page.evaluate(async (deadlineMs) => {
    const end = performance.now() + deadlineMs;
    while (!(await indexedDB.databases()).some((d) => d.name === 'rebound' && d.version)) {
      if (performance.now() > end) throw new Error('The options page never opened the database');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, DATABASE_DEADLINE_MS);
}

/** Has the extension create its database (tables and all), for tests that write rows first. */
export async function createDatabase(ext: Extension): Promise<void> {
  const page = await ext.openPage('options.html');
  try {
    await databaseOpened(page);
  } finally {
    await page.close();
  }
}

/**
 * Writes `lessons` into the extension's `lessons` table (replacing any with the same id) and
 * says how much the origin's stored bytes grew.
 */
export async function seedLessons(
  ext: Extension,
  lessons: Lesson[],
): Promise<{ usageBefore: number; usageAfter: number }> {
  for (const [index, lesson] of lessons.entries()) {
    const parsed = LessonSchema.safeParse(lesson);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `Lesson ${index + 1} is not valid (${issue?.path.join('.')}: ${issue?.code})`,
      );
    }
  }
  const page = await ext.openPage('options.html');
  try {
    await databaseOpened(page);
    const usageBefore = await storageUsage(page);
    for (let start = 0; start < lessons.length; start += CHUNK) {
      // One string per chunk: Playwright's own serialisation of an object graph this size is
      // what took the time, JSON.parse in the page is fast.
      const json = JSON.stringify(lessons.slice(start, start + CHUNK));
      await page.evaluate(inTable, { table: 'lessons', json });
    }
    return { usageBefore, usageAfter: await storageUsage(page) };
  } finally {
    await page.close();
  }
}

/** How many lessons the extension's database holds (a count, not a read of every row). */
export async function countStoredLessons(ext: Extension): Promise<number> {
  return ext.inWorker(inTable, { table: 'lessons' });
}

/**
 * Writes review rows (src/lessons/review-schedule.ts ReviewSchema, each checked) into the
 * extension's `reviews` table, in chunks; the database must exist (seed the lessons first).
 */
export async function seedReviews(ext: Extension, reviews: Review[]): Promise<void> {
  for (const review of reviews) ReviewSchema.parse(review);
  for (let start = 0; start < reviews.length; start += CHUNK) {
    const json = JSON.stringify(reviews.slice(start, start + CHUNK));
    await ext.inWorker(inTable, { table: 'reviews', json });
  }
}
