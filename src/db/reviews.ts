import type { Lesson } from '../lessons/schema';
import {
  answeredCard,
  calendarOf,
  dueParts,
  ReviewLogSchema,
  ReviewSchema,
  snoozeUntil,
  withDue,
  type PlanAnswer,
  type Review,
  type ReviewLog,
  type SnoozeTarget,
} from '../lessons/review-schedule';
import { comeBackItem } from '../settings/store';
import type { ReboundDatabase } from './database';
import { editLesson, type EditResult, type LessonChanges } from './lesson-edits';

/**
 * The most due rows one read looks at. Due rows are few (a lesson's plan comes back every few
 * days at most, old lessons join a few a day): the cap only keeps a read bounded whatever is
 * stored, so the popup stays fast.
 */
const DUE_SCAN_MAX = 500;

/** A lesson under review and what of it asks now. */
export type DueReview = { review: Review; lesson: Lesson; plan: boolean; secondLook: boolean };

/** Whether second looks are asked: as told, or as the "Lessons that come back" setting says. */
async function secondLookOn(told: boolean | undefined): Promise<boolean> {
  return told ?? (await comeBackItem.load()).value.secondLook;
}

/** The rows the due index has at `now`, the longest due first (bounded). */
function dueRows(db: ReboundDatabase, now: Date): Promise<Review[]> {
  return db.reviews.where('due').belowOrEqual(now.toISOString()).limit(DUE_SCAN_MAX).toArray();
}

/**
 * The due rows of which something asks at `now` (a plan, an open second look). The rows are
 * read while the setting is, not after it.
 */
async function askingRows(db: ReboundDatabase, now: Date, told: boolean | undefined) {
  const [rows, secondLook] = await Promise.all([dueRows(db, now), secondLookOn(told)]);
  return rows.flatMap((review) => {
    const parts = dueParts(review, now, { secondLook });
    return parts.plan || parts.secondLook ? [{ review, ...parts }] : [];
  });
}

/** Which of `ids` are lessons still stored: keys only, no lesson is read. */
async function storedIds(db: ReboundDatabase, ids: string[]): Promise<Set<string>> {
  return new Set(await db.lessons.where(':id').anyOf(ids).primaryKeys());
}

/**
 * What asks at `now`, joined to the lessons, at most `limit`: only the rows that ask need their
 * lesson, read by primary key a few at a time until `limit` are found (rows of deleted lessons
 * are skipped), so the popup reads a handful of lessons however many are due.
 */
async function due(
  db: ReboundDatabase,
  now: Date,
  secondLook: boolean | undefined,
  limit: number,
): Promise<DueReview[]> {
  const asking = await askingRows(db, now, secondLook);
  const batch = limit * 2;
  const found: DueReview[] = [];
  for (let start = 0; start < asking.length && found.length < limit; start += batch) {
    const some = asking.slice(start, start + batch);
    const lessons = await db.lessons.bulkGet(some.map(({ review }) => review.lessonId));
    some.forEach((item, i) => {
      const lesson = lessons[i];
      if (lesson) found.push({ ...item, lesson });
    });
  }
  return found.slice(0, limit);
}

/**
 * The lessons due for review at `now`, the longest due first, at most `limit`: read from the
 * `due` index and the lessons by primary key, never the lessons table. Rows of deleted lessons
 * are skipped (tidyReviews removes them).
 */
export async function dueReviews(
  db: ReboundDatabase,
  now: Date,
  limit: number,
  options: { secondLook?: boolean } = {},
): Promise<DueReview[]> {
  return due(db, now, options.secondLook, limit);
}

/**
 * How many lessons are due for review at `now` (the toolbar badge), up to DUE_SCAN_MAX; rows of
 * deleted lessons are not counted.
 */
export async function countDueReviews(
  db: ReboundDatabase,
  now: Date,
  options: { secondLook?: boolean } = {},
): Promise<number> {
  const asking = await askingRows(db, now, options.secondLook);
  const kept = await storedIds(
    db,
    asking.map(({ review }) => review.lessonId),
  );
  return asking.filter(({ review }) => kept.has(review.lessonId)).length;
}

/**
 * Removes the rows of deleted lessons and takes out of the due index what no longer asks
 * (a second look that lapsed), among the due rows; returns how many rows it changed. Apart from
 * the reads, which run live and so cannot write.
 */
export function tidyReviews(db: ReboundDatabase, now: Date): Promise<number> {
  return db.transaction('rw', db.reviews, db.lessons, async () => {
    const rows = await dueRows(db, now);
    const kept = await storedIds(
      db,
      rows.map((row) => row.lessonId),
    );
    const orphans = rows.filter((row) => !kept.has(row.lessonId)).map((row) => row.lessonId);
    const moved = rows.flatMap((review) => {
      const next = kept.has(review.lessonId) && withDue(review, now);
      return next && next.due !== review.due ? [next] : [];
    });
    await db.reviews.bulkDelete(orphans);
    await db.reviews.bulkPut(moved);
    return orphans.length + moved.length;
  });
}

/** Writes a changed review (its `due` worked out again) and logs the answer, if any. */
async function update(
  db: ReboundDatabase,
  lessonId: string,
  now: Date,
  change: (review: Review) => Omit<Review, 'due'> | undefined,
  log?: Pick<ReviewLog, 'kind' | 'answer'>,
): Promise<boolean> {
  return db.transaction('rw', db.reviews, db.reviewLog, async () => {
    const review = await db.reviews.get(lessonId);
    const changed = review && change(review);
    if (!changed) return false;
    await db.reviews.put(ReviewSchema.parse(withDue(changed, now)));
    if (log) {
      const entry = { id: crypto.randomUUID(), at: now.toISOString(), lessonId, ...log };
      await db.reviewLog.add(ReviewLogSchema.parse(entry));
    }
    return true;
  });
}

/**
 * "Since then, did you apply it?": the answer sets the plan's next review (FSRS) and ends a
 * snooze. False when the lesson has no plan under review (retired, deleted meanwhile).
 */
export function answerPlan(
  db: ReboundDatabase,
  lessonId: string,
  answer: PlanAnswer,
  now = new Date(),
): Promise<boolean> {
  return update(
    db,
    lessonId,
    now,
    ({ snoozedUntil: _ended, ...review }) =>
      review.plan && !review.retired
        ? { ...review, plan: answeredCard(review.plan, answer, now) }
        : undefined,
    { kind: 'plan', answer },
  );
}

export type SecondLookResult = EditResult | { status: 'not-open' };

/**
 * "Learned anything new about why?": no changes, it still holds; else the lesson is edited
 * (src/db/lesson-edits.ts keeps what the reason and outcome were in its history). Either way the
 * second look is done, in the same transaction as the edit.
 */
export function answerSecondLook(
  db: ReboundDatabase,
  lessonId: string,
  changes: Pick<LessonChanges, 'reason' | 'outcome'>,
  now = new Date(),
): Promise<SecondLookResult> {
  return db.transaction(
    'rw',
    [db.reviews, db.reviewLog, db.lessons],
    async (): Promise<SecondLookResult> => {
      const review = await db.reviews.get(lessonId);
      if (!review?.secondLook || review.secondLook.done) return { status: 'not-open' };
      const edited = await editLesson(db, lessonId, changes, now);
      if (edited.status === 'missing' || edited.status === 'invalid') return edited;
      await update(
        db,
        lessonId,
        now,
        ({ snoozedUntil: _ended, ...rest }) => ({
          ...rest,
          secondLook: { ...rest.secondLook!, done: now.toISOString() },
        }),
        { kind: 'second-look', answer: edited.status === 'saved' ? 'changed' : 'holds' },
      );
      return edited;
    },
  );
}

/** Puts everything due of a lesson off until tomorrow or next week. */
export function snoozeReview(
  db: ReboundDatabase,
  lessonId: string,
  target: SnoozeTarget,
  now = new Date(),
): Promise<boolean> {
  return update(db, lessonId, now, (review) => ({
    ...review,
    snoozedUntil: snoozeUntil(target, now).toISOString(),
  }));
}

/** Takes a lesson out of review for good: nothing of it is due again. */
export function retireReview(
  db: ReboundDatabase,
  lessonId: string,
  now = new Date(),
): Promise<boolean> {
  return update(db, lessonId, now, (review) => ({ ...review, retired: now.toISOString() }));
}

/** This month so far: lessons written, plans applied (or a habit), days with a review answered. */
export type ReviewProgress = { lessons: number; plansApplied: number; reviewDays: number };

export async function reviewProgress(db: ReboundDatabase, now: Date): Promise<ReviewProgress> {
  const since = calendarOf(now).monthStart.toISOString();
  const [lessons, log] = await Promise.all([
    db.lessons.where('createdAt').aboveOrEqual(since).count(),
    db.reviewLog.where('at').aboveOrEqual(since).toArray(),
  ]);
  const localDay = (at: string) => new Date(at).toDateString();
  return {
    lessons,
    plansApplied: log.filter(
      (entry) => entry.kind === 'plan' && (entry.answer === 'applied' || entry.answer === 'habit'),
    ).length,
    reviewDays: new Set(log.map((entry) => localDay(entry.at))).size,
  };
}

/** A lesson written on this day a month ago (else a year ago), for one line in the popup. */
export async function onThisDay(
  db: ReboundDatabase,
  now: Date,
): Promise<{ lesson: Lesson; ago: 'month' | 'year' } | undefined> {
  const { monthAgo, yearAgo } = calendarOf(now);
  for (const [ago, day] of [
    ['month', monthAgo],
    ['year', yearAgo],
  ] as const) {
    if (!day) continue;
    const lesson = await db.lessons
      .where('createdAt')
      .between(day.start.toISOString(), day.end.toISOString(), true, false)
      .first();
    if (lesson) return { lesson, ago };
  }
  return undefined;
}
