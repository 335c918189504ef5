import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { Lesson, LessonInput } from '../lessons/schema';
import { ReboundDatabase } from './database';
import { addLesson, countLessons, importLessons, recentLessons } from './lessons';

const input = (overrides: Partial<LessonInput> = {}): LessonInput => ({
  crm: 'hubspot',
  dealId: '42',
  dealName: 'Acme renewal',
  outcome: 'competitor',
  answers: { whatHappened: 'They went with Globex.' },
  ...overrides,
});

let db: ReboundDatabase;
beforeEach(() => {
  db = new ReboundDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('addLesson', () => {
  it('stores the lesson under its id, with timestamps and the schema version', async () => {
    const now = new Date('2026-05-06T07:08:09.000Z');
    const id = crypto.randomUUID();
    const lesson = await addLesson(db, input({ dealName: '  Acme renewal ' }), id, now);
    expect(lesson).toEqual({
      ...input(),
      id,
      createdAt: '2026-05-06T07:08:09.000Z',
      updatedAt: '2026-05-06T07:08:09.000Z',
      schemaVersion: 1,
    });
    expect(await db.lessons.get(lesson.id)).toEqual(lesson);
  });

  it('never stores a second lesson under the same id', async () => {
    const id = crypto.randomUUID();
    await addLesson(db, input({ dealName: 'First' }), id);
    await expect(addLesson(db, input({ dealName: 'Second' }), id)).rejects.toMatchObject({
      name: 'ConstraintError',
    });
    expect((await recentLessons(db)).map((l) => l.dealName)).toEqual(['First']);
  });

  it.each<[string, Partial<Record<keyof LessonInput, unknown>>]>([
    ['no outcome', { outcome: undefined }],
    ['an empty deal name', { dealName: '' }],
    ['a javascript: link', { dealUrl: 'javascript:alert(1)' }],
  ])('refuses a lesson with %s and stores nothing', async (_what, change) => {
    const bad = { ...input(), ...change } as LessonInput;
    await expect(addLesson(db, bad, crypto.randomUUID())).rejects.toBeInstanceOf(ZodError);
    expect(await countLessons(db)).toBe(0);
  });
});

describe('recentLessons', () => {
  beforeEach(async () => {
    for (const [name, day] of [
      ['Second', '02'],
      ['Fourth', '04'],
      ['First', '01'],
      ['Third', '03'],
    ] as const) {
      const at = new Date(`2026-01-${day}T12:00:00.000Z`);
      await addLesson(db, input({ dealName: name }), crypto.randomUUID(), at);
    }
  });

  it('lists lessons newest first', async () => {
    expect((await recentLessons(db)).map((l) => l.dealName)).toEqual([
      'Fourth',
      'Third',
      'Second',
      'First',
    ]);
  });

  it('lists only as many as asked for', async () => {
    expect((await recentLessons(db, 2)).map((l) => l.dealName)).toEqual(['Fourth', 'Third']);
  });
});

describe('importLessons', () => {
  const stamp = (day: string) => `2026-01-${day}T00:00:00.000Z`;
  const stored = (id: string, day: string, dealName: string): Lesson => ({
    ...input({ dealName }),
    id,
    createdAt: stamp('01'),
    updatedAt: stamp(day),
    schemaVersion: 1,
  });
  const A = '00000000-0000-4000-8000-00000000000a';
  const B = '00000000-0000-4000-8000-00000000000b';
  const C = '00000000-0000-4000-8000-00000000000c';

  it('adds new lessons, updates older ones and leaves the rest', async () => {
    await db.lessons.bulkAdd([stored(A, '10', 'A as stored'), stored(B, '10', 'B as stored')]);
    const counts = await importLessons(db, [
      stored(A, '11', 'A edited later'),
      stored(B, '10', 'B same time'),
      stored(C, '05', 'C new'),
    ]);
    expect(counts).toEqual({ added: 1, updated: 1, unchanged: 1, skipped: [] });
    expect((await db.lessons.get(A))?.dealName).toBe('A edited later');
    expect((await db.lessons.get(B))?.dealName).toBe('B as stored');
    expect((await db.lessons.get(C))?.dealName).toBe('C new');
  });

  it('never replaces a lesson with an older copy of it', async () => {
    await db.lessons.add(stored(A, '20', 'Edited after the export'));
    expect(await importLessons(db, [stored(A, '10', 'From an old export')])).toEqual({
      added: 0,
      updated: 0,
      unchanged: 1,
      skipped: [],
    });
    expect((await db.lessons.get(A))?.dealName).toBe('Edited after the export');
  });

  it('changes nothing when the same export is imported twice', async () => {
    const file = [stored(A, '10', 'A'), stored(B, '11', 'B')];
    expect(await importLessons(db, file)).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
      skipped: [],
    });
    expect(await importLessons(db, file)).toEqual({
      added: 0,
      updated: 0,
      unchanged: 2,
      skipped: [],
    });
    expect(await countLessons(db)).toBe(2);
  });

  it('stores one lesson for copies with the same id in one file, and names the ones left out', async () => {
    const file = [
      stored(A, '10', 'A as first exported'),
      stored(B, '10', 'B'),
      stored(A, '12', 'A edited later'),
      stored(A, '11', 'A edited in between'),
    ];
    const counts = await importLessons(db, file);
    expect(counts).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
      skipped: [
        { skipped: 1, kept: 3 },
        { skipped: 4, kept: 3 },
      ],
    });
    expect(await countLessons(db)).toBe(counts.added);
    expect((await db.lessons.get(A))?.dealName).toBe('A edited later');
  });

  it('keeps the later copy in the file when two with one id were changed at the same time', async () => {
    const counts = await importLessons(db, [stored(A, '10', 'First'), stored(A, '10', 'Second')]);
    expect(counts).toMatchObject({ added: 1, skipped: [{ skipped: 1, kept: 2 }] });
    expect((await db.lessons.get(A))?.dealName).toBe('Second');
  });

  it('compares the newest copy in the file with the one already here', async () => {
    await db.lessons.add(stored(A, '20', 'Edited after the export'));
    const counts = await importLessons(db, [stored(A, '10', 'Old'), stored(A, '11', 'Less old')]);
    expect(counts).toEqual({
      added: 0,
      updated: 0,
      unchanged: 1,
      skipped: [{ skipped: 1, kept: 2 }],
    });
    expect((await db.lessons.get(A))?.dealName).toBe('Edited after the export');
  });
});
