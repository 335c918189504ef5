import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { LossEvent } from '../messaging/messages';
import { EMPTY_VALUES, type ReflectionValues } from '../lessons/values';
import { ReboundDatabase } from './database';
import {
  deleteDraft,
  draftDealName,
  finishDraft,
  openDraft,
  openManualDraft,
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
    await saveDraftValues(db, event.lossId, typed, undefined, at(5));
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
    await saveDraftValues(db, event.lossId, values, undefined, at(7));
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
    await expect(saveDraftValues(db, event.lossId, bad, undefined, at(3))).rejects.toBeInstanceOf(
      ZodError,
    );
    expect(await db.drafts.get(event.lossId)).toEqual(draft);
  });

  it('creates nothing for an unknown draft, and says it is gone', async () => {
    expect(await saveDraftValues(db, crypto.randomUUID(), EMPTY_VALUES, undefined, at(0))).toEqual({
      written: false,
      why: 'gone',
    });
    expect(await db.drafts.count()).toBe(0);
  });

  it('says when it wrote, with the new revision', async () => {
    const event = loss();
    await openDraft(db, event, at(0));
    expect(await saveDraftValues(db, event.lossId, EMPTY_VALUES, undefined, at(1))).toEqual({
      written: true,
      updatedAt: at(1).toISOString(),
    });
  });

  it('refuses a write based on an older revision: another window typed since', async () => {
    const event = loss();
    await openDraft(db, event, at(0));
    const there = { ...EMPTY_VALUES, answers: { luck: 'Typed in the reflect page.' } };
    const here = { ...EMPTY_VALUES, answers: { planCue: 'Typed in the panel.' } };
    // The reflect page writes first; the panel, which never saw that revision, writes its form.
    const first = await saveDraftValues(db, event.lossId, there, undefined, at(1));
    expect(await saveDraftValues(db, event.lossId, here, undefined, at(2))).toEqual({
      written: false,
      why: 'stale',
    });
    expect((await db.drafts.get(event.lossId))?.values).toEqual(there);
    // The writer that made the revision goes on writing.
    if (!first.written) throw new Error('first write refused');
    const next = await saveDraftValues(db, event.lossId, here, first.updatedAt, at(3));
    expect(next).toEqual({ written: true, updatedAt: at(3).toISOString() });
  });

  it('gives two writes in one millisecond different revisions', async () => {
    const event = loss();
    await openDraft(db, event, at(0));
    const first = await saveDraftValues(db, event.lossId, EMPTY_VALUES, undefined, at(0));
    expect(first.written && first.updatedAt).not.toBe(at(0).toISOString());
  });
});

describe('unfinishedDrafts', () => {
  it('lists drafts most recently changed first', async () => {
    const [a, b, c] = [loss(), loss({ dealId: '43' }), loss({ dealId: '44' })];
    await openDraft(db, a, at(0));
    await openDraft(db, b, at(1));
    await openDraft(db, c, at(2));
    await saveDraftValues(db, a.lossId, EMPTY_VALUES, undefined, at(3));
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
    await deleteDraft(db, crypto.randomUUID());
    expect((await unfinishedDrafts(db)).map((d) => d.id)).toEqual([b.lossId]);
  });
});

describe('openManualDraft', () => {
  it('starts a draft for the deal a link named, its name and company filled in', async () => {
    const deal = {
      crm: 'hubspot',
      dealId: '42',
      dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/42',
      dealName: 'Acme renewal',
      company: 'Acme',
    };
    const draft = await openManualDraft(db, deal, at(0));
    expect(draft).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      manual: { crm: 'hubspot', dealId: '42', dealUrl: deal.dealUrl, dealName: 'Acme renewal' },
      values: { ...EMPTY_VALUES, dealName: 'Acme renewal', company: 'Acme' },
      createdAt: at(0).toISOString(),
      updatedAt: at(0).toISOString(),
    });
    expect(await db.drafts.get(draft.id)).toEqual(draft);
  });

  it('starts an empty one for no deal, a new one each time', async () => {
    const [a, b] = [await openManualDraft(db, undefined), await openManualDraft(db, undefined)];
    expect(a.manual).toEqual({ crm: 'manual' });
    expect(a.values).toEqual(EMPTY_VALUES);
    expect(a.id).not.toBe(b.id);
  });
});

describe('draftDealName', () => {
  it("is the page's name for a loss, what was typed (else the link's) by hand", async () => {
    expect(draftDealName(await openDraft(db, loss(), at(0)))).toBe('Acme renewal');
    const manual = await openManualDraft(db, undefined);
    expect(draftDealName(manual)).toBeUndefined();
    expect(draftDealName({ ...manual, values: { ...manual.values, dealName: ' Globex ' } })).toBe(
      'Globex',
    );
  });
});

describe('finishDraft', () => {
  const lesson = {
    crm: 'hubspot',
    dealName: 'Acme renewal',
    outcome: 'competitor' as const,
    answers: {},
  };
  const build =
    (answers: Record<string, string> = {}) =>
    () =>
      ({ ok: true, lesson: { ...lesson, answers } }) as const;

  /** A prompted loss with its claim and draft, as the background leaves them. */
  async function prompted() {
    const event = loss();
    await claimPrompt(db, { lossId: event.lossId, crm: 'hubspot', dealId: '42' });
    await openDraft(db, event, at(0));
    return event;
  }

  it("keeps the lesson under the draft's id, marks the prompt saved and removes the draft", async () => {
    const event = await prompted();
    const other = await openDraft(db, loss({ dealId: '43' }), at(1));
    expect(await finishDraft(db, event.lossId, build(), at(2))).toEqual({
      saved: true,
      lessonId: event.lossId,
      alreadySaved: false,
    });
    expect(await db.lessons.get(event.lossId)).toMatchObject({
      ...lesson,
      createdAt: at(2).toISOString(),
    });
    expect((await db.prompts.toArray()).map((p) => p.status)).toEqual(['saved']);
    expect((await db.drafts.toArray()).map((d) => d.id)).toEqual([other.id]);
  });

  it('gives one lesson when the same draft is saved twice, the first kept', async () => {
    const event = await prompted();
    await finishDraft(db, event.lossId, build({ planCue: 'first' }), at(2));
    expect(await finishDraft(db, event.lossId, build({ planCue: 'second' }), at(3))).toEqual({
      saved: true,
      lessonId: event.lossId,
      alreadySaved: true,
    });
    expect((await db.lessons.toArray()).map((l) => l.answers)).toEqual([{ planCue: 'first' }]);
  });

  it('gives one lesson when the same draft is saved twice at once', async () => {
    const event = await prompted();
    const results = await Promise.all([
      finishDraft(db, event.lossId, build({ planCue: 'panel' })),
      finishDraft(db, event.lossId, build({ planCue: 'reflect page' })),
    ]);
    expect(results.map((r) => r?.saved && r.alreadySaved).sort()).toEqual([false, true]);
    expect(await db.lessons.count()).toBe(1);
  });

  it('writes nothing when a write fails part way: the draft stays, no lesson', async () => {
    const event = await prompted();
    // The prompt's status is the second of the three writes.
    db.prompts.hook('updating', () => {
      throw new Error('disk gone');
    });
    await expect(finishDraft(db, event.lossId, build())).rejects.toThrow('disk gone');
    expect(await db.lessons.count()).toBe(0);
    expect(await db.drafts.get(event.lossId)).toMatchObject({ id: event.lossId });
    expect((await db.prompts.toArray()).map((p) => p.status)).toEqual(['open']);
  });

  it('writes nothing when the lesson cannot be built, and says why', async () => {
    const event = await prompted();
    const refuse = () => ({ ok: false, error: 'Choose how the deal ended' }) as const;
    expect(await finishDraft(db, event.lossId, refuse)).toEqual({
      saved: false,
      problem: 'Choose how the deal ended',
    });
    expect(await db.lessons.count()).toBe(0);
    expect(await db.drafts.count()).toBe(1);
  });

  it('finishes a reflection entered by hand the same way', async () => {
    const draft = await openManualDraft(db, undefined);
    await finishDraft(db, draft.id, build());
    await finishDraft(db, draft.id, build());
    expect((await db.lessons.toArray()).map((l) => l.id)).toEqual([draft.id]);
    expect(await db.drafts.count()).toBe(0);
  });

  it('is undefined for a draft that is gone with no lesson of it (skipped)', async () => {
    const event = await prompted();
    await deleteDraft(db, event.lossId);
    expect(await finishDraft(db, event.lossId, build())).toBeUndefined();
    expect(await db.lessons.count()).toBe(0);
  });
});
