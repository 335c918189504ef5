import { describe, expect, it } from 'vitest';
import {
  answeredCard,
  backlogReviews,
  BACKLOG_PER_DAY,
  calendarOf,
  dueParts,
  PLAN_ANSWERS,
  ReviewSchema,
  reviewFor,
  secondLookOpen,
  snoozeUntil,
  withDue,
} from './review-schedule';

const created = '2026-03-01T09:00:00.000Z';
const day = (n: number) => new Date(Date.parse(created) + n * 24 * 3600 * 1000);
const withPlan = {
  id: '3f0e3c5e-8f7a-4d6b-9d1e-2a4b6c8d0e1f',
  createdAt: created,
  answers: { planAction: 'ask who signs' },
};
const on = { secondLook: true };

describe('a lesson under review', () => {
  it('starts with a plan review a week after the lesson and a second look from day 14', () => {
    const review = reviewFor(withPlan, day(0))!;
    expect(ReviewSchema.parse(review)).toEqual(review);
    expect(review.plan?.due).toBe(day(7).toISOString());
    expect(review.secondLook).toEqual({
      opens: day(14).toISOString(),
      closes: day(28).toISOString(),
    });
    expect(review.due).toBe(day(7).toISOString());
    expect(dueParts(review, day(6), on)).toEqual({ plan: false, secondLook: false });
    expect(dueParts(review, day(7), on)).toEqual({ plan: true, secondLook: false });
  });

  it('gives no plan review to a lesson without a plan; only its second look', () => {
    const review = reviewFor({ ...withPlan, answers: { nextTime: 'be faster' } }, day(0))!;
    expect(review.plan).toBeUndefined();
    expect(review.due).toBe(day(14).toISOString());
    // A plan of a cue alone is a plan.
    expect(
      reviewFor({ ...withPlan, answers: { planCue: 'the CFO joins' } }, day(0))?.plan,
    ).toBeDefined();
  });

  it('has nothing to review for an old lesson without a plan', () => {
    expect(reviewFor({ ...withPlan, answers: {} }, day(40))).toBeUndefined();
  });
});

describe('answering a plan review', () => {
  it('brings the plan back later the better it was applied: not yet < tried < applied < habit', () => {
    const card = reviewFor(withPlan, day(0))!.plan!;
    const now = day(8);
    const dues = PLAN_ANSWERS.map((answer) => answeredCard(card, answer, now).due);
    expect(dues.every((due) => due > now.toISOString())).toBe(true);
    expect([...dues].sort()).toEqual(dues);
    expect(new Set(dues).size).toBe(4);
    // Fuzz off and a fixed clock: the same answer gives the same day.
    expect(answeredCard(card, 'applied', now)).toEqual(answeredCard(card, 'applied', now));
    // Days, not minutes: even "not yet" comes back tomorrow at the earliest.
    expect(dues[0]).toBe(day(9).toISOString());
  });

  it('keeps the order on a later review too', () => {
    const once = answeredCard(reviewFor(withPlan, day(0))!.plan!, 'applied', day(8));
    const now = new Date(once.due);
    const dues = PLAN_ANSWERS.map((answer) => answeredCard(once, answer, now).due);
    expect([...dues].sort()).toEqual(dues);
    expect(new Set(dues).size).toBe(4);
  });
});

describe('the second look', () => {
  const look = reviewFor(withPlan, day(0))!.secondLook!;
  it('is open from day 14 until day 28, then quietly lapses', () => {
    expect(secondLookOpen(look, day(13.9))).toBe(false);
    expect(secondLookOpen(look, day(14))).toBe(true);
    expect(secondLookOpen(look, day(27.9))).toBe(true);
    expect(secondLookOpen(look, day(28))).toBe(false);
    expect(secondLookOpen({ ...look, done: day(15).toISOString() }, day(16))).toBe(false);
  });

  it('is not asked when the setting is off', () => {
    const review = reviewFor({ ...withPlan, answers: {} }, day(0))!;
    expect(dueParts(review, day(15), { secondLook: false }).secondLook).toBe(false);
    expect(dueParts(review, day(15), on).secondLook).toBe(true);
  });

  it('leaves the due index once lapsed or answered, with no plan', () => {
    const review = reviewFor({ ...withPlan, answers: {} }, day(0))!;
    expect(withDue(review, day(29)).due).toBeUndefined();
    const answered = {
      ...review,
      secondLook: { ...review.secondLook!, done: day(15).toISOString() },
    };
    expect(withDue(answered, day(15)).due).toBeUndefined();
  });
});

describe('snooze and retire', () => {
  it('moves what is due to tomorrow or next week', () => {
    expect(snoozeUntil('tomorrow', day(7)).toISOString()).toBe(day(8).toISOString());
    expect(snoozeUntil('next-week', day(7)).toISOString()).toBe(day(14).toISOString());
    const review = reviewFor(withPlan, day(0))!;
    const snoozed = withDue({ ...review, snoozedUntil: day(8).toISOString() }, day(7));
    expect(snoozed.due).toBe(day(8).toISOString());
    expect(dueParts(snoozed, day(7.5), on).plan).toBe(false);
    expect(dueParts(snoozed, day(8), on).plan).toBe(true);
  });

  it('retired: nothing is due again', () => {
    const review = withDue(
      { ...reviewFor(withPlan, day(0))!, retired: day(7).toISOString() },
      day(7),
    );
    expect(review.due).toBeUndefined();
    expect(dueParts(review, day(15), on)).toEqual({ plan: false, secondLook: false });
  });
});

describe('lessons stored before the review', () => {
  it('spreads plans already past their first review over the days from now, newest first', () => {
    const now = day(100);
    const lessons = Array.from({ length: 7 }, (_, i) => ({
      ...withPlan,
      id: `3f0e3c5e-8f7a-4d6b-9d1e-2a4b6c8d0e${10 + i}`,
      createdAt: day(i).toISOString(),
    }));
    const reviews = backlogReviews(lessons, now);
    expect(reviews.map((r) => r.lessonId)).toEqual(lessons.map((l) => l.id).reverse());
    const dues = reviews.map((r) => r.due);
    expect(dues.filter((d) => d === now.toISOString())).toHaveLength(BACKLOG_PER_DAY);
    expect(dues.at(-1)).toBe(day(102).toISOString());
    // Their second looks have long lapsed: none is made.
    expect(reviews.every((r) => r.secondLook === undefined)).toBe(true);
  });

  it('keeps a recent lesson on its own schedule', () => {
    const [review] = backlogReviews([withPlan], day(3));
    expect(review?.due).toBe(day(7).toISOString());
    expect(review?.secondLook).toBeDefined();
  });
});

describe('calendarOf', () => {
  it('finds the same day a month and a year ago, and none for a day that month lacks', () => {
    const now = new Date(2026, 2, 15, 10);
    const { monthStart, monthAgo, yearAgo } = calendarOf(now);
    expect(monthStart).toEqual(new Date(2026, 2, 1));
    expect(monthAgo).toEqual({ start: new Date(2026, 1, 15), end: new Date(2026, 1, 16) });
    expect(yearAgo).toEqual({ start: new Date(2025, 2, 15), end: new Date(2025, 2, 16) });
    expect(calendarOf(new Date(2026, 2, 31)).monthAgo).toBeUndefined();
    expect(calendarOf(new Date(2026, 0, 10)).monthAgo?.start).toEqual(new Date(2025, 11, 10));
  });
});
