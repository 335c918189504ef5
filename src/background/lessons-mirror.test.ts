import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReboundDatabase } from '../db/database';
import { lessonId, testLesson } from '../lessons/lesson.test-helper';
import type { Lesson } from '../lessons/schema';
import { lessonsInMemory, type LessonsDerived } from './lessons-mirror';

let db: ReboundDatabase;
beforeEach(() => {
  db = new ReboundDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const lesson = (n: number, updatedAt = `2026-03-${String(n).padStart(2, '0')}T00:00:00.000Z`) =>
  testLesson({ id: lessonId(n), createdAt: updatedAt, updatedAt });

/** A derived set of ids that counts the lessons it was handed (each read of one counts). */
function idsKept(): LessonsDerived & { ids: Set<string>; handed: number } {
  const kept = {
    ids: new Set<string>(),
    handed: 0,
    reset: () => kept.ids.clear(),
    take: (lessons: readonly Lesson[]) => {
      kept.handed += lessons.length;
      for (const l of lessons) kept.ids.add(l.id);
    },
    get size() {
      return kept.ids.size;
    },
  };
  return kept;
}

describe('the lessons in memory', () => {
  it('feeds every kept set from one read, then reads only what changed', async () => {
    await db.lessons.bulkAdd([lesson(1), lesson(2)]);
    const memory = lessonsInMemory(db);
    const features = idsKept();
    const cues = idsKept();
    const a = memory.keep(features);
    memory.keep(cues);
    await a.current();
    expect([...cues.ids].sort()).toEqual([lessonId(1), lessonId(2)]);
    expect(features.handed + cues.handed).toBe(4);
    // Nothing changed: nothing read.
    await a.current();
    expect(features.handed).toBe(2);
    // A lesson saved since: only it (and the latest moment's) is read.
    await db.lessons.add(lesson(3));
    await a.current();
    expect(features.ids.size).toBe(3);
    expect(features.handed).toBeLessThanOrEqual(4);
  });

  it('reads everything again after a deletion, and for a set kept after the first read', async () => {
    await db.lessons.bulkAdd([lesson(1), lesson(2)]);
    const memory = lessonsInMemory(db);
    const first = idsKept();
    await memory.keep(first).current();
    await db.lessons.delete(lessonId(1));
    await memory.keep(first).current();
    expect([...first.ids]).toEqual([lessonId(2)]);
    const late = idsKept();
    await memory.keep(late).current();
    expect([...late.ids]).toEqual([lessonId(2)]);
  });

  it('finds an imported lesson older than the latest change (the count differs)', async () => {
    await db.lessons.add(lesson(5));
    const memory = lessonsInMemory(db);
    const kept = idsKept();
    const view = memory.keep(kept);
    await view.current();
    await db.lessons.add(lesson(1, '2020-01-01T00:00:00.000Z'));
    await view.current();
    expect(kept.ids.has(lessonId(1))).toBe(true);
  });
});
