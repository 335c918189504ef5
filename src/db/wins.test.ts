import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Win, WinInput } from '../lessons/win-schema';
import { ReboundDatabase } from './database';
import { claimPrompt, promptsToday, SAME_LOSS_WINDOW_MS } from './prompts';
import {
  saveWin,
  claimWinPrompt,
  countWins,
  deleteWin,
  importWins,
  recentWins,
  setWinPromptStatus,
} from './wins';

let db: ReboundDatabase;
beforeEach(() => {
  db = new ReboundDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);
const claim = (crm = 'hubspot', dealId = '42') => ({ winId: crypto.randomUUID(), crm, dealId });
const input: WinInput = {
  crm: 'hubspot',
  dealId: '42',
  dealName: '  Acme renewal  ',
  answers: { difference: 'A mutual close plan', nearlyLost: 'Legal review' },
};

describe('wins', () => {
  it('stores a validated win with an id and times, trimming the deal name', async () => {
    const win = await saveWin(db, crypto.randomUUID(), input, at(0));
    expect(win).toMatchObject({
      dealName: 'Acme renewal',
      schemaVersion: 1,
      createdAt: at(0).toISOString(),
      updatedAt: at(0).toISOString(),
    });
    expect(await db.wins.get(win.id)).toEqual(win);
  });

  it('keeps one win per capture: saving again replaces the answers and keeps its creation time', async () => {
    const id = crypto.randomUUID();
    await saveWin(db, id, { ...input, answers: { difference: 'A mutual' } }, at(0));
    const final = await saveWin(db, id, input, at(5000));
    expect(await countWins(db)).toBe(1);
    expect(await db.wins.get(id)).toEqual(final);
    expect(final).toMatchObject({
      answers: input.answers,
      createdAt: at(0).toISOString(),
      updatedAt: at(5000).toISOString(),
    });
  });

  it('refuses a win without a deal name, naming the field', async () => {
    await expect(saveWin(db, crypto.randomUUID(), { ...input, dealName: ' ' })).rejects.toThrow(
      /Give the deal a name/,
    );
    expect(await countWins(db)).toBe(0);
  });

  it('lists newest first, counts and deletes', async () => {
    const old = await saveWin(db, crypto.randomUUID(), { ...input, dealName: 'Old' }, at(0));
    const fresh = await saveWin(db, crypto.randomUUID(), { ...input, dealName: 'New' }, at(1000));
    expect((await recentWins(db)).map((w) => w.id)).toEqual([fresh.id, old.id]);
    await deleteWin(db, old.id);
    expect(await countWins(db)).toBe(1);
  });

  it('imports wins, replacing one already here only with a newer version', async () => {
    const here = await saveWin(db, crypto.randomUUID(), input, at(0));
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

  it('records what became of the capture', async () => {
    const record = claim();
    await claimWinPrompt(db, record, at(0));
    await setWinPromptStatus(db, record.winId, 'dismissed');
    expect(await db.winPrompts.get('hubspot:42')).toMatchObject({ status: 'dismissed' });
  });
});
