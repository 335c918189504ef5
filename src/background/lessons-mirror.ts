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

/**
 * Keeps `derived` current with the stored lessons, cheaply: read in pages the first time it is
 * asked, then brought up to date by `lessonsVersion` (a count and the latest `updatedAt`),
 * checked on each call. Lessons changed since are read by the `updatedAt` index alone (at the
 * latest moment read too: a lesson written in the same millisecond as the last one); a count that
 * still differs (a lesson deleted, or imported with an older date) reads everything again.
 * One refresh at a time: two tabs asking at once share it.
 */
export function mirrorLessons(db: ReboundDatabase, derived: LessonsDerived) {
  let key: string | undefined;
  let latest = '';
  let refreshing: Promise<void> | undefined;
  const take = (lessons: readonly Lesson[]) => {
    for (const lesson of lessons) if (lesson.updatedAt > latest) latest = lesson.updatedAt;
    derived.take(lessons);
  };
  const rebuild = async () => {
    derived.reset();
    latest = '';
    await forEachLessonPage(db, undefined, take);
  };
  const refresh = async () => {
    const version = await lessonsVersion(db);
    if (version.key === key) return;
    if (key === undefined) await rebuild();
    else {
      take(await db.lessons.where('updatedAt').aboveOrEqual(latest).toArray());
      if (derived.size !== version.count) await rebuild();
    }
    key = version.key;
  };
  return {
    /** Resolves once `derived` holds every lesson as stored now. */
    current(): Promise<void> {
      refreshing ??= refresh().finally(() => (refreshing = undefined));
      return refreshing;
    },
  };
}
