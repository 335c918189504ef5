import { database } from '../../db/database';
import { LessonCatalog } from '../../lessons/lesson-catalog';
import type { LessonQuery } from '../../lessons/lesson-filter';
import type { Lesson } from '../../lessons/schema';
import { createLessonIndex, removeDocuments, searchLessons, upsertDocuments } from './lesson-index';
import { searchDocument, type SearchLabels } from './search-document';
import {
  ToSearchWorkerSchema,
  type FromSearchWorker,
  type ToSearchWorker,
} from './search-protocol';

/** Lessons read per step while building: each step is one short IndexedDB read. */
const CHUNK = 2_000;

type Port = {
  postMessage(message: FromSearchWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
};

/**
 * The library's worker: reads every lesson once, in chunks, into the search index and the
 * catalog of facets, then keeps both current and answers the library's queries. Messages are
 * handled one at a time, so a query asked while building waits for all lessons instead of
 * seeing some of them.
 */
export function serveSearch(port: Port) {
  const db = database();
  const index = createLessonIndex();
  const catalog = new LessonCatalog();
  let labels: SearchLabels = { reasons: {}, outcomes: {} };
  /** The latest `updatedAt` indexed: a refresh reads only what changed after it. */
  let seen = '';

  const add = (lessons: Lesson[]) => {
    catalog.upsert(lessons);
    upsertDocuments(
      index,
      lessons.map((lesson) => searchDocument(lesson, labels)),
    );
    for (const lesson of lessons) if (lesson.updatedAt > seen) seen = lesson.updatedAt;
  };

  const build = async () => {
    const started = performance.now();
    const total = await db.lessons.count();
    let last: string | undefined;
    let done = 0;
    for (;;) {
      const page = await (
        last === undefined ? db.lessons.orderBy(':id') : db.lessons.where(':id').above(last)
      )
        .limit(CHUNK)
        .toArray();
      if (page.length === 0) break;
      add(page);
      last = page[page.length - 1]!.id;
      done += page.length;
      port.postMessage({ type: 'progress', done, total: Math.max(total, done) });
    }
    port.postMessage({
      type: 'ready',
      count: index.documentCount,
      ms: performance.now() - started,
    });
  };

  const remove = (ids: string[]) => {
    catalog.remove(ids);
    removeDocuments(index, ids);
  };

  const refresh = async () => {
    add(await db.lessons.where('updatedAt').above(seen).toArray());
    // A deleted lesson, or one put back by an undo (with its old `updatedAt`): the count
    // tells, the keys say which. Listing every key is paid only then.
    if ((await db.lessons.count()) !== catalog.size) {
      const stored = await db.lessons.toCollection().primaryKeys();
      const kept = new Set(stored);
      remove([...catalog.ids()].filter((id) => !kept.has(id)));
      const known = new Set(catalog.ids());
      const back = await db.lessons.bulkGet(stored.filter((id) => !known.has(id)));
      add(back.filter((lesson): lesson is Lesson => lesson !== undefined));
    }
  };

  const answer = (query: LessonQuery) => {
    const hits = query.text ? searchLessons(index, query.text) : undefined;
    return {
      ids: catalog.query(query, hits?.ids).join('\n'),
      terms: hits?.terms ?? [],
      total: catalog.size,
    };
  };

  const handle = async (message: ToSearchWorker) => {
    switch (message.type) {
      case 'build':
        labels = message.labels;
        return build();
      case 'refresh':
        return refresh();
      case 'remove':
        return remove(message.ids);
      case 'query':
        // Typing outruns searching: a query overtaken by a newer one is not worth running.
        if (message.seq < latestQuery) return;
        return port.postMessage({ type: 'results', seq: message.seq, ...answer(message.query) });
    }
  };

  let queue = Promise.resolve();
  let latestQuery = -1;
  port.addEventListener('message', (event) => {
    const message = ToSearchWorkerSchema.safeParse(event.data);
    if (!message.success) return;
    if (message.data.type === 'query') latestQuery = Math.max(latestQuery, message.data.seq);
    queue = queue
      .then(() => handle(message.data))
      .catch((error: unknown) =>
        port.postMessage({
          type: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
      );
  });
}
