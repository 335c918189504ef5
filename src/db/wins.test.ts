import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WinEvent } from '../messaging/messages';
import type { Win } from '../lessons/win-schema';
import { ReboundDatabase } from './database';
import { claimPrompt, promptsToday, SAME_LOSS_WINDOW_MS } from './prompts';
import {
  claimWinPrompt,
  countWins,
  deleteWin,
  dismissWin,
  importWins,
  recentWins,
  saveWinAnswers,
} from './wins';

let db: ReboundDatabase;
beforeEach(() => {
  db = new ReboundDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);
/** A win as the background confirmed it. */
const won = (dealId = '42', dealName = '  Acme renewal  '): WinEvent => ({
  winId: crypto.randomUUID(),
  crm: 'hubspot',
  dealId,
  dealUrl: `https://app.hubspot.com/contacts/1/record/0-3/${dealId}`,
  stageBefore: 'Contract sent',
  deal: { dealName, amount: 12_500, currency: 'EUR', company: 'Acme' },
});
const claim = (crm = 'hubspot', dealId = '42') => ({ ...won(dealId), crm });
const answers = { difference: 'A mutual close plan', nearlyLost: 'Legal review' };

/** A win asked about and answered, as the panel would have it saved. */
async function savedWin(event = won(), now = at(0)): Promise<Win> {
  await claimWinPrompt(db, event, now);
  expect(await saveWinAnswers(db, event.winId, answers, true, now)).toBe(true);
  return (await db.wins.get(event.winId))!;
}

const captureOf = (event: WinEvent) => db.winPrompts.where('winId').equals(event.winId).first();

describe('saveWinAnswers', () => {
  it("builds the win from the capture's own copy of the won deal, under the win's id", async () => {
    const event = won();
    await claimWinPrompt(db, event, at(0));
    await saveWinAnswers(db, event.winId, { ...answers, againCue: '  ' }, false, at(1000));
    expect(await db.wins.toArray()).toEqual([
      {
        id: event.winId,
        crm: 'hubspot',
        dealId: '42',
        dealUrl: event.dealUrl,
        dealName: 'Acme renewal',
        amount: 12_500,
        currency: 'EUR',
        company: 'Acme',
        stageBefore: 'Contract sent',
        answers,
        createdAt: at(1000).toISOString(),
        updatedAt: at(1000).toISOString(),
        schemaVersion: 1,
      },
    ]);
    // Still open while the user types: only `done` marks it saved.
    expect(await captureOf(event)).toMatchObject({ status: 'open', win: event });
  });

  it('keeps one win as the user types: each write replaces the answers, the creation time stays', async () => {
    const event = won();
    await claimWinPrompt(db, event, at(0));
    await saveWinAnswers(db, event.winId, { difference: 'A mutual' }, false, at(0));
    await saveWinAnswers(db, event.winId, answers, false, at(5000));
    expect(await db.wins.toArray()).toEqual([
      expect.objectContaining({
        answers,
        createdAt: at(0).toISOString(),
        updatedAt: at(5000).toISOString(),
      }),
    ]);
  });

  it('marks the capture saved with the win, and then keeps the win as saved', async () => {
    const event = won();
    const win = await savedWin(event);
    // Saved: the claim stays (the deal is not asked about again), its copy of the deal goes.
    const capture = await captureOf(event);
    expect(capture).toMatchObject({ status: 'saved' });
    expect(capture).not.toHaveProperty('win');
    // A retry, a double click or a late keystroke's write: still one win, as first saved.
    expect(await saveWinAnswers(db, event.winId, { nearlyLost: 'x' }, true, at(9000))).toBe(true);
    expect(await saveWinAnswers(db, event.winId, { nearlyLost: 'y' }, false, at(9000))).toBe(true);
    expect(await db.wins.toArray()).toEqual([win]);
  });

  it('keeps neither the win nor the saved mark when one of the two writes fails', async () => {
    const event = won();
    await claimWinPrompt(db, event, at(0));
    await saveWinAnswers(db, event.winId, { difference: 'A mutual' }, false, at(0));
    db.winPrompts.hook('updating', () => {
      throw Object.assign(new Error('over quota'), { name: 'QuotaExceededError' });
    });
    await expect(saveWinAnswers(db, event.winId, answers, true, at(5000))).rejects.toThrow();
    expect((await db.wins.get(event.winId))?.answers).toEqual({ difference: 'A mutual' });
    expect(await captureOf(event)).toMatchObject({ status: 'open', win: event });
  });

  it('names a won deal the page showed no name of', async () => {
    const win = await savedWin(won('42', ' '));
    expect(win.dealName).toBe('Untitled deal');
  });

  it('keeps nothing for a win never asked about, let go, or claimed without its deal', async () => {
    expect(await saveWinAnswers(db, crypto.randomUUID(), answers, true)).toBe(false);
    const dismissed = won('43');
    await claimWinPrompt(db, dismissed);
    await dismissWin(db, dismissed.winId);
    expect(await saveWinAnswers(db, dismissed.winId, answers, false)).toBe(false);
    // Claimed by a version that did not keep the won deal: nothing to build the win from.
    const older = won('44');
    await db.winPrompts.put({
      key: 'hubspot:44',
      winId: older.winId,
      crm: 'hubspot',
      dealId: '44',
      createdAt: at(0).toISOString(),
      status: 'open',
    });
    expect(await saveWinAnswers(db, older.winId, answers, true)).toBe(false);
    expect(await countWins(db)).toBe(0);
  });
});

describe('dismissWin', () => {
  it('lets an open capture go with what was kept while typing, and leaves a saved win', async () => {
    const open = won('43');
    await claimWinPrompt(db, open);
    await saveWinAnswers(db, open.winId, { difference: 'erased since' }, false);
    await dismissWin(db, open.winId);
    expect(await db.wins.get(open.winId)).toBeUndefined();
    const capture = await captureOf(open);
    expect(capture).toMatchObject({ status: 'dismissed' });
    expect(capture).not.toHaveProperty('win');

    const saved = await savedWin();
    await dismissWin(db, saved.id);
    expect(await db.wins.toArray()).toEqual([saved]);
  });
});

describe('wins', () => {
  it('lists newest first, counts and deletes', async () => {
    const old = await savedWin(won('42'), at(0));
    const fresh = await savedWin(won('43'), at(1000));
    expect((await recentWins(db)).map((w) => w.id)).toEqual([fresh.id, old.id]);
    await deleteWin(db, old.id);
    expect(await countWins(db)).toBe(1);
  });

  it('imports wins, replacing one already here only with a newer version', async () => {
    const here = await savedWin();
    const newer: Win = { ...here, updatedAt: at(5000).toISOString(), answers: { difference: 'x' } };
    const older: Win = { ...here, id: crypto.randomUUID() };
    expect(await importWins(db, [newer, older])).toEqual({
      added: 1,
      updated: 1,
      unchanged: 0,
      skipped: [],
    });
    expect(await importWins(db, [here])).toEqual({
      added: 0,
      updated: 0,
      unchanged: 1,
      skipped: [],
    });
    expect((await db.wins.get(here.id))?.answers).toEqual({ difference: 'x' });
  });
});

describe('claimWinPrompt', () => {
  it('offers the capture once per won deal within the window, and again after it', async () => {
    expect(await claimWinPrompt(db, claim(), at(0))).toBe(true);
    expect(await claimWinPrompt(db, claim(), at(1000))).toBe(false);
    expect(await claimWinPrompt(db, claim('hubspot', '43'), at(1000))).toBe(true);
    expect(await claimWinPrompt(db, claim(), at(SAME_LOSS_WINDOW_MS))).toBe(true);
  });

  it('does not block a later loss of the same deal, nor count towards the daily cap', async () => {
    expect(await claimWinPrompt(db, claim(), at(0))).toBe(true);
    expect(await promptsToday(db, at(1000))).toBe(0);
    expect(
      await claimPrompt(
        db,
        { lossId: crypto.randomUUID(), crm: 'hubspot', dealId: '42' },
        at(1000),
      ),
    ).toBe(true);
  });

  it('is not blocked by an earlier loss of the same deal', async () => {
    await claimPrompt(db, { lossId: crypto.randomUUID(), crm: 'hubspot', dealId: '42' }, at(0));
    expect(await claimWinPrompt(db, claim(), at(1000))).toBe(true);
  });

  it('keeps the won deal as the background confirmed it, to build the win from', async () => {
    const event = won();
    await claimWinPrompt(db, event, at(0));
    expect(await db.winPrompts.get('hubspot:42')).toEqual({
      key: 'hubspot:42',
      winId: event.winId,
      crm: 'hubspot',
      dealId: '42',
      createdAt: at(0).toISOString(),
      status: 'open',
      win: event,
    });
  });
});
