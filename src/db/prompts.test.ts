import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReboundDatabase } from './database';
import {
  claimPrompt,
  promptKey,
  promptsToday,
  SAME_LOSS_WINDOW_MS,
  setPromptStatus,
  skippedInARow,
} from './prompts';

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

describe('claimPrompt after "Skip this deal"', () => {
  it('never prompts for a skipped deal again, even after the window', async () => {
    const first = loss();
    expect(await claimPrompt(db, first, at(0))).toBe(true);
    await setPromptStatus(db, first.lossId, 'skipped');
    for (const later of [1000, SAME_LOSS_WINDOW_MS, SAME_LOSS_WINDOW_MS * 10]) {
      expect(await claimPrompt(db, loss(), at(later))).toBe(false);
    }
    expect(await db.prompts.get(promptKey('hubspot', '42'))).toMatchObject({
      lossId: first.lossId,
      status: 'skipped',
    });
    // Other deals still prompt.
    expect(await claimPrompt(db, loss('hubspot', '43'), at(2000))).toBe(true);
  });

  it.each(['later', 'saved', 'queued'] as const)(
    'prompts again after the window for a deal left %s',
    async (status) => {
      const first = loss();
      await claimPrompt(db, first, at(0));
      await setPromptStatus(db, first.lossId, status);
      expect(await claimPrompt(db, loss(), at(SAME_LOSS_WINDOW_MS))).toBe(true);
    },
  );
});

describe('promptsToday', () => {
  const local = (day: number, hours: number, minutes = 0) => new Date(2026, 2, day, hours, minutes);

  it('counts prompts since local midnight only', async () => {
    await claimPrompt(db, loss('hubspot', '1'), local(9, 8, 0));
    await claimPrompt(db, loss('hubspot', '2'), local(9, 23, 59));
    await claimPrompt(db, loss('hubspot', '3'), local(10, 0, 0));
    expect(await promptsToday(db, local(10, 0, 1))).toBe(1);
    await claimPrompt(db, loss('hubspot', '4'), local(10, 8, 30));
    await claimPrompt(db, loss('hubspot', '5'), local(10, 14, 59));
    expect(await promptsToday(db, local(10, 15))).toBe(3);
    expect(await promptsToday(db, local(10, 23, 59))).toBe(3);
    expect(await promptsToday(db, local(11, 9))).toBe(0);
  });

  it('is 0 without prompts', async () => {
    expect(await promptsToday(db, local(10, 12))).toBe(0);
  });
});

describe('skippedInARow', () => {
  const claimWithStatus = async (
    dealId: string,
    ms: number,
    status: 'open' | 'later' | 'saved' | 'skipped',
  ) => {
    const record = loss('hubspot', dealId);
    await claimPrompt(db, record, at(ms));
    await setPromptStatus(db, record.lossId, status);
  };

  it('counts the latest prompts that were skipped, up to one that was not', async () => {
    await claimWithStatus('1', 0, 'skipped');
    await claimWithStatus('2', 1000, 'saved');
    await claimWithStatus('3', 2000, 'skipped');
    await claimWithStatus('4', 3000, 'skipped');
    expect(await skippedInARow(db)).toBe(2);
    await claimWithStatus('5', 4000, 'skipped');
    expect(await skippedInARow(db)).toBe(3);
  });

  it('is 0 when the latest prompt was not skipped', async () => {
    await claimWithStatus('1', 0, 'skipped');
    await claimWithStatus('2', 1000, 'skipped');
    await claimWithStatus('3', 2000, 'later');
    expect(await skippedInARow(db)).toBe(0);
  });

  it('counts them all when every prompt was skipped, and is 0 without prompts', async () => {
    expect(await skippedInARow(db)).toBe(0);
    await claimWithStatus('1', 0, 'skipped');
    await claimWithStatus('2', 1000, 'skipped');
    expect(await skippedInARow(db)).toBe(2);
  });

  it('goes by when the prompt was claimed, not the order of the deals', async () => {
    await claimWithStatus('b', 2000, 'skipped');
    await claimWithStatus('a', 0, 'saved');
    await claimWithStatus('c', 1000, 'skipped');
    expect(await skippedInARow(db)).toBe(2);
  });
});
