import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { LossEvent } from '../messaging/messages';
import { EMPTY_VALUES, type ReflectionValues } from '../reflection/values';
import { ReboundDatabase } from './database';
import {
  deleteDraft,
  finishReflection,
  openDraft,
  saveDraftValues,
  unfinishedDrafts,
} from './drafts';
import { claimPrompt } from './prompts';

let db: ReboundDatabase;
beforeEach(() => {
  db = new ReboundDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const loss = (overrides: Partial<LossEvent> = {}): LossEvent => ({
  lossId: crypto.randomUUID(),
  crm: 'hubspot',
  dealId: '42',
  dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/42',
  stageBefore: 'Contract sent',
  deal: { dealName: 'Acme renewal', lostReason: 'Price' },
  ...overrides,
});
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 9, minutes));

describe('openDraft', () => {
  it("creates a draft prefilled from the deal's lost reason", async () => {
    const event = loss();
    const draft = await openDraft(db, event, at(0));
    expect(draft).toEqual({
      id: event.lossId,
      loss: event,
      values: { ...EMPTY_VALUES, reason: 'competitor.price-value', confidence: 'fairly-sure' },
      createdAt: at(0).toISOString(),
      updatedAt: at(0).toISOString(),
    });
    expect(await db.drafts.get(event.lossId)).toEqual(draft);
  });

  it('starts empty when the CRM gave no reason of ours', async () => {
    const draft = await openDraft(db, loss({ deal: { dealName: 'Acme renewal' } }), at(0));
    expect(draft.values).toEqual(EMPTY_VALUES);
  });

  it('creates the draft once and keeps its answers when opened again', async () => {
    const event = loss();
    const first = await openDraft(db, event, at(0));
    const typed: ReflectionValues = {
      ...first.values,
      reason: 'no-decision.went-dark',
      answers: { planCue: 'procurement', whatHappened: 'Silence.' },
    };
    await saveDraftValues(db, event.lossId, typed, at(5));
    const again = await openDraft(db, { ...event, deal: { dealName: 'Renamed' } }, at(10));
    expect(again).toEqual({
      ...first,
      values: typed,
      updatedAt: at(5).toISOString(),
    });
    expect(await db.drafts.count()).toBe(1);
  });

  it('creates one draft when opened twice at once', async () => {
    const event = loss();
    const [a, b] = await Promise.all([openDraft(db, event, at(0)), openDraft(db, event, at(1))]);
    expect(a).toEqual(b);
    expect(await db.drafts.count()).toBe(1);
  });
});

describe('saveDraftValues', () => {
  it('stores the values and updates updatedAt only', async () => {
    const event = loss();
    await openDraft(db, event, at(0));
    const values: ReflectionValues = {
      ...EMPTY_VALUES,
      mode: 'deep',
      outcome: 'competitor',
      feeling: 3,
      answers: { luck: 'Timing.' },
    };
    await saveDraftValues(db, event.lossId, values, at(7));
    expect(await db.drafts.get(event.lossId)).toMatchObject({
      values,
      createdAt: at(0).toISOString(),
      updatedAt: at(7).toISOString(),
    });
  });

  it.each([
    ['a feeling out of range', { feeling: 9 }],
    ['an unknown mode', { mode: 'medium' }],
    ['an answer that is not text', { answers: { planCue: 42 } }],
  ])('rejects %s and keeps the draft as it was', async (_what, patch) => {
    const event = loss();
    const draft = await openDraft(db, event, at(0));
    const bad = { ...EMPTY_VALUES, ...patch } as unknown as ReflectionValues;
    await expect(saveDraftValues(db, event.lossId, bad, at(3))).rejects.toBeInstanceOf(ZodError);
    expect(await db.drafts.get(event.lossId)).toEqual(draft);
  });

  it('creates nothing for an unknown draft', async () => {
    await saveDraftValues(db, 'manual:nothing', EMPTY_VALUES, at(0));
    expect(await db.drafts.count()).toBe(0);
  });
});

describe('unfinishedDrafts', () => {
  it('lists drafts most recently changed first', async () => {
    const [a, b, c] = [loss(), loss({ dealId: '43' }), loss({ dealId: '44' })];
    await openDraft(db, a, at(0));
    await openDraft(db, b, at(1));
    await openDraft(db, c, at(2));
    await saveDraftValues(db, a.lossId, EMPTY_VALUES, at(3));
    expect((await unfinishedDrafts(db)).map((d) => d.id)).toEqual([a.lossId, c.lossId, b.lossId]);
  });

  it('is empty without drafts', async () => {
    expect(await unfinishedDrafts(db)).toEqual([]);
  });
});

describe('deleteDraft', () => {
  it('removes that draft only, and ignores an unknown id', async () => {
    const [a, b] = [loss(), loss({ dealId: '43' })];
    await openDraft(db, a, at(0));
    await openDraft(db, b, at(1));
    await deleteDraft(db, a.lossId);
    await deleteDraft(db, 'manual:nothing');
    expect((await unfinishedDrafts(db)).map((d) => d.id)).toEqual([b.lossId]);
  });
});

describe('finishReflection', () => {
  const lesson = {
    crm: 'hubspot',
    dealName: 'Acme renewal',
    outcome: 'competitor' as const,
    answers: {},
  };

  it("keeps the lesson, marks the loss's prompt saved and removes its draft", async () => {
    const event = loss();
    await claimPrompt(db, { lossId: event.lossId, crm: 'hubspot', dealId: '42' });
    await openDraft(db, event, at(0));
    await openDraft(db, loss(), at(1));
    await finishReflection(db, lesson, event.lossId);
    expect(await db.lessons.count()).toBe(1);
    expect((await db.prompts.toArray()).map((p) => p.status)).toEqual(['saved']);
    expect(await db.drafts.get(event.lossId)).toBeUndefined();
    expect(await db.drafts.count()).toBe(1);
  });

  it('keeps a lesson entered by hand, touching no prompt or draft', async () => {
    await openDraft(db, loss(), at(0));
    await finishReflection(db, lesson);
    expect(await db.lessons.count()).toBe(1);
    expect(await db.drafts.count()).toBe(1);
  });
});
