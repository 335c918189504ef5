import { useEffect, useState } from 'preact/hooks';
import { outcomeLabel, OUTCOME_IDS } from '../../lessons/outcomes';
import type { Template } from '../../lessons/template';
import { t } from '../../i18n/t';
import type { LessonQuery } from '../../lessons/lesson-filter';
import type { SearchLabels } from './search-document';
import { FromSearchWorkerSchema, type ToSearchWorker } from './search-protocol';

export type SearchStatus =
  | { state: 'building'; done: number; total: number }
  | { state: 'ready'; count: number }
  | { state: 'error'; error: string };

/** The words search reads for reasons and outcomes, in the user's template and language. */
export function searchLabels(template: Template): SearchLabels {
  return {
    reasons: Object.fromEntries(Object.values(template.reasons).map((r) => [r.id, r.label])),
    outcomes: Object.fromEntries(OUTCOME_IDS.map((id) => [id, outcomeLabel(id)])),
  };
}

export type WorkerAnswer = { ids: string[]; terms: string[]; total: number };

export type LibraryWorker = {
  status: SearchStatus;
  /** The lessons a query matches; a query overtaken by a newer one never resolves. */
  query(query: LessonQuery): Promise<WorkerAnswer>;
  /** Index what changed in the database since the last read. */
  refresh(): void;
  remove(ids: string[]): void;
};

/**
 * The options page's side of the library's worker (search index and facet catalog): one worker
 * for the page's life, started when the template is known (reason labels are indexed).
 */
export function useLibraryWorker(template: Template | undefined): LibraryWorker | undefined {
  const [search, setSearch] = useState<LibraryWorker>();
  const ready = template !== undefined;
  useEffect(() => {
    if (!template) return;
    const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
    const send = (message: ToSearchWorker) => worker.postMessage(message);
    const pending = new Map<number, (answer: WorkerAnswer) => void>();
    let seq = 0;
    let status: SearchStatus = { state: 'building', done: 0, total: 0 };
    const publish = () =>
      setSearch({
        status,
        query: (query) =>
          new Promise((resolve) => {
            // Only the newest query is answered; older promises are let go.
            pending.clear();
            pending.set(++seq, resolve);
            send({ type: 'query', seq, query });
          }),
        refresh: () => send({ type: 'refresh' }),
        remove: (ids) => send({ type: 'remove', ids }),
      });
    worker.addEventListener('message', (event) => {
      const message = FromSearchWorkerSchema.safeParse(event.data);
      if (!message.success) return;
      const data = message.data;
      if (data.type === 'results') {
        pending.get(data.seq)?.({
          ids: data.ids ? data.ids.split('\n') : [],
          terms: data.terms,
          total: data.total,
        });
        pending.delete(data.seq);
        return;
      }
      status =
        data.type === 'progress'
          ? { state: 'building', done: data.done, total: data.total }
          : data.type === 'ready'
            ? { state: 'ready', count: data.count }
            : { state: 'error', error: data.message };
      publish();
    });
    worker.addEventListener('error', (event) => {
      status = { state: 'error', error: event.message || t('search_worker_stopped') };
      publish();
    });
    publish();
    send({ type: 'build', labels: searchLabels(template) });
    return () => worker.terminate();
    // The worker indexes the labels it was started with; a renamed reason is picked up on the
    // next visit rather than by rebuilding 50,000 documents mid-session.
  }, [ready]);
  return search;
}
