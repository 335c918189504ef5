import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReboundDatabase } from '../db/database';
import { lessonId, testLesson } from '../lessons/lesson.test-helper';
import type { Lesson } from '../lessons/schema';
import type { DetectionEntry } from '../detection/log';
import { DealMatchesSchema, type DealOpen } from '../messaging/messages';
import { comeBackItem } from '../settings/store';
import {
  NOT_HELPFUL_LIMIT,
  notHelpfulItem,
  openSimilarDeals,
  readNotHelpful,
  SIMILAR_CARDS,
  type SimilarDeals,
} from './similar-deals';
import { backgroundHandlers } from './router';
import { createTabHealth } from './tab-health';

const NOW = Date.parse('2026-03-20T12:00:00Z');

let db: ReboundDatabase;
let entries: Omit<DetectionEntry, 'at'>[];
let similar: SimilarDeals;
beforeEach(() => {
  fakeBrowser.reset();
  db = new ReboundDatabase(`test-${crypto.randomUUID()}`);
  entries = [];
  similar = openSimilarDeals({
    db,
    log: { add: (entry) => void entries.push(entry), clear: async () => {} },
    now: () => NOW,
  });
});
afterEach(async () => {
  await db.delete();
});

const lesson = (n: number, overrides: Partial<Lesson> = {}) =>
  testLesson({
    id: lessonId(n),
    dealId: `old-${n}`,
    dealName: `Old deal ${n}`,
    createdAt: `2026-02-${String(n).padStart(2, '0')}T00:00:00.000Z`,
    ...overrides,
  });

const open = (deal: Partial<DealOpen['deal']> = {}, dealId = 'open-1'): DealOpen => ({
  type: 'deal/open',
  crm: 'hubspot',
  dealId,
  dealUrl: `https://app.hubspot.com/contacts/1/record/0-3/${dealId}`,
  deal: {
    dealName: 'Northwind expansion',
    company: 'Northwind Traders',
    stage: 'Proposal',
    ...deal,
  },
});

const lastDecision = () => entries.at(-1);

describe('similar deals in the background', () => {
  it('offers the matching lessons as cards, explained, and logs the decision', async () => {
    await db.lessons.bulkAdd([
      lesson(1, {
        company: 'Northwind Traders Inc.',
        stageBefore: 'Proposal',
        reason: 'price',
        answers: { planCue: 'the buyer asks for a discount', planAction: 'offer a pilot' },
      }),
      lesson(2, { company: 'Someone else' }),
    ]);
    const matches = await similar.matchesFor(open(), 7);
    expect(DealMatchesSchema.parse(matches)).toEqual(matches);
    expect(matches!.similar).toHaveLength(1);
    expect(matches!.similar[0]).toMatchObject({
      lessonId: lessonId(1),
      dealName: 'Old deal 1',
      createdAt: '2026-02-01T00:00:00.000Z',
      why: ['same company', 'lost at Proposal once'],
      plan: expect.stringContaining('offer a pilot'),
    });
    expect(matches!.similar[0]!.reason).toMatch(/\w/);
    expect(lastDecision()).toMatchObject({
      kind: 'similar',
      crm: 'hubspot',
      dealId: 'open-1',
      tabId: 7,
      similar: 'found',
      matches: 1,
      why: ['same company', 'lost at Proposal once'],
    });
  });

  it('offers at most three cards, the best first', async () => {
    await db.lessons.bulkAdd(
      Array.from({ length: 6 }, (_, i) => lesson(i + 1, { company: 'Northwind Traders' })),
    );
    const matches = await similar.matchesFor(open());
    expect(matches!.similar.map((c) => c.lessonId)).toEqual([
      lessonId(6),
      lessonId(5),
      lessonId(4),
    ]);
    expect(SIMILAR_CARDS).toBe(3);
  });

  it('says so when nothing matches, and then finds a lesson saved since (the index refreshes)', async () => {
    await db.lessons.add(lesson(1, { company: 'Globex' }));
    expect(await similar.matchesFor(open())).toBeUndefined();
    expect(lastDecision()).toMatchObject({ similar: 'none' });
    await db.lessons.add(
      lesson(2, { company: 'Northwind Traders', updatedAt: '2026-03-01T00:00:00.000Z' }),
    );
    expect((await similar.matchesFor(open()))!.similar.map((c) => c.lessonId)).toEqual([
      lessonId(2),
    ]);
  });

  it('follows edits and deletions of lessons', async () => {
    await db.lessons.add(lesson(1, { company: 'Northwind Traders' }));
    expect((await similar.matchesFor(open()))!.similar).toHaveLength(1);
    await db.lessons.update(lessonId(1), {
      company: 'Globex',
      updatedAt: '2026-03-02T00:00:00.000Z',
    });
    expect(await similar.matchesFor(open())).toBeUndefined();
    await db.lessons.add(lesson(2, { company: 'Northwind Traders' }));
    await db.lessons.delete(lessonId(2));
    await db.lessons.add(lesson(3, { company: 'Globex' }));
    expect(await similar.matchesFor(open())).toBeUndefined();
    expect(lastDecision()).toMatchObject({ similar: 'none' });
  });

  it('never offers a lesson marked not helpful for that deal again; other deals still get it', async () => {
    await db.lessons.bulkAdd([
      lesson(1, { company: 'Northwind Traders' }),
      lesson(2, { company: 'Northwind Traders' }),
    ]);
    await similar.notHelpful({ crm: 'hubspot', dealId: 'open-1', lessonId: lessonId(2) });
    expect((await similar.matchesFor(open()))!.similar.map((c) => c.lessonId)).toEqual([
      lessonId(1),
    ]);
    const other = await similar.matchesFor(open({}, 'open-2'));
    expect(other!.similar.map((c) => c.lessonId)).toEqual([lessonId(2), lessonId(1)]);
  });

  it('keeps the not-helpful answers capped, the oldest let go, unreadable entries dropped', async () => {
    await notHelpfulItem.setValue([
      { crm: 'hubspot', dealId: 'x', lessonId: 'not-a-uuid', at: 1 },
      ...Array.from({ length: NOT_HELPFUL_LIMIT }, (_, i) => ({
        crm: 'hubspot',
        dealId: `d${i}`,
        lessonId: lessonId(1),
        at: i,
      })),
    ]);
    await similar.notHelpful({ crm: 'hubspot', dealId: 'new', lessonId: lessonId(2) });
    const kept = await readNotHelpful();
    expect(kept).toHaveLength(NOT_HELPFUL_LIMIT);
    expect(kept[0]!.dealId).toBe('d1');
    expect(kept.at(-1)).toEqual({ crm: 'hubspot', dealId: 'new', lessonId: lessonId(2), at: NOW });
  });

  it('offers nothing when switched off, everywhere or in this CRM', async () => {
    await db.lessons.add(lesson(1, { company: 'Northwind Traders' }));
    await comeBackItem.update((s) => ({ ...s, similarDeals: false }));
    expect(await similar.matchesFor(open())).toBeUndefined();
    expect(lastDecision()).toMatchObject({ similar: 'off' });
    await comeBackItem.update((s) => ({
      ...s,
      similarDeals: true,
      similarDealsOffIn: ['hubspot'],
    }));
    expect(await similar.matchesFor(open())).toBeUndefined();
    expect(lastDecision()).toMatchObject({ similar: 'off' });
    await comeBackItem.update((s) => ({ ...s, similarDealsOffIn: ['salesforce'] }));
    expect((await similar.matchesFor(open()))!.similar).toHaveLength(1);
  });

  it('offers nothing on a lost deal, nor on a won one', async () => {
    await db.lessons.add(lesson(1, { company: 'Northwind Traders' }));
    expect(await similar.matchesFor(open({ stage: 'Closed lost' }))).toBeUndefined();
    expect(lastDecision()).toMatchObject({ similar: 'lost' });
    expect(await similar.matchesFor(open({ stage: 'Closed won' }))).toBeUndefined();
    expect(lastDecision()).toMatchObject({ similar: 'won' });
    expect((await similar.matchesFor(open({ stage: 'Proposal' })))!.similar).toHaveLength(1);
  });

  it('offers this deal’s own lesson when the deal is open again, explained so', async () => {
    await db.lessons.bulkAdd([
      lesson(1, { dealId: 'open-1', company: 'Northwind Traders' }),
      lesson(2, { company: 'Northwind Traders' }),
    ]);
    const matches = await similar.matchesFor(open());
    expect(matches!.similar[0]).toMatchObject({
      lessonId: lessonId(1),
      why: ['this deal, lost before', 'same company'],
    });
  });

  it('gives the cue card of the cues helper beside the similar lessons', async () => {
    const cue = {
      lessonId: lessonId(9),
      dealName: 'Cue deal',
      createdAt: '2026-01-01T00:00:00.000Z',
      why: [],
    };
    const cueFor = vi.fn(async () => cue);
    const withCue = openSimilarDeals({
      db,
      log: { add: () => {}, clear: async () => {} },
      cueFor,
      now: () => NOW,
    });
    expect(await withCue.matchesFor(open())).toEqual({ cue, similar: [] });
    expect(cueFor).toHaveBeenCalledWith(open(), NOW);
  });

  it('does not offer the cue plan’s lesson twice, logs that the plan came back, and survives a cue that fails', async () => {
    await db.lessons.bulkAdd([
      lesson(1, { company: 'Northwind Traders' }),
      lesson(2, { company: 'Northwind Traders' }),
    ]);
    const cue = {
      lessonId: lessonId(1),
      dealName: 'Old deal 1',
      createdAt: '2026-02-01T00:00:00.000Z',
      why: ['Your plan for Proposal'],
    };
    const logged: Omit<DetectionEntry, 'at'>[] = [];
    const log = {
      add: (entry: Omit<DetectionEntry, 'at'>) => void logged.push(entry),
      clear: async () => {},
    };
    const withCue = openSimilarDeals({ db, log, cueFor: async () => cue, now: () => NOW });
    const found = await withCue.matchesFor(open());
    expect(found?.cue).toEqual(cue);
    expect(found?.similar.map((c) => c.lessonId)).toEqual([lessonId(2)]);
    expect(logged.at(-1)).toMatchObject({ similar: 'found', cuePlan: true });
    const failing = openSimilarDeals({
      db,
      log,
      cueFor: () => Promise.reject(new Error('storage full')),
      now: () => NOW,
    });
    const still = await failing.matchesFor(open());
    expect(still?.cue).toBeUndefined();
    expect(still?.similar).toHaveLength(2);
    expect(logged.at(-1)?.cuePlan).toBeUndefined();
  });
});

describe('deal/open in the router', () => {
  const handlers = () =>
    backgroundHandlers({
      db,
      losses: { observed: vi.fn(), takePending: vi.fn(), forget: vi.fn() },
      log: { add: vi.fn(), clear: vi.fn() } as never,
      health: createTabHealth(),
      recentDeals: { seen: vi.fn(), forget: vi.fn() },
      similarDeals: similar,
    });

  it('answers CRM tabs of supported CRMs only', async () => {
    await db.lessons.add(lesson(1, { company: 'Northwind Traders' }));
    const h = handlers();
    const tab = { tab: { id: 3 } as never };
    expect(await h['deal/open'](open(), {})).toMatchObject({ ok: false });
    expect(await h['deal/open']({ ...open(), crm: 'custom-1' }, tab)).toMatchObject({ ok: false });
    const reply = await h['deal/open'](open(), tab);
    expect(reply.ok && reply.data?.similar).toHaveLength(1);
  });

  it('remembers “not helpful”', async () => {
    const reply = await handlers()['similar/not-helpful'](
      { type: 'similar/not-helpful', crm: 'hubspot', dealId: 'open-1', lessonId: lessonId(1) },
      {},
    );
    expect(reply).toEqual({ ok: true });
    expect(await readNotHelpful()).toMatchObject([{ dealId: 'open-1', lessonId: lessonId(1) }]);
  });
});
