import Dexie, { type EntityTable } from 'dexie';
import type { Lesson } from '../lessons/schema';
import type { LossEvent, WinEvent } from '../messaging/messages';
import type { ReflectionValues } from '../lessons/values';
import type { Win } from '../lessons/win-schema';
import { PLAN_ACTION, PLAN_CUE } from '../lessons/questions';
import {
  backlogReviews,
  ReviewSchema,
  type Review,
  type ReviewLog,
} from '../lessons/review-schedule';

/** One prompt shown for one deal's loss; it stops the same loss from prompting twice. */
export type PromptRecord = {
  /** `${crm}:${dealId}` */
  key: string;
  lossId: string;
  crm: string;
  dealId: string;
  createdAt: string;
  status: 'open' | 'later' | 'saved' | 'skipped' | 'queued';
};

/** A reflection entered by hand (the reflect page): the deal its link named, if it named one. */
export type ManualDeal = { crm: string; dealId?: string; dealUrl?: string; dealName?: string };

/**
 * An unfinished reflection: the loss it is about (or, entered by hand, the deal its link named)
 * and the answers so far, saved as the user types. It outlives the tab, the browser and
 * extension updates; saving the lesson removes it. Its id is the lesson's id too, so a draft
 * gives one lesson however often it is saved.
 */
export type DraftRecord = {
  /** The loss id, or a random id for a reflection entered by hand. */
  id: string;
  values: ReflectionValues;
  createdAt: string;
  updatedAt: string;
} & ({ loss: LossEvent; manual?: undefined } | { manual: ManualDeal; loss?: undefined });

/**
 * One "what worked" capture offered for one won deal. Kept apart from the loss prompts, so a win
 * neither counts towards the daily cap nor blocks a later loss of the same deal (reopened,
 * then lost), and a loss does not block a later win.
 */
export type WinPromptRecord = {
  /** `${crm}:${dealId}` */
  key: string;
  winId: string;
  crm: string;
  dealId: string;
  createdAt: string;
  status: 'open' | 'saved' | 'dismissed';
  /**
   * The won deal as the background confirmed it, while the capture is open: the win is built
   * from this copy, never from what the CRM page sends. Not indexed, so no new version: dropped
   * once the capture is saved or let go, and absent from captures claimed before it was kept.
   */
  win?: WinEvent;
};

/**
 * Rebound's IndexedDB, in the extension's origin. Only the background, popup and options pages
 * open it: a content script opening it would create a database in the CRM's origin instead.
 *
 * Versions are append-only: a later version adds `this.version(2)…` below with its upgrade,
 * and keeps this declaration.
 */
export class ReboundDatabase extends Dexie {
  lessons!: EntityTable<Lesson, 'id'>;
  prompts!: EntityTable<PromptRecord, 'key'>;
  drafts!: EntityTable<DraftRecord, 'id'>;
  wins!: EntityTable<Win, 'id'>;
  winPrompts!: EntityTable<WinPromptRecord, 'key'>;
  reviews!: EntityTable<Review, 'lessonId'>;
  reviewLog!: EntityTable<ReviewLog, 'id'>;

  /** `now`: the clock the v5 upgrade schedules the stored lessons' reviews by (tests fix it). */
  constructor(name = 'rebound', now: () => Date = () => new Date()) {
    super(name);
    this.version(1).stores({
      lessons: 'id, createdAt, [crm+dealId]',
      prompts: 'key, createdAt, lossId',
    });
    // v2: unfinished reflections (drafts), so nothing typed is ever lost.
    this.version(2).stores({ drafts: 'id, updatedAt' });
    // v3: "what worked" notes of won deals (opt-in), and the captures offered for them.
    this.version(3).stores({
      wins: 'id, createdAt, [crm+dealId]',
      winPrompts: 'key, createdAt, winId',
    });
    // v4: the library's filters and sorts read indexes instead of the whole table. Index-only:
    // Dexie builds the new indexes from the stored lessons, nothing is rewritten. `*tags` is
    // multi-entry (one entry per tag); `answers.planAction` holds the lessons with a plan.
    this.version(4).stores({
      lessons:
        'id, createdAt, updatedAt, [crm+dealId], crm, outcome, reason, amount, *tags, answers.planAction',
    });
    // v5: spaced review (issue #11). One row per lesson under review, `due` its next moment
    // (the popup reads the few due rows by this index, never the lessons table); the log of
    // answers feeds the progress line. The stored lessons get their rows here: a plan review
    // (spread over the days from now when its first week is long past) and, for losses of
    // the last four weeks, a second look.
    this.version(5)
      .stores({ reviews: 'lessonId, due', reviewLog: 'id, at' })
      .upgrade(async (tx) => {
        const lessons: Pick<Lesson, 'id' | 'createdAt' | 'answers'>[] = [];
        // Only what scheduling needs is kept in memory, not 50,000 whole lessons.
        await tx.table<Lesson, string>('lessons').each(({ id, createdAt, answers }) => {
          const plan = {
            [PLAN_CUE]: answers[PLAN_CUE] ?? '',
            [PLAN_ACTION]: answers[PLAN_ACTION] ?? '',
          };
          lessons.push({ id, createdAt, answers: plan });
        });
        const reviews = backlogReviews(lessons, now()).map((review) => ReviewSchema.parse(review));
        await tx.table<Review, string>('reviews').bulkAdd(reviews);
      });
  }
}

let instance: ReboundDatabase | undefined;

/** The shared database, opened on first use. */
export function database(): ReboundDatabase {
  return (instance ??= new ReboundDatabase());
}
