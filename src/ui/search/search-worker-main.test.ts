import { afterEach, describe, expect, it } from 'vitest';
import { database } from '../../db/database';
import type { Lesson } from '../../lessons/schema';
import { serveSearch } from './search-worker-main';
import type { FromSearchWorker, ToSearchWorker } from './search-protocol';
import { EMPTY_FILTER, toLessonQuery } from '../../lessons/lesson-filter';
import { resolveTemplate } from '../../lessons/template';

const template = resolveTemplate(undefined);
const query = (seq: number, q: string, filter = {}) => ({
  type: 'query' as const,
  seq,
  query: toLessonQuery({ ...EMPTY_FILTER, ...filter, q }, template),
});

const lesson = (n: number, answer: string, updatedAt = '2026-01-01T00:00:00.000Z'): Lesson => ({
  id: crypto.randomUUID(),
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt,
  schemaVersion: 1,
  crm: 'hubspot',
  dealName: `Deal ${n}`,
  outcome: 'competitor',
  reason: 'competitor.price-value',
  answers: { whatHappened: answer },
});

/** The ids of a results message (one per line). */
const idsOf = (results: { ids: string }) => (results.ids ? results.ids.split('\n') : []);

/** The worker's side of the page, in the same thread: messages in, messages out. */
function fakeWorker() {
  const out: FromSearchWorker[] = [];
  let listener: ((event: MessageEvent) => void) | undefined;
  serveSearch({
    postMessage: (message) => out.push(message),
    addEventListener: (_type, l) => (listener = l),
  });
  const send = (message: ToSearchWorker | unknown) => listener!({ data: message } as MessageEvent);
  const next = async <T extends FromSearchWorker['type']>(type: T) => {
    for (let i = 0; i < 200; i++) {
      const found = out.find((m) => m.type === type);
      if (found) {
        out.splice(out.indexOf(found), 1);
        return found as Extract<FromSearchWorker, { type: T }>;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`no ${type} message`);
  };
  return { send, next, out };
}

afterEach(async () => {
  await database().lessons.clear();
});

describe('the library worker', () => {
  it('indexes every lesson in chunks, with progress, then answers searches', async () => {
    const lessons = Array.from({ length: 4_500 }, (_, i) =>
      lesson(i, i === 4_321 ? 'The procurement team ran it.' : 'They chose Globex.'),
    );
    await database().lessons.bulkAdd(lessons);
    const worker = fakeWorker();
    worker.send({
      type: 'build',
      labels: { reasons: { 'competitor.price-value': 'Price / value' }, outcomes: {} },
    });
    expect(await worker.next('progress')).toEqual({ type: 'progress', done: 2_000, total: 4_500 });
    expect((await worker.next('ready')).count).toBe(4_500);
    worker.send(query(1, 'procurement'));
    expect(idsOf(await worker.next('results'))).toEqual([lessons[4_321]!.id]);
    // Reason labels are searchable.
    worker.send(query(2, 'price value'));
    expect(idsOf(await worker.next('results'))).toHaveLength(4_500);
    // Facets narrow the words, and the total counts every lesson.
    worker.send(query(3, 'procurement', { crm: ['pipedrive'] }));
    expect(await worker.next('results')).toMatchObject({ ids: '', total: 4_500 });
  });

  it('picks up lessons written after the build, forgets deleted ones, ignores junk', async () => {
    const first = lesson(1, 'Budget was cut.');
    await database().lessons.add(first);
    const worker = fakeWorker();
    worker.send({ type: 'build', labels: { reasons: {}, outcomes: {} } });
    await worker.next('ready');
    const later = lesson(2, 'Budget moved to next year.', '2026-02-01T00:00:00.000Z');
    await database().lessons.add(later);
    worker.send({ type: 'refresh' });
    // This page deleted one: the database first, then the worker is told.
    await database().lessons.delete(first.id);
    worker.send({ type: 'remove', ids: [first.id] });
    worker.send({ type: 'not a message' });
    worker.send(query(3, 'budget'));
    expect(idsOf(await worker.next('results'))).toEqual([later.id]);
    // Deleted in the database and put back by an undo, with its old `updatedAt`.
    await database().lessons.delete(later.id);
    worker.send({ type: 'refresh' });
    worker.send(query(4, 'budget'));
    expect(idsOf(await worker.next('results'))).toEqual([]);
    await database().lessons.bulkPut([first, later]);
    worker.send({ type: 'refresh' });
    worker.send(query(5, 'budget'));
    expect(idsOf(await worker.next('results')).sort()).toEqual([first.id, later.id].sort());
  });

  it('skips a search overtaken by a newer one', async () => {
    const worker = fakeWorker();
    worker.send({ type: 'build', labels: { reasons: {}, outcomes: {} } });
    worker.send(query(1, 'bud'));
    worker.send(query(2, 'budget'));
    const results = await worker.next('results');
    expect(results.seq).toBe(2);
    expect(worker.out.filter((m) => m.type === 'results')).toEqual([]);
  });
});
