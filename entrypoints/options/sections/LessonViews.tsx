import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { database } from '../../../src/db/database';
import { crmsInUse, lessonsVersion, tagsInUse } from '../../../src/db/lesson-query';
import { t } from '../../../src/i18n/t';
import {
  filterQuery,
  isFiltered,
  parseFilter,
  searchText,
} from '../../../src/lessons/lesson-filter';
import { Insights } from './Insights';
import { FilterBar } from '../../../src/ui/library/FilterBar';
import { LibraryList } from '../../../src/ui/library/LibraryList';
import {
  useLibraryResults,
  type LibraryResults,
} from '../../../src/ui/library/use-library-results';
import { useLibraryWorker, type SearchStatus } from '../../../src/ui/search/search-client';
import { useLiveQuery } from '../../../src/ui/use-live-query';
import { useTemplate } from '../../../src/ui/use-template';

/**
 * The library and Insights: one search, filters and sort (all in the URL), the count, then the
 * matching lessons in a virtual list or as charts. One component for both, so moving between
 * them keeps the library's worker and what it has read. `query` is the URL's; `onQuery` writes
 * it back (`replace` for typing).
 */
export function LessonViews({
  view,
  query,
  onQuery,
}: {
  view: 'library' | 'insights';
  query: string;
  onQuery: (query: string, replace: boolean) => void;
}) {
  const filter = useMemo(() => parseFilter(query), [query]);
  const template = useTemplate();
  // A change signal, not the table: two index reads per write (src/db/lesson-query.ts).
  const version = useLiveQuery(() => lessonsVersion(database()), []);
  // The worker reads every lesson: it starts once the first rows are shown, so its reads do
  // not queue in front of theirs (both go through the same IndexedDB backend).
  const [workerWanted, setWorkerWanted] = useState(searchText(filter) !== undefined);
  const worker = useLibraryWorker(workerWanted ? template : undefined);
  const results = useLibraryResults(
    filter,
    template,
    worker,
    version.state === 'ready' ? version.value : undefined,
  );
  useEffect(() => {
    if (results.state !== 'loading') setWorkerWanted(true);
  }, [results.state]);
  const [facets, setFacets] = useState<{ crms: string[]; tags: string[] }>({ crms: [], tags: [] });
  useEffect(() => {
    void Promise.all([crmsInUse(database()), tagsInUse(database())]).then(([crms, tags]) =>
      setFacets({ crms, tags }),
    );
  }, [version.state === 'ready' && version.value.key]);

  // The box keeps what is typed (spaces included); the URL gets it without a history step.
  const [typed, setTyped] = useState(filter.q ?? '');
  const lastWritten = useRef(filter.q ?? '');
  useEffect(() => {
    // Back, a link or a chip changed the search: the box follows.
    if ((filter.q ?? '') !== lastWritten.current.trim()) setTyped(filter.q ?? '');
  }, [filter.q]);

  const versionKey = version.state === 'ready' ? version.value.key : '';
  const current =
    results.forQuery === filterQuery(filter) && results.state === 'ready' && !results.partial;

  return (
    <div class="library">
      {view === 'library' ? (
        <h2 id="library-title">{t('library_title')}</h2>
      ) : (
        <h2 id="insights-title">{t('insights_title')}</h2>
      )}
      <div role="search" class="library-search">
        <input
          type="search"
          aria-label={t('library_search')}
          placeholder={t('library_search_placeholder')}
          value={typed}
          onInput={(e) => {
            const text = e.currentTarget.value;
            setTyped(text);
            lastWritten.current = text;
            onQuery(filterQuery({ ...filter, q: text || undefined }), true);
          }}
        />
      </div>
      {template && (
        <FilterBar
          filter={filter}
          template={template}
          crms={facets.crms}
          tags={facets.tags}
          onChange={(next) => onQuery(filterQuery(next), false)}
        />
      )}
      <p
        class="library-count"
        data-testid="library-count"
        data-state={current ? 'ready' : 'pending'}
        data-query={parseFilter(results.forQuery).q ?? ''}
        data-filter={results.forQuery}
        data-worker={worker?.status.state ?? 'starting'}
        aria-live="polite"
      >
        <CountLine results={results} filtered={isFiltered(filter)} status={worker?.status} />
      </p>
      {view === 'insights' && template && (!isFiltered(filter) || current) && (
        // Read again when the lessons change (a lesson saved in another tab).
        <Insights
          key={versionKey}
          ids={isFiltered(filter) && results.state === 'ready' ? results.ids : undefined}
        />
      )}
      {view === 'library' && results.state === 'ready' && template && (
        <LibraryList
          ids={results.ids}
          terms={results.terms}
          template={template}
          version={versionKey}
          filtered={isFiltered(filter)}
        />
      )}
    </div>
  );
}

function CountLine({
  results,
  filtered,
  status,
}: {
  results: LibraryResults;
  filtered: boolean;
  status: SearchStatus | undefined;
}) {
  if (status?.state === 'error')
    return <span class="error">{t('search_failed', status.error)}</span>;
  if (results.state === 'error')
    return <span class="error">{t('lessons_read_error', results.error)}</span>;
  const building =
    status?.state === 'building' && parseFilter(results.forQuery).q
      ? t('search_building', [count(status.done), count(status.total)])
      : '';
  if (results.state === 'loading') return <>{building || t('library_loading')}</>;
  if (results.total === undefined) return <>{t('library_loading')}</>;
  if (results.total === 0) return <>{t('library_empty')}</>;
  const line = filtered
    ? results.ids.length === 0
      ? t('library_no_match', count(results.total))
      : t('library_count_filtered', [count(results.ids.length), count(results.total)])
    : t('library_count', count(results.total));
  return <>{building ? `${line} ${building}` : line}</>;
}

const count = (n: number) => n.toLocaleString();
