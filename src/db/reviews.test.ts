import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { lessonId, testLesson } from '../lessons/lesson.test-helper';
import type { Lesson } from '../lessons/schema';
import { comeBackItem } from '../settings/store';
import { ReboundDatabase } from './database';
import { editLesson, deleteLessons } from './lesson-edits';
import { addLesson, importLessons } from './lessons';
import {
  answerPlan,
  answerSecondLook,
  countDueReviews,
  dueReviews,
  onThisDay,
  retireReview,
  reviewProgress,
  snoozeReview,
  tidyReviews,
} from './reviews';

const created = new Date('2026-03-02T09:00:00.000Z');
const day = (n: number) => new Date(created.getTime() + n * 86_400_000);
const on = { secondLook: true };

let db: ReboundDatabase;
beforeEach(() => {
  fakeBrowser.reset();
  db = new ReboundDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

/** Saves a lesson as a reflection does, at `at`; with a plan unless told otherwise. */
async function save(
  n: number,
  at = created,
  answers: Lesson['answers'] = { planAction: `plan ${n}` },
) {
  return addLesson(
    db,
    {
      crm: 'hubspot',
      dealName: `Deal ${n}`,
      outcome: 'competitor',
      reason: 'competitor.price-value',
      answers,
    },
    lessonId(n),
    at,
  );
}

describe('reviews start where lessons are stored', () => {
  it('a saved lesson with a plan is due a week later; one without only has its second look', async () => {
    await save(1);
    await save(2, created, { whatHappened: 'no plan' });
    expect(await dueReviews(db, day(6.9), 10, on)).toEqual([]);
    const week = await dueReviews(db, day(7), 10, on);
    expect(week.map((d) => [d.lesson.dealName, d.plan, d.secondLook])).toEqual([
      ['Deal 1', true, false],
    ]);
    const fortnight = await dueReviews(db, day(14), 10, on);
    expect(fortnight.map((d) => [d.lesson.dealName, d.plan, d.secondLook])).toEqual([
      ['Deal 1', true, true],
      ['Deal 2', false, true],
    ]);
  });

  it('an import starts the reviews of the lessons it stores', async () => {
    await importLessons(
      db,
      [
        testLesson({
          id: lessonId(3),
          createdAt: day(0).toISOString(),
          answers: { planCue: 'the CFO joins' },
        }),
      ],
      day(1),
    );
    expect((await dueReviews(db, day(7), 10, on)).map((d) => d.lesson.id)).toEqual([lessonId(3)]);
  });

  it('an edit that gives a lesson a plan starts its plan review a week from the edit', async () => {
    await save(4, created, { whatHappened: 'no plan' });
    await editLesson(db, lessonId(4), { 'answers.planAction': 'send the case study' }, day(2));
    expect(await dueReviews(db, day(8.9), 10, { secondLook: false })).toEqual([]);
    expect((await dueReviews(db, day(9), 10, { secondLook: false }))[0]?.plan).toBe(true);
  });
});

describe('reading what is due', () => {
  it('skips deleted lessons and tidyReviews removes their rows', async () => {
    await save(1);
    await save(2);
    await deleteLessons(db, [lessonId(1)]);
    expect((await dueReviews(db, day(7), 10, on)).map((d) => d.lesson.id)).toEqual([lessonId(2)]);
    expect(await countDueReviews(db, day(7), on)).toBe(1);
    expect(await tidyReviews(db, day(7))).toBe(1);
    expect(await db.reviews.get(lessonId(1))).toBeUndefined();
    expect(await db.reviews.get(lessonId(2))).toBeDefined();
  });

  it('gives at most `limit`, the longest due first', async () => {
    await save(1, day(1));
    await save(2, day(0));
    await save(3, day(2));
    expect((await dueReviews(db, day(10), 2, on)).map((d) => d.lesson.id)).toEqual([
      lessonId(2),
      lessonId(1),
    ]);
    expect(await countDueReviews(db, day(10), on)).toBe(3);
  });

  it('follows the secondLook setting when not told', async () => {
    await save(5, created, {});
    expect(await countDueReviews(db, day(15))).toBe(1);
    await comeBackItem.update((s) => ({ ...s, secondLook: false }));
    expect(await countDueReviews(db, day(15))).toBe(0);
    expect(await countDueReviews(db, day(15), on)).toBe(1);
  });

  it('a lapsed second look leaves the due index when tidied, with no overdue pile', async () => {
    await save(6, created, {});
    expect(await countDueReviews(db, day(29), on)).toBe(0);
    expect(await tidyReviews(db, day(29))).toBe(1);
    expect(await db.reviews.where('due').belowOrEqual(day(400).toISOString()).count()).toBe(0);
  });
});

describe('answering', () => {
  it('a plan answer sets the next due date by FSRS and the card leaves today’s review', async () => {
    await save(1);
    await save(2);
    expect(await answerPlan(db, lessonId(1), 'applied', day(7))).toBe(true);
    expect((await dueReviews(db, day(7), 10, on)).map((d) => d.lesson.id)).toEqual([lessonId(2)]);
    const next = (await db.reviews.get(lessonId(1)))!;
    expect(next.plan?.due).toBe(day(10).toISOString());
    expect(next.due).toBe(day(10).toISOString());
    expect(await db.reviewLog.toArray()).toMatchObject([
      { lessonId: lessonId(1), kind: 'plan', answer: 'applied' },
    ]);
  });

  it('"not yet" brings the plan back sooner than "it\'s a habit"', async () => {
    await save(1);
    await save(2);
    await answerPlan(db, lessonId(1), 'not-yet', day(7));
    await answerPlan(db, lessonId(2), 'habit', day(7));
    const [soon, late] = await db.reviews.bulkGet([lessonId(1), lessonId(2)]);
    expect(soon!.due! < late!.due!).toBe(true);
  });

  it('the second look changes the reason through an edit that keeps the earlier one', async () => {
    await save(1);
    const result = await answerSecondLook(
      db,
      lessonId(1),
      { reason: 'competitor.incumbent' },
      day(15),
    );
    expect(result.status).toBe('saved');
    const lesson = (await db.lessons.get(lessonId(1)))!;
    expect(lesson.reason).toBe('competitor.incumbent');
    expect(lesson.history).toEqual([
      { at: day(15).toISOString(), field: 'reason', previous: 'competitor.price-value' },
    ]);
    expect((await db.reviews.get(lessonId(1)))?.secondLook?.done).toBe(day(15).toISOString());
    expect(await dueReviews(db, day(15), 10, on)).toMatchObject([
      { plan: true, secondLook: false },
    ]);
    expect((await db.reviewLog.toArray()).map((e) => e.answer)).toEqual(['changed']);
    expect((await answerSecondLook(db, lessonId(1), {}, day(16))).status).toBe('not-open');
  });

  it('"it still holds" ends the second look and leaves the lesson as it was', async () => {
    const saved = await save(1, created, {});
    expect((await answerSecondLook(db, lessonId(1), {}, day(15))).status).toBe('unchanged');
    expect(await db.lessons.get(lessonId(1))).toEqual(saved);
    expect(await countDueReviews(db, day(15), on)).toBe(0);
    expect((await db.reviews.get(lessonId(1)))?.due).toBeUndefined();
  });
});

describe('snooze and retire', () => {
  it('a snoozed card comes back tomorrow; a retired one never', async () => {
    await save(1);
    await save(2);
    await snoozeReview(db, lessonId(1), 'tomorrow', day(7));
    await retireReview(db, lessonId(2), day(7));
    expect(await countDueReviews(db, day(7.5), on)).toBe(0);
    expect((await dueReviews(db, day(8), 10, on)).map((d) => d.lesson.id)).toEqual([lessonId(1)]);
    expect(await countDueReviews(db, day(300), on)).toBe(1);
    await snoozeReview(db, lessonId(1), 'next-week', day(8));
    expect(await countDueReviews(db, day(14.9), { secondLook: false })).toBe(0);
    expect(await countDueReviews(db, day(15), { secondLook: false })).toBe(1);
  });
});

describe('progress and on this day', () => {
  it('counts this month’s lessons, plans applied and days reviewed', async () => {
    const now = new Date(2026, 2, 20, 12);
    await save(1, new Date(2026, 1, 27, 12));
    await save(2, new Date(2026, 2, 3, 12));
    await save(3, new Date(2026, 2, 4, 12));
    await answerPlan(db, lessonId(1), 'applied', new Date(2026, 2, 10, 9));
    await answerPlan(db, lessonId(2), 'not-yet', new Date(2026, 2, 10, 10));
    await answerPlan(db, lessonId(3), 'habit', new Date(2026, 2, 12, 10));
    expect(await reviewProgress(db, now)).toEqual({ lessons: 2, plansApplied: 2, reviewDays: 2 });
  });

  it('finds a lesson of this day a month ago, else a year ago', async () => {
    const now = new Date(2026, 2, 20, 12);
    expect(await onThisDay(db, now)).toBeUndefined();
    await save(1, new Date(2025, 2, 20, 8));
    expect(await onThisDay(db, now)).toMatchObject({ ago: 'year', lesson: { id: lessonId(1) } });
    await save(2, new Date(2026, 1, 20, 23));
    expect(await onThisDay(db, now)).toMatchObject({ ago: 'month', lesson: { id: lessonId(2) } });
  });
});
