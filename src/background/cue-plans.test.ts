import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReboundDatabase } from '../db/database';
import type { DealContext } from '../lessons/deal';
import { lessonId, testLesson } from '../lessons/lesson.test-helper';
import type { Lesson } from '../lessons/schema';
import { comeBackItem, lostLabelsItem, templateItem } from '../settings/store';
import { defaultTemplateSettings } from '../lessons/template';
import {
  CUE_MEMORY_LIMIT,
  createCuePlans,
  cueMemoryItem,
  parseCueMemory,
  type CueDealOpen,
} from './cue-plans';

const NOW = Date.parse('2026-03-20T12:00:00Z');

let db: ReboundDatabase;
beforeEach(() => {
  fakeBrowser.reset();
  db = new ReboundDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

/** A lesson numbered `n` whose plan is "Next time I see `cue`, I will `action`". */
const planned = (n: number, cue: string, more: Partial<Lesson> = {}): Lesson =>
  testLesson({
    id: lessonId(n),
    dealName: `Lost deal ${n}`,
    createdAt: `2026-01-${String(n).padStart(2, '0')}T00:00:00.000Z`,
    answers: { planCue: cue, planAction: `do thing ${n}` },
    ...more,
  });

const open = (
  dealId: string,
  deal: Partial<DealContext> = {},
  stageEntered = false,
): CueDealOpen => ({
  crm: 'hubspot',
  dealId,
  deal: { dealName: `Deal ${dealId}`, ...deal },
  stageEntered,
});

const proposal = planned(1, 'a deal reach Proposal', { stageBefore: 'Negotiation' });
const rfp = planned(2, 'procurement leading the RFP');

describe('createCuePlans', () => {
  it('brings a stage plan back once when a deal enters that stage, as a card saying why', async () => {
    await db.lessons.bulkAdd([proposal, rfp]);
    const plans = createCuePlans(db);
    const card = await plans.cueFor(open('7', { stage: 'Proposal' }), NOW);
    expect(card).toEqual({
      lessonId: proposal.id,
      dealName: 'Lost deal 1',
      reason: 'Lost to a competitor',
      plan: 'Next time I see a deal reach Proposal, I will do thing 1.',
      createdAt: proposal.createdAt,
      why: ['Your plan for Proposal'],
    });
    // The same deal again, opened or changing stage: that plan was shown there.
    expect(await plans.cueFor(open('7', { stage: 'Proposal' }), NOW + 1)).toBeUndefined();
    expect(await plans.cueFor(open('7', { stage: 'Proposal' }, true), NOW + 2)).toBeUndefined();
    // Another deal entering Proposal gets it again.
    expect((await plans.cueFor(open('8', { stage: 'Proposal' }), NOW + 3))?.lessonId).toBe(
      proposal.id,
    );
  });

  it('tells the same record id apart on two CRMs', async () => {
    await db.lessons.add(proposal);
    const plans = createCuePlans(db);
    expect(await plans.cueFor(open('7', { stage: 'Proposal' }), NOW)).toBeDefined();
    const zoho = { ...open('7', { stage: 'Proposal' }), crm: 'zoho' };
    expect((await plans.cueFor(zoho, NOW))?.lessonId).toBe(proposal.id);
  });

  it('waits for the stage the cue names', async () => {
    await db.lessons.add(proposal);
    const plans = createCuePlans(db);
    expect(await plans.cueFor(open('7', { stage: 'Discovery' }), NOW)).toBeUndefined();
    expect(await plans.cueFor(open('7', { stage: 'Proposal' }, true), NOW + 1)).toBeDefined();
  });

  it('counts entering as the first look at the deal in that stage, or the page showing the change', async () => {
    const plans = createCuePlans(db);
    // Seen in Proposal before the lesson existed.
    expect(await plans.cueFor(open('7', { stage: 'Proposal' }), NOW)).toBeUndefined();
    await db.lessons.add(proposal);
    // Opened again, still in Proposal: it did not enter Proposal now.
    expect(await plans.cueFor(open('7', { stage: ' proposal ' }), NOW + 1)).toBeUndefined();
    // The page shows it moving to Proposal (again): it enters it.
    expect((await plans.cueFor(open('7', { stage: 'Proposal' }, true), NOW + 2))?.lessonId).toBe(
      proposal.id,
    );
  });

  it('brings nothing back at a lost or won stage, by the user’s own labels', async () => {
    await db.lessons.bulkAdd([
      planned(1, 'a deal reach Verloren beim Kunden'),
      planned(2, 'a deal reach Closed won'),
      planned(3, 'procurement leading the RFP'),
    ]);
    await lostLabelsItem.update(() => ['Verloren beim Kunden']);
    const plans = createCuePlans(db);
    const rfpDeal = { dealName: 'RFP from procurement, leading' };
    expect(await plans.cueFor(open('7', { ...rfpDeal, stage: 'Verloren beim Kunden' }), NOW)).toBe(
      undefined,
    );
    expect(await plans.cueFor(open('7', { ...rfpDeal, stage: 'Closed won' }), NOW)).toBe(undefined);
    // Positive control: the same deal at an open stage gets the situation plan.
    expect((await plans.cueFor(open('7', { ...rfpDeal, stage: 'Demo' }), NOW))?.lessonId).toBe(
      lessonId(3),
    );
  });

  it('brings nothing back while the setting is off, and writes nothing', async () => {
    await db.lessons.add(proposal);
    await comeBackItem.update((settings) => ({ ...settings, cuePlans: false }));
    const plans = createCuePlans(db);
    expect(await plans.cueFor(open('7', { stage: 'Proposal' }), NOW)).toBeUndefined();
    expect(await cueMemoryItem.getValue()).toBeNull();
    // Back on: the deal enters Proposal as if for the first time.
    await comeBackItem.update((settings) => ({ ...settings, cuePlans: true }));
    expect((await plans.cueFor(open('7', { stage: 'Proposal' }), NOW))?.lessonId).toBe(proposal.id);
  });

  it('brings a situation plan back when the page clearly shows it, at any open stage', async () => {
    await db.lessons.bulkAdd([rfp]);
    const plans = createCuePlans(db);
    // Half the words: not clear.
    const half = { dealName: 'Initech RFP', stage: 'Discovery' };
    expect(await plans.cueFor(open('7', half), NOW)).toBeUndefined();
    const clear = { ...half, pipeline: 'Procurement', owner: 'Leading team' };
    const card = await plans.cueFor(open('7', clear), NOW + 1);
    expect(card?.why).toEqual(['This deal shows your plan\u2019s cue: procurement, leading, RFP']);
    expect(await plans.cueFor(open('7', clear), NOW + 2)).toBeUndefined();
  });

  it('gives a stage plan before a situation plan, then the situation with more words, then the newest', async () => {
    const older = planned(3, 'a deal at the Proposal stage');
    const newer = planned(4, 'deals in proposal');
    const threeWords = planned(5, 'procurement leading the RFP');
    const twoWords = planned(9, 'an RFP from procurement');
    await db.lessons.bulkAdd([twoWords, threeWords, older, newer]);
    const plans = createCuePlans(db);
    const deal = { dealName: 'RFP, procurement leading', stage: 'Proposal' };
    const ids = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await plans.cueFor(open('7', deal, true), NOW + i))?.lessonId);
    }
    expect(ids).toEqual([newer.id, older.id, threeWords.id, twoWords.id, undefined]);
  });

  it('keeps up with lessons saved, edited and deleted since it last looked', async () => {
    const plans = createCuePlans(db);
    expect(await plans.cueFor(open('1', { stage: 'Proposal' }), NOW)).toBeUndefined();
    await db.lessons.add(proposal);
    expect((await plans.cueFor(open('2', { stage: 'Proposal' }), NOW))?.lessonId).toBe(proposal.id);
    await db.lessons.update(proposal.id, {
      answers: { planCue: 'a deal in Negotiation', planAction: 'call' },
      updatedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(await plans.cueFor(open('3', { stage: 'Proposal' }), NOW)).toBeUndefined();
    expect((await plans.cueFor(open('3', { stage: 'Negotiation' }, true), NOW))?.lessonId).toBe(
      proposal.id,
    );
    await db.lessons.delete(proposal.id);
    expect(await plans.cueFor(open('4', { stage: 'Negotiation' }), NOW)).toBeUndefined();
    // Positive control: another lesson with that cue still comes back.
    await db.lessons.add(planned(5, 'a deal in negotiation'));
    expect((await plans.cueFor(open('5', { stage: 'Negotiation' }), NOW))?.lessonId).toBe(
      lessonId(5),
    );
  });

  it('finds a lesson imported with an older date, and one saved in the same millisecond', async () => {
    await db.lessons.add(planned(20, 'deals in Negotiation'));
    const plans = createCuePlans(db);
    expect(await plans.cueFor(open('1', { stage: 'Proposal' }), NOW)).toBeUndefined();
    // An import keeps the lesson's own dates, older than any read before.
    await db.lessons.add(planned(1, 'a deal reach Proposal'));
    expect((await plans.cueFor(open('2', { stage: 'Proposal' }), NOW))?.lessonId).toBe(lessonId(1));
    // Written at the very moment of the latest lesson read.
    await db.lessons.add(
      planned(3, 'a deal in proposal', { createdAt: '2026-01-20T00:00:00.000Z' }),
    );
    expect((await plans.cueFor(open('3', { stage: 'Proposal' }), NOW))?.lessonId).toBe(lessonId(3));
  });

  it('knows stage labels from past losses, so a cue naming one waits for it', async () => {
    // "Proposal" is a stage of a past loss: the cue waits for it, even on a page whose words
    // would otherwise make it a situation.
    await db.lessons.bulkAdd([
      planned(1, 'Proposal Partners deals'),
      testLesson({ id: lessonId(2), stageBefore: 'Proposal' }),
    ]);
    const plans = createCuePlans(db);
    const partners = { dealName: 'Proposal Partners renewal', stage: 'Discovery' };
    expect(await plans.cueFor(open('7', partners), NOW)).toBeUndefined();
    expect((await plans.cueFor(open('7', { ...partners, stage: 'Proposal' }), NOW))?.why).toEqual([
      'Your plan for Proposal',
    ]);
  });

  it('shows each plan once even when two looks at a deal come at the same moment', async () => {
    await db.lessons.add(proposal);
    const plans = createCuePlans(db);
    const both = await Promise.all([
      plans.cueFor(open('7', { stage: 'Proposal' }), NOW),
      plans.cueFor(open('7', { stage: 'Proposal' }, true), NOW),
    ]);
    expect(both.filter(Boolean)).toHaveLength(1);
  });

  it('ignores lessons without a cue and shows the template’s reason label', async () => {
    const template = defaultTemplateSettings();
    template.reasons = template.reasons.map((r) =>
      r.id === 'competitor.price-value' ? { ...r, label: 'Too dear' } : r,
    );
    await templateItem.update(() => template);
    await db.lessons.bulkAdd([
      planned(1, '   ', { reason: 'competitor.price-value' }),
      testLesson({ id: lessonId(2), answers: { planAction: 'qualify Proposal harder' } }),
      planned(3, 'deals in Proposal', { reason: 'competitor.price-value' }),
    ]);
    const card = await createCuePlans(db).cueFor(open('7', { stage: 'Proposal' }), NOW);
    expect(card).toMatchObject({ lessonId: lessonId(3), reason: 'Too dear' });
  });

  it('remembers at most the newest entries', async () => {
    const old = Array.from({ length: CUE_MEMORY_LIMIT }, (_, i) => ({
      crm: 'hubspot',
      dealId: `old-${i}`,
      lessonId: proposal.id,
      at: NOW - CUE_MEMORY_LIMIT + i,
    }));
    await cueMemoryItem.setValue({ shown: old, stages: [] });
    await db.lessons.add(proposal);
    expect(await createCuePlans(db).cueFor(open('new', { stage: 'Proposal' }), NOW)).toBeDefined();
    const memory = parseCueMemory(await cueMemoryItem.getValue());
    expect(memory.shown).toHaveLength(CUE_MEMORY_LIMIT);
    expect(memory.shown.at(-1)).toMatchObject({ dealId: 'new' });
    expect(memory.shown.some((s) => s.dealId === 'old-0')).toBe(false);
    expect(memory.stages).toEqual([{ crm: 'hubspot', dealId: 'new', stage: 'proposal', at: NOW }]);
  });
});

describe('parseCueMemory', () => {
  it('keeps what parses and drops the rest', () => {
    const good = { crm: 'hubspot', dealId: '1', lessonId: lessonId(1), at: NOW };
    expect(
      parseCueMemory({ shown: [good, { ...good, lessonId: 'nope' }, 7], stages: 'x' }),
    ).toEqual({ shown: [good], stages: [] });
    expect(parseCueMemory(null)).toEqual({ shown: [], stages: [] });
    expect(parseCueMemory('junk')).toEqual({ shown: [], stages: [] });
  });
});
