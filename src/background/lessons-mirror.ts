import type { ReboundDatabase } from '../db/database';
import { forEachLessonPage } from '../db/lesson-pages';
import { lessonsVersion } from '../db/lesson-query';
import type { Lesson } from '../lessons/schema';

/**
 * What the background derives from every lesson and keeps in memory (the similar-deal features,
 * the plans whose cue comes back): it takes the lessons read, and says how many it holds.
 */
export type LessonsDerived = {
  /** Forgets every lesson: a full read follows. */
  reset(): void;
  /** Takes lessons read: new ones, or new versions of ones it holds. */
  take(lessons: readonly Lesson[]): void;
  /** How many lessons it holds. */
  readonly size: number;
};

/** The stored lessons as the background keeps them in memory, for whatever derives from them. */
export type LessonsInMemory = {
  /**
   * Keeps `derived` current from now on; its `current()` resolves once `derived` (and every
   * other one kept) holds every lesson as stored at that moment.
   */
  keep(derived: LessonsDerived): { current(): Promise<void> };
};

/**
 * The background's one reader of every lesson: each open deal's page asks the similar-deal
 * matcher and the cue plans, and both derive from the same lessons, so one read feeds both (at
 * 50,000 lessons, reading them is seconds). Read in pages the first time, then brought up to date
 * by `lessonsVersion` (a count and the latest `updatedAt`), checked on each call: lessons changed
 * since are read by the `updatedAt` index alone (at the latest moment read too: a lesson written
 * in the same millisecond as the last one); a count that still differs (a lesson deleted, or
 * imported with an older date) reads everything again. One refresh at a time: two tabs asking
 * at once share it.
 */
export function lessonsInMemory(db: ReboundDatabase): LessonsInMemory {
  const kept: LessonsDerived[] = [];
  let key: string | undefined;
  let latest = '';
  let refreshing: Promise<void> | undefined;
  const take = (lessons: readonly Lesson[]) => {
    for (const lesson of lessons) if (lesson.updatedAt > latest) latest = lesson.updatedAt;
    for (const derived of kept) derived.take(lessons);
  };
  const rebuild = async () => {
    for (const derived of kept) derived.reset();
    latest = '';
    await forEachLessonPage(db, undefined, take);
  };
  const refresh = async () => {
    const version = await lessonsVersion(db);
    if (version.key === key) return;
    if (key === undefined) await rebuild();
    else {
      take(await db.lessons.where('updatedAt').aboveOrEqual(latest).toArray());
      if (kept.some((derived) => derived.size !== version.count)) await rebuild();
    }
    key = version.key;
  };
  const current = (): Promise<void> => {
    refreshing ??= refresh().finally(() => (refreshing = undefined));
    return refreshing;
  };
  return {
    keep(derived) {
      kept.push(derived);
      // Kept after the others were read: the next call reads every lesson for all of them.
      key = undefined;
      return { current };
    },
  };
}
