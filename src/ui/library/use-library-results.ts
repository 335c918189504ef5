import { useLayoutEffect, useState } from 'preact/hooks';
import { database } from '../../db/database';
import { firstLessonIds, matchingLessonIds, type LessonsVersion } from '../../db/lesson-query';
import {
  filterQuery,
  isFiltered,
  toLessonQuery,
  type LessonFilter,
} from '../../lessons/lesson-filter';
import type { Template } from '../../lessons/template';
import type { LibraryWorker } from '../search/search-client';

/** Rows shown at once, read from the date index, while the worker reads the rest. */
const PREVIEW_ROWS = 100;

export type LibraryResults =
  | { state: 'loading'; forQuery: string }
  | {
      state: 'ready';
      ids: string[];
      /** Every lesson, matching or not; unknown for a moment while the first rows show. */
      total: number | undefined;
      terms: string[];
      forQuery: string;
      /** Only the first rows: the worker has not read every lesson yet. */
      partial: boolean;
    }
  | { state: 'error'; error: string; forQuery: string };

/**
 * The lessons a filter matches, found again whenever the filter or the lessons change.
 * Once the library's worker has read every lesson it answers (milliseconds at 50,000); before
 * that, the unfiltered list shows its first rows from the date index at once, a filter is
 * answered from Dexie's indexes, and a search waits for the worker. An answer overtaken by a
 * newer filter is dropped, so fast typing never shows an older result last.
 */
export function useLibraryResults(
  filter: LessonFilter,
  template: Template | undefined,
  worker: LibraryWorker | undefined,
  version: LessonsVersion | undefined,
): LibraryResults {
  const query = filterQuery(filter);
  const [results, setResults] = useState<LibraryResults>({ state: 'loading', forQuery: query });
  const workerReady = worker?.status.state === 'ready';

  // Before the query below (layout effects run in order): the worker reads what changed first,
  // or it would answer from before the change.
  useLayoutEffect(() => {
    if (version !== undefined && workerReady) worker.refresh();
  }, [version?.key, workerReady]);

  // A layout effect: the query leaves in the same task as the keystroke's render, not a frame
  // later.
  useLayoutEffect(() => {
    if (!template) return;
    const lessonQuery = toLessonQuery(filter, template);
    const datesOnly =
      !isFiltered(filter) && (lessonQuery.sort === 'newest' || lessonQuery.sort === 'oldest');
    // The first rows need no count: they do not wait for one (a count at 50,000 is 0.3 s).
    if (version === undefined && !(datesOnly && !workerReady)) return;
    if (!workerReady && lessonQuery.text) return;
    let current = true;
    void (async () => {
      try {
        const ready = (
          ids: string[],
          total: number | undefined,
          terms: string[],
          partial: boolean,
        ) => current && setResults({ state: 'ready', ids, total, terms, forQuery: query, partial });
        if (workerReady) {
          const answer = await worker.query(lessonQuery);
          return ready(answer.ids, answer.total, answer.terms, false);
        }
        if (datesOnly) {
          const sort = lessonQuery.sort as 'newest' | 'oldest';
          const first = await firstLessonIds(database(), sort, PREVIEW_ROWS);
          const total = version?.count;
          return ready(first, total, [], total === undefined || total > first.length);
        }
        ready(await matchingLessonIds(database(), lessonQuery), version!.count, [], false);
      } catch (error) {
        if (current)
          setResults({
            state: 'error',
            error: error instanceof Error ? error.message : String(error),
            forQuery: query,
          });
      }
    })();
    return () => {
      current = false;
    };
  }, [query, template, version?.key, workerReady]);

  return results;
}
