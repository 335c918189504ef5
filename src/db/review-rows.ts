import type { Lesson } from '../lessons/schema';
import { backlogReviews, ReviewSchema, withPlanStarted } from '../lessons/review-schedule';
import type { ReboundDatabase } from './database';

/*
 * The review rows written where lessons are written (a saved reflection, an import, an edit):
 * call these inside the transaction that writes the lessons, with `db.reviews` in its scope, so
 * a lesson is never kept without its review or the other way round.
 */

type Scheduled = Pick<Lesson, 'id' | 'createdAt' | 'answers'>;

/**
 * Starts the reviews of lessons just stored: a new row for a lesson without one (as the
 * upgrade does for old lessons: a plan long past its first week joins the review a few a day),
 * and the plan review of a lesson whose row had none and which now has a plan.
 */
export async function addReviewsFor(
  db: ReboundDatabase,
  lessons: readonly Scheduled[],
  now: Date,
): Promise<void> {
  if (lessons.length === 0) return;
  const rows = await db.reviews.bulkGet(lessons.map((lesson) => lesson.id));
  const fresh = lessons.filter((_, i) => !rows[i]);
  const started = lessons.flatMap((lesson, i) => {
    const row = rows[i];
    const next = row && withPlanStarted(row, lesson, now);
    return next ? [next] : [];
  });
  const reviews = [...backlogReviews(fresh, now), ...started];
  await db.reviews.bulkPut(reviews.map((review) => ReviewSchema.parse(review)));
}

/** A lesson edited: when the edit gave it a plan it had not, its plan review starts. */
export async function startPlanReview(
  db: ReboundDatabase,
  lesson: Scheduled,
  now: Date,
): Promise<void> {
  const next = withPlanStarted(await db.reviews.get(lesson.id), lesson, now);
  if (next) await db.reviews.put(ReviewSchema.parse(next));
}
