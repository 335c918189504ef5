import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReboundDatabase } from './database';
import { claimPrompt, promptKey, SAME_LOSS_WINDOW_MS, setPromptStatus } from './prompts';

let db: ReboundDatabase;
beforeEach(() => {
  db = new ReboundDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const loss = (crm = 'hubspot', dealId = '42') => ({ lossId: crypto.randomUUID(), crm, dealId });
const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

describe('claimPrompt', () => {
  it('prompts once for a loss and not again within the window', async () => {
    expect(await claimPrompt(db, loss(), at(0))).toBe(true);
    expect(await claimPrompt(db, loss(), at(1000))).toBe(false);
    expect(await claimPrompt(db, loss(), at(SAME_LOSS_WINDOW_MS - 1))).toBe(false);
  });

  it('prompts again once the window has passed', async () => {
    expect(await claimPrompt(db, loss(), at(0))).toBe(true);
    const later = loss();
    expect(await claimPrompt(db, later, at(SAME_LOSS_WINDOW_MS))).toBe(true);
    expect(await db.prompts.get(promptKey('hubspot', '42'))).toMatchObject({
      lossId: later.lossId,
      status: 'open',
      createdAt: at(SAME_LOSS_WINDOW_MS).toISOString(),
    });
    expect(await claimPrompt(db, loss(), at(SAME_LOSS_WINDOW_MS + 1000))).toBe(false);
  });

  it.each([
    ['another deal', loss('hubspot', '43')],
    ['the same deal id in another CRM', loss('pipedrive', '42')],
  ])('prompts for %s', async (_what, other) => {
    expect(await claimPrompt(db, loss(), at(0))).toBe(true);
    expect(await claimPrompt(db, other, at(1))).toBe(true);
  });

  it('lets exactly one of two simultaneous claims win', async () => {
    const results = await Promise.all([
      claimPrompt(db, loss(), at(0)),
      claimPrompt(db, loss(), at(0)),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('lets exactly one of two connections to the same database win', async () => {
    const other = new ReboundDatabase(db.name);
    try {
      const results = await Promise.all([
        claimPrompt(db, loss(), at(0)),
        claimPrompt(other, loss(), at(0)),
        claimPrompt(db, loss(), at(0)),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    } finally {
      other.close();
    }
  });
});

describe('setPromptStatus', () => {
  it('changes the status of the prompt with that loss id only', async () => {
    const first = loss('hubspot', '1');
    const second = loss('hubspot', '2');
    await claimPrompt(db, first);
    await claimPrompt(db, second);
    await setPromptStatus(db, first.lossId, 'later');
    expect((await db.prompts.get(promptKey('hubspot', '1')))?.status).toBe('later');
    expect((await db.prompts.get(promptKey('hubspot', '2')))?.status).toBe('open');
    await setPromptStatus(db, first.lossId, 'saved');
    expect((await db.prompts.get(promptKey('hubspot', '1')))?.status).toBe('saved');
  });

  it('does nothing for an unknown loss id', async () => {
    await claimPrompt(db, loss());
    await setPromptStatus(db, crypto.randomUUID(), 'saved');
    expect((await db.prompts.toArray()).map((p) => p.status)).toEqual(['open']);
  });
});
