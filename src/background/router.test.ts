import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReboundDatabase } from '../db/database';
import { openDraft } from '../db/drafts';
import { claimPrompt } from '../db/prompts';
import { claimWinPrompt } from '../db/wins';
import {
  BackgroundReplies,
  ToBackgroundSchema,
  type LossEvent,
  type ToBackground,
  type WinEvent,
} from '../messaging/messages';
import type { BackgroundHandlers, Sender } from '../messaging/transport';
import { EMPTY_VALUES, type ReflectionValues } from '../lessons/values';
import { backgroundHandlers } from './router';
import { createTabHealth } from './tab-health';

let db: ReboundDatabase;
let handlers: BackgroundHandlers;
beforeEach(() => {
  fakeBrowser.reset();
  db = new ReboundDatabase(`test-${crypto.randomUUID()}`);
  handlers = backgroundHandlers({
    db,
    losses: { observed: vi.fn(), takePending: vi.fn(), forget: vi.fn() },
    log: { add: vi.fn(), clear: vi.fn(async () => {}) } as never,
    health: createTabHealth(),
    recentDeals: { seen: vi.fn(async () => {}), forget: vi.fn(async () => {}) },
    similarDeals: { matchesFor: vi.fn(async () => undefined), notHelpful: vi.fn(async () => {}) },
  });
});
afterEach(async () => {
  await db.delete();
});

const CRM_TAB: Sender = { tab: { id: 7 } as never, url: 'https://app.hubspot.com/contacts/1' };
const REFLECT_PAGE: Sender = { url: 'chrome-extension://test-extension-id/reflect.html' };

/** Sends `message` the way the listener does: parsed by the schema first, then handled. */
async function send<M extends ToBackground>(message: M, sender: Sender = CRM_TAB) {
  const parsed = ToBackgroundSchema.parse(message) as M;
  const handle = handlers[parsed.type] as (
    m: M,
    s: Sender,
  ) => ReturnType<(typeof handlers)[M['type']]>;
  const reply = await handle(parsed, sender);
  // What the handler answered is what the sender's reply schema reads.
  if (reply.ok) BackgroundReplies[parsed.type].parse(reply.data);
  return reply;
}

const loss = (): LossEvent => ({
  lossId: crypto.randomUUID(),
  crm: 'hubspot',
  dealId: '42',
  dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/42',
  stageBefore: 'Contract sent',
  deal: { dealName: 'Acme renewal', amount: 12_500, currency: 'EUR', company: 'Acme' },
});
const answered: ReflectionValues = {
  ...EMPTY_VALUES,
  outcome: 'competitor',
  answers: { planCue: 'a pilot', planAction: 'agree criteria' },
};

async function prompted(): Promise<LossEvent> {
  const event = loss();
  await claimPrompt(db, { lossId: event.lossId, crm: event.crm, dealId: event.dealId });
  await openDraft(db, event);
  return event;
}

describe('lesson/save', () => {
  it("builds the lesson from the background's own copy of the loss, not the sender's", async () => {
    const event = await prompted();
    const reply = await send({
      type: 'lesson/save',
      draftId: event.lossId,
      values: { ...answered, dealName: 'Forged name', company: 'Forged company' },
    });
    expect(reply).toEqual({
      ok: true,
      data: { saved: true, lessonId: event.lossId, alreadySaved: false },
    });
    expect(await db.lessons.toArray()).toEqual([
      expect.objectContaining({
        id: event.lossId,
        crm: 'hubspot',
        dealId: '42',
        dealUrl: event.dealUrl,
        dealName: 'Acme renewal',
        company: 'Acme',
        amount: 12_500,
        currency: 'EUR',
        stageBefore: 'Contract sent',
        outcome: 'competitor',
        templateVersion: 2,
        answers: answered.answers,
      }),
    ]);
    expect((await db.prompts.toArray()).map((p) => p.status)).toEqual(['saved']);
    expect(await db.drafts.count()).toBe(0);
  });

  it.each([
    ['a lesson', { lesson: { crm: 'hubspot', dealName: 'Forged', outcome: 'other', answers: {} } }],
    ['deal fields', { deal: { dealName: 'Forged', amount: 1 } }],
    ['a loss id', { lossId: crypto.randomUUID() }],
  ])('refuses a message that carries %s beside the answers', (_what, extra) => {
    const message = { type: 'lesson/save', draftId: crypto.randomUUID(), values: answered };
    expect(ToBackgroundSchema.safeParse(message).success).toBe(true);
    expect(ToBackgroundSchema.safeParse({ ...message, ...extra }).success).toBe(false);
  });

  it('gives one lesson when saved twice, and says the second was already saved', async () => {
    const event = await prompted();
    await send({ type: 'lesson/save', draftId: event.lossId, values: answered });
    const again = await send({
      type: 'lesson/save',
      draftId: event.lossId,
      values: { ...answered, outcome: 'no-decision' },
    });
    expect(again).toEqual({
      ok: true,
      data: { saved: true, lessonId: event.lossId, alreadySaved: true },
    });
    expect((await db.lessons.toArray()).map((l) => l.outcome)).toEqual(['competitor']);
  });

  it('answers a missing answer in words, keeping the draft', async () => {
    const event = await prompted();
    const reply = await send({ type: 'lesson/save', draftId: event.lossId, values: EMPTY_VALUES });
    expect(reply).toEqual({
      ok: true,
      data: { saved: false, problem: 'Choose how the deal ended' },
    });
    expect(await db.lessons.count()).toBe(0);
    expect(await db.drafts.count()).toBe(1);
  });

  it('says a reflection that was skipped is gone, as an answer rather than a failure', async () => {
    const event = await prompted();
    await send({ type: 'prompt/skip', lossId: event.lossId });
    expect(await send({ type: 'lesson/save', draftId: event.lossId, values: answered })).toEqual({
      ok: true,
      data: {
        saved: false,
        problem: expect.stringMatching(
          /^This reflection was already saved or skipped in another window/,
        ),
      },
    });
    expect(await db.lessons.count()).toBe(0);
  });

  it('answers a failed write with what to do, keeping the draft', async () => {
    const event = await prompted();
    db.lessons.hook('creating', () => {
      throw Object.assign(new Error('over quota'), { name: 'QuotaExceededError' });
    });
    const reply = await send({ type: 'lesson/save', draftId: event.lossId, values: answered });
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('no room left') });
    expect(await db.drafts.count()).toBe(1);
  });

  it('saves a reflection entered by hand once, with the deal as typed', async () => {
    const started = await send(
      {
        type: 'draft/new',
        deal: {
          crm: 'hubspot',
          dealId: '9',
          dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/9',
          dealName: 'Globex',
        },
      },
      REFLECT_PAGE,
    );
    if (!started.ok) throw new Error(started.error);
    const { draftId } = started.data;
    const values = { ...answered, dealName: 'Globex — pilot', company: 'Globex' };
    await send({ type: 'lesson/save', draftId, values }, REFLECT_PAGE);
    await send({ type: 'lesson/save', draftId, values }, REFLECT_PAGE);
    expect(await db.lessons.toArray()).toEqual([
      expect.objectContaining({
        id: draftId,
        crm: 'hubspot',
        dealId: '9',
        dealName: 'Globex — pilot',
        company: 'Globex',
      }),
    ]);
  });
});

describe('draft/save', () => {
  it('writes the answers to the draft, and answers its new revision', async () => {
    const event = await prompted();
    const reply = await send({ type: 'draft/save', draftId: event.lossId, values: answered });
    expect(reply).toEqual({ ok: true, data: { written: true, updatedAt: expect.any(String) } });
    expect((await db.drafts.get(event.lossId))?.values).toEqual(answered);
  });

  it('refuses, as stale, a write based on a revision another window has replaced', async () => {
    const event = await prompted();
    const there = { ...answered, answers: { luck: 'Typed in the reflect page.' } };
    await send({ type: 'draft/save', draftId: event.lossId, values: there }, REFLECT_PAGE);
    // The panel never saw that revision: its whole form would erase the reflect page's text.
    const reply = await send({ type: 'draft/save', draftId: event.lossId, values: answered });
    expect(reply).toEqual({ ok: true, data: { written: false, why: 'stale' } });
    expect((await db.drafts.get(event.lossId))?.values).toEqual(there);
  });

  it('says, for good, when there is no such draft any more', async () => {
    const reply = await send({
      type: 'draft/save',
      draftId: crypto.randomUUID(),
      values: answered,
    });
    expect(reply).toEqual({ ok: true, data: { written: false, why: 'gone' } });
  });

  it('answers a failed write with what to do', async () => {
    const event = await prompted();
    db.drafts.hook('updating', () => {
      throw Object.assign(new Error('closed'), { name: 'DatabaseClosedError' });
    });
    const reply = await send({ type: 'draft/save', draftId: event.lossId, values: answered });
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('Reload this page') });
  });

  it('refuses answers over the limit whole (the form stops typing before them)', () => {
    const over = { ...answered, answers: { planCue: 'x'.repeat(20_001) } };
    const message = { type: 'draft/save', draftId: crypto.randomUUID(), values: over };
    expect(ToBackgroundSchema.safeParse(message).success).toBe(false);
  });
});

const wonDeal = (): WinEvent => ({
  winId: crypto.randomUUID(),
  crm: 'hubspot',
  dealId: '42',
  dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/42',
  stageBefore: 'Contract sent',
  deal: { dealName: 'Acme renewal', amount: 12_500, currency: 'EUR', company: 'Acme' },
});
const worked = { difference: 'A mutual close plan', nearlyLost: 'Legal review' };

/** A win the background asked about: its capture claimed with the won deal as confirmed. */
async function askedAboutWin(): Promise<WinEvent> {
  const event = wonDeal();
  await claimWinPrompt(db, event);
  return event;
}

describe('win/save', () => {
  it("builds the win from the background's own copy of the won deal, and marks it saved", async () => {
    const event = await askedAboutWin();
    expect(
      await send({ type: 'win/save', winId: event.winId, answers: worked, done: true }),
    ).toEqual({ ok: true });
    expect(await db.wins.toArray()).toEqual([
      expect.objectContaining({
        id: event.winId,
        crm: 'hubspot',
        dealId: '42',
        dealUrl: event.dealUrl,
        dealName: 'Acme renewal',
        company: 'Acme',
        amount: 12_500,
        currency: 'EUR',
        stageBefore: 'Contract sent',
        answers: worked,
      }),
    ]);
    expect((await db.winPrompts.toArray()).map((p) => p.status)).toEqual(['saved']);
  });

  it.each([
    ['a win', { win: { crm: 'hubspot', dealName: 'Forged', answers: {} } }],
    ['deal fields', { deal: { dealName: 'Forged', amount: 1 }, dealUrl: 'https://forged.test/' }],
    ['a deal name', { dealName: 'Forged' }],
  ])('refuses a message that carries %s beside the answers', (_what, extra) => {
    const message = { type: 'win/save', winId: crypto.randomUUID(), answers: worked, done: false };
    expect(ToBackgroundSchema.safeParse(message).success).toBe(true);
    expect(ToBackgroundSchema.safeParse({ ...message, ...extra }).success).toBe(false);
  });

  it('keeps the answers as they are typed, and gives one win when saved twice', async () => {
    const event = await askedAboutWin();
    const save = (answers: Record<string, string>, done: boolean) =>
      send({ type: 'win/save', winId: event.winId, answers, done });
    await save({ difference: 'A mutual' }, false);
    expect((await db.winPrompts.toArray()).map((p) => p.status)).toEqual(['open']);
    await save(worked, true);
    expect(await save({ difference: 'a double click' }, true)).toEqual({ ok: true });
    expect((await db.wins.toArray()).map((w) => [w.id, w.answers])).toEqual([
      [event.winId, worked],
    ]);
  });

  it('answers a failed write with what to do, keeping what was kept before', async () => {
    const event = await askedAboutWin();
    await send({ type: 'win/save', winId: event.winId, answers: worked, done: false });
    db.wins.hook('updating', () => {
      throw Object.assign(new Error('over quota'), { name: 'QuotaExceededError' });
    });
    const reply = await send({
      type: 'win/save',
      winId: event.winId,
      answers: { difference: 'more' },
      done: true,
    });
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('no room left') });
    expect((await db.wins.toArray()).map((w) => w.answers)).toEqual([worked]);
    expect((await db.winPrompts.toArray()).map((p) => p.status)).toEqual(['open']);
  });

  it('says a win that was let go has nothing to save it under', async () => {
    const event = await askedAboutWin();
    expect(await send({ type: 'win/dismiss', winId: event.winId })).toEqual({ ok: true });
    expect(
      await send({ type: 'win/save', winId: event.winId, answers: worked, done: false }),
    ).toEqual({
      ok: false,
      error: 'This win was already let go, so there is nothing to save it under.',
    });
    expect(await db.wins.count()).toBe(0);
    expect((await db.winPrompts.toArray()).map((p) => p.status)).toEqual(['dismissed']);
  });
});

describe('win/dismiss', () => {
  it('lets the capture go and removes what was kept while typing, in one step', async () => {
    const event = await askedAboutWin();
    await send({ type: 'win/save', winId: event.winId, answers: worked, done: false });
    db.wins.hook('deleting', () => {
      throw Object.assign(new Error('closed'), { name: 'DatabaseClosedError' });
    });
    const reply = await send({ type: 'win/dismiss', winId: event.winId });
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('Reload this page') });
    // Neither happened: the capture is still open, with what was written.
    expect((await db.winPrompts.toArray()).map((p) => p.status)).toEqual(['open']);
    expect(await db.wins.count()).toBe(1);
  });
});

describe('draft/discard', () => {
  it('lets a reflection entered by hand go, from the reflect page', async () => {
    const reply = await send({ type: 'draft/new' }, REFLECT_PAGE);
    if (!reply.ok) throw new Error(reply.error);
    const { draftId } = reply.data;
    expect(await send({ type: 'draft/discard', draftId }, REFLECT_PAGE)).toEqual({ ok: true });
    expect(await db.drafts.get(draftId)).toBeUndefined();
  });

  it('is refused from a CRM page, and for a prompted loss (that goes with Skip)', async () => {
    const manual = await send({ type: 'draft/new' }, REFLECT_PAGE);
    if (!manual.ok) throw new Error(manual.error);
    const event = await prompted();
    const fromPage = await send({ type: 'draft/discard', draftId: manual.data.draftId });
    const prompt = await send({ type: 'draft/discard', draftId: event.lossId }, REFLECT_PAGE);
    expect([fromPage.ok, prompt.ok]).toEqual([false, false]);
    expect(await db.drafts.count()).toBe(2);
  });
});

describe('writes that fail', () => {
  const closed = () => Object.assign(new Error('closed'), { name: 'DatabaseClosedError' });
  it.each([
    ['prompt/later', (id: string) => ({ type: 'prompt/later' as const, lossId: id })],
    ['prompt/skip', (id: string) => ({ type: 'prompt/skip' as const, lossId: id })],
    [
      'prompt/snooze',
      (id: string) => ({
        type: 'prompt/snooze' as const,
        lossId: id,
        until: new Date().toISOString(),
      }),
    ],
    ['win/dismiss', (id: string) => ({ type: 'win/dismiss' as const, winId: id })],
  ])('%s answers a failed write with what to do', async (_type, message) => {
    const event = await prompted();
    db.close();
    const reply = await send(message(event.lossId));
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('Reload this page') });
  });

  it('detection-log/clear answers a failed write with what to do', async () => {
    handlers = backgroundHandlers({
      db,
      losses: { observed: vi.fn(), takePending: vi.fn(), forget: vi.fn() },
      log: { add: vi.fn(), clear: vi.fn(() => Promise.reject(closed())) } as never,
      health: createTabHealth(),
      recentDeals: { seen: vi.fn(async () => {}), forget: vi.fn(async () => {}) },
      similarDeals: { matchesFor: vi.fn(), notHelpful: vi.fn() },
    });
    const reply = await send({ type: 'detection-log/clear' });
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('Reload this page') });
  });
});

describe('draft/new', () => {
  it('starts a draft for a reflection entered by hand on the reflect page', async () => {
    const reply = await send({ type: 'draft/new' }, REFLECT_PAGE);
    if (!reply.ok) throw new Error(reply.error);
    expect(await db.drafts.get(reply.data.draftId)).toMatchObject({ manual: { crm: 'manual' } });
  });

  it('is refused from a CRM page', async () => {
    const reply = await send({ type: 'draft/new', deal: undefined }, CRM_TAB);
    expect(reply.ok).toBe(false);
    expect(await db.drafts.count()).toBe(0);
  });
});

describe('health', () => {
  it('answers a tab’s health and every tab’s', async () => {
    await send({ type: 'health/report', crm: 'hubspot', url: 'https://app.hubspot.com/x' });
    expect(await send({ type: 'health/get', tabId: 7 })).toMatchObject({
      ok: true,
      data: { crm: 'hubspot', tabId: 7 },
    });
    expect(await send({ type: 'health/get', tabId: 8 })).toEqual({ ok: true, data: undefined });
    expect(await send({ type: 'health/all' })).toMatchObject({ ok: true, data: [{ tabId: 7 }] });
  });
});

describe('handler types', () => {
  // The assertions are the @ts-expect-error lines: `npm run typecheck` (part of npm test) fails
  // when a handler that answers the wrong shape type-checks. Nothing here runs.
  it('are checked against the reply schemas at compile time', () => {
    // @ts-expect-error health/all answers TabHealth[], not text.
    void ((async () => ({
      ok: true,
      data: 'all fine',
    })) satisfies BackgroundHandlers['health/all']);
    // @ts-expect-error draft/new must answer the draft's id.
    void ((async () => ({ ok: true })) satisfies BackgroundHandlers['draft/new']);
  });
});
