import { database } from '../../db/database';
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
 * The search worker: builds the index from the database in chunks, then keeps it current and
 * answers searches. Messages are handled one at a time, so a search asked while building waits
 * for the index instead of seeing half of it.
 */
export function serveSearch(port: Port) {
  const db = database();
  const index = createLessonIndex();
  let labels: SearchLabels = { reasons: {}, outcomes: {} };
  /** The latest `updatedAt` indexed: a refresh reads only what changed after it. */
  let seen = '';

  const add = (lessons: Lesson[]) => {
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

  const handle = async (message: ToSearchWorker) => {
    switch (message.type) {
      case 'build':
        labels = message.labels;
        return build();
      case 'refresh':
        return add(await db.lessons.where('updatedAt').above(seen).toArray());
      case 'remove':
        return removeDocuments(index, message.ids);
      case 'search':
        // Typing outruns searching: a search overtaken by a newer one is not worth running.
        if (message.seq < latestSearch) return;
        return port.postMessage({
          type: 'results',
          seq: message.seq,
          ...searchLessons(index, message.text),
        });
    }
  };

  let queue = Promise.resolve();
  let latestSearch = -1;
  port.addEventListener('message', (event) => {
    const message = ToSearchWorkerSchema.safeParse(event.data);
    if (!message.success) return;
    if (message.data.type === 'search') latestSearch = Math.max(latestSearch, message.data.seq);
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
