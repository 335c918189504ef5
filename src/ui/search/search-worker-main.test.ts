import { afterEach, describe, expect, it } from 'vitest';
import { database } from '../../db/database';
import type { Lesson } from '../../lessons/schema';
import { serveSearch } from './search-worker-main';
import type { FromSearchWorker, ToSearchWorker } from './search-protocol';

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

describe('the search worker', () => {
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
    worker.send({ type: 'search', seq: 1, text: 'procurement' });
    expect((await worker.next('results')).ids).toEqual([lessons[4_321]!.id]);
    // Reason labels are searchable.
    worker.send({ type: 'search', seq: 2, text: 'price value' });
    expect((await worker.next('results')).ids).toHaveLength(4_500);
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
    worker.send({ type: 'remove', ids: [first.id] });
    worker.send({ type: 'not a message' });
    worker.send({ type: 'search', seq: 3, text: 'budget' });
    expect((await worker.next('results')).ids).toEqual([later.id]);
  });

  it('skips a search overtaken by a newer one', async () => {
    const worker = fakeWorker();
    worker.send({ type: 'build', labels: { reasons: {}, outcomes: {} } });
    worker.send({ type: 'search', seq: 1, text: 'bud' });
    worker.send({ type: 'search', seq: 2, text: 'budget' });
    const results = await worker.next('results');
    expect(results.seq).toBe(2);
    expect(worker.out.filter((m) => m.type === 'results')).toEqual([]);
  });
});
