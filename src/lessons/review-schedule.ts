import { createEmptyCard, fsrs, Rating, TypeConvert, type Card, type Grade } from 'ts-fsrs';
import { z } from 'zod';
import { PLAN_ACTION, PLAN_CUE } from './questions';
import type { Lesson } from './schema';

/*
 * Spaced review of lessons (issue #11): when a lesson's if-then plan comes back to the popup, and
 * when a loss gets its second look. Pure: every function takes the clock (`now`).
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

/** "Since then, did you apply it?", in the order the card offers them. */
export const PLAN_ANSWERS = ['not-yet', 'tried', 'applied', 'habit'] as const;
export type PlanAnswer = (typeof PLAN_ANSWERS)[number];

/**
 * The answer as an FSRS rating. "Not yet" means the situation has not come back or the plan was
 * not used: nothing was learned about remembering it, so it returns soon (Again). A habit needs
 * reminding rarely (Easy). Tried and applied sit between (Hard, Good).
 */
export const ANSWER_RATING: Record<PlanAnswer, Grade> = {
  'not-yet': Rating.Again,
  tried: Rating.Hard,
  applied: Rating.Good,
  habit: Rating.Easy,
};

/**
 * A plan's first review, after the lesson: a week gives the situation it is about (a call with
 * a CFO, a demo, a pricing talk) time to come back, so "did you apply it?" has an answer.
 */
export const FIRST_REVIEW_DAYS = 7;
/** The second look at a loss opens two weeks after it and quietly lapses at four. */
export const SECOND_LOOK_OPENS_DAYS = 14;
export const SECOND_LOOK_CLOSES_DAYS = 28;
/**
 * The plans of lessons stored before the review existed whose first review is already past
 * become due at most this many a day, newest first: no pile of overdue cards on the first day.
 */
export const BACKLOG_PER_DAY = 3;

/** Short-term (learning) steps off: a plan is reviewed in days, never minutes later. */
const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false });

const iso = z.iso.datetime();

/** An FSRS card (ts-fsrs `Card`) stored as plain JSON: dates as ISO text. */
export const PlanCardSchema = z.object({
  due: iso,
  stability: z.number().finite().nonnegative(),
  difficulty: z.number().finite().nonnegative(),
  elapsed_days: z.number().finite().nonnegative(),
  scheduled_days: z.number().finite().nonnegative(),
  learning_steps: z.number().int().nonnegative(),
  reps: z.number().int().nonnegative(),
  lapses: z.number().int().nonnegative(),
  state: z.number().int().min(0).max(3),
  last_review: iso.optional(),
});
export type PlanCard = z.infer<typeof PlanCardSchema>;

/** The second look at a loss: open from `opens` until `closes`; `done` once answered. */
export const SecondLookSchema = z.object({ opens: iso, closes: iso, done: iso.optional() });
export type SecondLook = z.infer<typeof SecondLookSchema>;

/**
 * One lesson under review, one row per lesson. `due` is the next moment anything about it is
 * due (the index the popup reads); absent when nothing is left to come back (retired, or no plan
 * and the second look answered or lapsed), so the row leaves the index.
 */
export const ReviewSchema = z.object({
  lessonId: z.uuid(),
  plan: PlanCardSchema.optional(),
  secondLook: SecondLookSchema.optional(),
  snoozedUntil: iso.optional(),
  retired: iso.optional(),
  due: iso.optional(),
});
export type Review = z.infer<typeof ReviewSchema>;

/** What kind of card an answer was given on. */
export const REVIEW_KINDS = ['plan', 'second-look'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
export const SECOND_LOOK_ANSWERS = ['holds', 'changed'] as const;

/** One answer, kept for the progress line ("review days this month", "plans applied"). */
export const ReviewLogSchema = z.object({
  id: z.uuid(),
  at: iso,
  lessonId: z.uuid(),
  kind: z.enum(REVIEW_KINDS),
  answer: z.enum([...PLAN_ANSWERS, ...SECOND_LOOK_ANSWERS]),
});
export type ReviewLog = z.infer<typeof ReviewLogSchema>;

/** Snooze choices: back tomorrow, or in a week. */
export const SNOOZE_DAYS = { tomorrow: 1, 'next-week': 7 } as const;
export type SnoozeTarget = keyof typeof SNOOZE_DAYS;

export function snoozeUntil(target: SnoozeTarget, now: Date): Date {
  return addDays(now, SNOOZE_DAYS[target]);
}

/** A lesson has a plan to review when its if-then plan has a cue or an action. */
export function hasPlan(lesson: Pick<Lesson, 'answers'>): boolean {
  return !!(lesson.answers[PLAN_CUE]?.trim() || lesson.answers[PLAN_ACTION]?.trim());
}

const toStored = (card: Card): PlanCard =>
  PlanCardSchema.parse({
    ...card,
    due: card.due.toISOString(),
    last_review: card.last_review?.toISOString(),
  });

/** A new plan card, first due `at` (a week after the lesson, or later for a backlog). */
export function newPlanCard(at: Date): PlanCard {
  return toStored(createEmptyCard(at));
}

/** The card after an answer given at `now`: FSRS sets its next due date. */
export function answeredCard(card: PlanCard, answer: PlanAnswer, now: Date): PlanCard {
  return toStored(scheduler.next(TypeConvert.card(card), now, ANSWER_RATING[answer]).card);
}

/** The second look of a loss saved at `createdAt`. */
export function secondLookOf(createdAt: Date): SecondLook {
  return {
    opens: addDays(createdAt, SECOND_LOOK_OPENS_DAYS).toISOString(),
    closes: addDays(createdAt, SECOND_LOOK_CLOSES_DAYS).toISOString(),
  };
}

/** The second look asks now: open, not answered, not lapsed. */
export function secondLookOpen(look: SecondLook | undefined, now: Date): boolean {
  const at = now.toISOString();
  return !!look && !look.done && look.opens <= at && at < look.closes;
}

/** The plan card asks now (not snoozed, not retired). */
export function planDue(review: Review, now: Date): boolean {
  const at = now.toISOString();
  return !!review.plan && !review.retired && review.plan.due <= at && !snoozed(review, now);
}

function snoozed(review: Review, now: Date): boolean {
  return !!review.snoozedUntil && review.snoozedUntil > now.toISOString();
}

/** What of a review asks now; `secondLook: false` when the setting turns second looks off. */
export function dueParts(
  review: Review,
  now: Date,
  options: { secondLook: boolean },
): { plan: boolean; secondLook: boolean } {
  if (review.retired || snoozed(review, now)) return { plan: false, secondLook: false };
  return {
    plan: planDue(review, now),
    secondLook: options.secondLook && secondLookOpen(review.secondLook, now),
  };
}

/**
 * The review with `due` set to the next moment anything about it is due, seen at `now`: the
 * plan's due date and the second look's opening (while it has not lapsed), no earlier than the
 * end of a snooze; absent when nothing is left.
 */
export function withDue(review: Omit<Review, 'due'>, now: Date): Review {
  // Worked out afresh: a stale `due` passed in is dropped.
  const rest: Review = { ...review };
  delete rest.due;
  if (rest.retired) return rest;
  const at = now.toISOString();
  const look = rest.secondLook;
  const times = [
    rest.plan?.due,
    look && !look.done && at < look.closes ? look.opens : undefined,
  ].filter((time): time is string => time !== undefined);
  if (times.length === 0) return rest;
  const next = times.sort()[0]!;
  const due = rest.snoozedUntil && rest.snoozedUntil > next ? rest.snoozedUntil : next;
  return { ...rest, due };
}

/**
 * The review a new lesson starts: a plan card a week after it when it has a plan, and a second
 * look (unless that window has already closed, for a lesson imported or stored long ago).
 * `firstDue` moves the plan's first review later (the backlog at the upgrade). Undefined when
 * nothing of the lesson will ever come back.
 */
export function reviewFor(
  lesson: Pick<Lesson, 'id' | 'createdAt' | 'answers'>,
  now: Date,
  firstDue?: Date,
): Review | undefined {
  const created = new Date(lesson.createdAt);
  const look = secondLookOf(created);
  const review = withDue(
    {
      lessonId: lesson.id,
      ...(hasPlan(lesson) && {
        plan: newPlanCard(firstDue ?? addDays(created, FIRST_REVIEW_DAYS)),
      }),
      ...(now.toISOString() < look.closes && { secondLook: look }),
    },
    now,
  );
  return review.plan || review.secondLook ? review : undefined;
}

/**
 * The review once a lesson without a plan has been given one (an edit, a newer imported copy):
 * its plan's first review a week from `now`, for the same reason as a new lesson's. Undefined
 * when nothing changes: it has a plan review already, or was retired from review.
 */
export function withPlanStarted(
  review: Review | undefined,
  lesson: Pick<Lesson, 'id' | 'createdAt' | 'answers'>,
  now: Date,
): Review | undefined {
  if (!hasPlan(lesson) || review?.plan || review?.retired) return undefined;
  const base = review ?? reviewFor({ ...lesson, answers: {} }, now) ?? { lessonId: lesson.id };
  return withDue({ ...base, plan: newPlanCard(addDays(now, FIRST_REVIEW_DAYS)) }, now);
}

/**
 * The reviews of lessons stored before reviews existed (the database upgrade): as a new lesson
 * gets, except that plans already past their first review become due from `now` on, at most
 * BACKLOG_PER_DAY a day, the newest lessons first (their situations are the likeliest to come
 * back).
 */
export function backlogReviews(
  lessons: readonly Pick<Lesson, 'id' | 'createdAt' | 'answers'>[],
  now: Date,
): Review[] {
  const newestFirst = [...lessons].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  let overdue = 0;
  return newestFirst.flatMap((lesson) => {
    const first = addDays(new Date(lesson.createdAt), FIRST_REVIEW_DAYS);
    const late = hasPlan(lesson) && first <= now;
    const firstDue = late ? addDays(now, Math.floor(overdue++ / BACKLOG_PER_DAY)) : undefined;
    const review = reviewFor(lesson, now, firstDue);
    return review ? [review] : [];
  });
}

/** One local calendar day: from `start` (midnight) to `end` (the next midnight), end excluded. */
export type DayRange = { start: Date; end: Date };

/** The start of `now`'s month and the same day a month and a year ago, in local time. */
export function calendarOf(now: Date): {
  monthStart: Date;
  monthAgo?: DayRange;
  yearAgo?: DayRange;
} {
  const dayOf = (year: number, month: number, day: number): DayRange | undefined => {
    const start = new Date(year, month, day);
    // 31 March has no "a month ago": the day does not exist, so there is nothing to show.
    if (start.getDate() !== day) return undefined;
    return { start, end: new Date(year, month, day + 1) };
  };
  const y = now.getFullYear();
  const m = now.getMonth();
  const d = now.getDate();
  return {
    monthStart: new Date(y, m, 1),
    monthAgo: dayOf(y, m - 1, d),
    yearAgo: dayOf(y - 1, m, d),
  };
}
