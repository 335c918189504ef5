import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_MAX, TAGS_MAX, type Lesson, type LessonInput } from '../lessons/schema';
import { ReboundDatabase } from './database';
import { tagsInUse } from './lesson-query';
import {
  deleteLessons,
  editLesson,
  restoreLessons,
  setTags,
  TooManyTagsError,
} from './lesson-edits';
import { addLesson, importLessons } from './lessons';

const input = (overrides: Partial<LessonInput> = {}): LessonInput => ({
  crm: 'hubspot',
  dealId: '42',
  dealName: 'Acme renewal',
  company: 'Acme',
  outcome: 'competitor',
  reason: 'price',
  answers: { planAction: 'Ask for the budget owner.', whatHappened: 'They went with Globex.' },
  ...overrides,
});

const created = new Date('2026-12-01T10:00:00.000Z');
const later = new Date('2026-12-03T09:30:00.000Z');
let db: ReboundDatabase;
beforeEach(() => {
  db = new ReboundDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});
const add = (overrides: Partial<LessonInput> = {}) =>
  addLesson(db, input(overrides), crypto.randomUUID(), created);

describe('editLesson', () => {
  it('writes the changes and keeps what each changed field held before', async () => {
    const lesson = await add();
    const result = await editLesson(
      db,
      lesson.id,
      {
        'answers.planAction': 'Find the budget owner in week one.',
        'answers.replay': 'Demo earlier.',
        reason: 'time-to-value',
        company: '',
        amount: 12000,
        dealName: 'Acme renewal',
      },
      later,
    );
    const at = later.toISOString();
    expect(result.status).toBe('saved');
    const stored = await db.lessons.get(lesson.id);
    expect(result).toEqual({ status: 'saved', lesson: stored });
    expect(stored).toMatchObject({
      reason: 'time-to-value',
      amount: 12000,
      updatedAt: at,
      createdAt: created.toISOString(),
      answers: {
        planAction: 'Find the budget owner in week one.',
        replay: 'Demo earlier.',
        whatHappened: 'They went with Globex.',
      },
    });
    expect(stored).not.toHaveProperty('company');
    // The deal name did not really change: no entry for it.
    expect(stored!.history).toEqual([
      { at, field: 'answers.planAction', previous: 'Ask for the budget owner.' },
      { at, field: 'answers.replay' },
      { at, field: 'reason', previous: 'price' },
      { at, field: 'company', previous: 'Acme' },
      { at, field: 'amount' },
    ]);
  });

  it('writes nothing when nothing really changed', async () => {
    const lesson = await add();
    const result = await editLesson(db, lesson.id, { dealName: ' Acme renewal ', stageBefore: '' });
    expect(result).toEqual({ status: 'unchanged', lesson });
    expect(await db.lessons.get(lesson.id)).toEqual(lesson);
  });

  it('keeps the last HISTORY_MAX edits, letting the oldest go', async () => {
    const lesson = await add();
    await db.lessons.put({
      ...lesson,
      history: Array.from({ length: HISTORY_MAX }, (_, i) => ({
        at: created.toISOString(),
        field: 'answers.luck',
        previous: `take ${i}`,
      })),
    });
    await editLesson(db, lesson.id, { 'answers.luck': 'none' }, later);
    const history = (await db.lessons.get(lesson.id))!.history!;
    expect(history).toHaveLength(HISTORY_MAX);
    expect(history[0]!.previous).toBe('take 1');
    expect(history.at(-1)).toEqual({ at: later.toISOString(), field: 'answers.luck' });
  });

  it('refuses what the schema refuses, naming the field, and writes nothing', async () => {
    const lesson = await add();
    const result = await editLesson(db, lesson.id, { dealName: '  ', reason: 'budget' });
    expect(result).toEqual({ status: 'invalid', message: expect.stringMatching(/^Deal name: /) });
    expect(await db.lessons.get(lesson.id)).toEqual(lesson);
  });

  it('says so when the lesson was deleted meanwhile', async () => {
    const lesson = await add();
    await db.lessons.delete(lesson.id);
    expect(await editLesson(db, lesson.id, { reason: 'budget' })).toEqual({ status: 'missing' });
    expect(await db.lessons.count()).toBe(0);
  });

  it('refuses a field that is not editable', async () => {
    const lesson = await add();
    const changes = { crm: 'zoho' } as unknown as Parameters<typeof editLesson>[2];
    await expect(editLesson(db, lesson.id, changes)).rejects.toThrow(/crm/);
  });
});

describe('setTags', () => {
  it('adds and removes tags on many lessons at once, without history, moving updatedAt', async () => {
    const a = await add({ tags: ['Enterprise'] });
    const b = await add({ dealId: '43' });
    const changed = await setTags(db, [a.id, b.id], { add: ['enterprise', ' Q4  push'] }, later);
    expect(changed.map((l) => l.id)).toEqual([a.id, b.id]);
    const [storedA, storedB] = await db.lessons.bulkGet([a.id, b.id]);
    expect(storedA!.tags).toEqual(['Enterprise', 'Q4 push']);
    expect(storedB!.tags).toEqual(['enterprise', 'Q4 push']);
    expect(storedA!.updatedAt).toBe(later.toISOString());
    expect(storedA!.history).toBeUndefined();

    await setTags(db, [a.id, b.id], { remove: ['ENTERPRISE', 'q4 push'] }, later);
    const [clearedA, clearedB] = await db.lessons.bulkGet([a.id, b.id]);
    expect(clearedA).not.toHaveProperty('tags');
    expect(clearedB).not.toHaveProperty('tags');
  });

  it('leaves alone the lessons it does not change, and ids no longer stored', async () => {
    const a = await add({ tags: ['Q4'] });
    expect(await setTags(db, [a.id, crypto.randomUUID()], { add: ['q4'] }, later)).toEqual([]);
    expect(await db.lessons.get(a.id)).toEqual(a);
  });

  it('is not undone by importing an export made before it', async () => {
    const a = await add();
    await setTags(db, [a.id], { add: ['renewal'] }, later);
    await importLessons(db, [a]);
    expect((await db.lessons.get(a.id))!.tags).toEqual(['renewal']);
  });

  it('writes nothing when one lesson would pass TAGS_MAX', async () => {
    const full = await add({ tags: Array.from({ length: TAGS_MAX }, (_, i) => `t${i}`) });
    const other = await add({ dealId: '43' });
    await expect(setTags(db, [other.id, full.id], { add: ['one more'] })).rejects.toBeInstanceOf(
      TooManyTagsError,
    );
    expect(await db.lessons.get(other.id)).toEqual(other);
  });
});

describe('tagsInUse, after tag edits', () => {
  it('lists each tag once, from the index', async () => {
    await add({ tags: ['renewal', 'Q4'] });
    await add({ dealId: '43', tags: ['Q4', 'enterprise'] });
    expect(await tagsInUse(db)).toEqual(['Q4', 'enterprise', 'renewal']);
  });
});

describe('deleteLessons and restoreLessons', () => {
  it('deletes many and puts them back exactly', async () => {
    const a = await add({ tags: ['x'] });
    const b = await add({ dealId: '43' });
    const keep = await add({ dealId: '44' });
    const edited = await editLesson(db, a.id, { reason: 'budget' }, later);
    const deleted = await deleteLessons(db, [a.id, b.id, crypto.randomUUID()]);
    expect(deleted.map((l: Lesson) => l.id)).toEqual([a.id, b.id]);
    expect(await db.lessons.toArray()).toEqual([keep]);
    await restoreLessons(db, deleted);
    expect(await db.lessons.get(a.id)).toEqual(edited.status === 'saved' && edited.lesson);
    expect(await db.lessons.get(b.id)).toEqual(b);
    expect(await tagsInUse(db)).toEqual(['x']);
  });
});
