import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CUSTOM_CRM_ID } from '../crm/custom';
import { ReboundDatabase } from '../db/database';
import type { ToContent } from '../messaging/messages';
import { skipStreakAsked } from '../settings/internal';
import { SKIP_STREAK } from '../settings/schema';
import { askItem } from '../settings/store';
import { openDetectionLog } from './detection-log';
import { startLossDetection } from './loss-flow';
import { createTabHealth } from './tab-health';

// The browser's webRequest is not faked: the flow here starts from a page report alone.
vi.mock('../detection/network-observer', () => ({ observeStageSaves: () => {} }));
const sent = vi.hoisted(() => ({ messages: [] as unknown[] }));
vi.mock('../messaging/transport', () => ({
  sendToTab: (_tabId: number, message: unknown) => {
    sent.messages.push(message);
    return Promise.resolve({ ok: true });
  },
}));
// The moment between the flow reading the settings and writing its own note: the user saves
// a setting in the options page while the loss's draft is being written.
const meanwhile = vi.hoisted(() => ({ save: async () => {} }));
vi.mock('../db/drafts', () => ({ openDraft: () => meanwhile.save() }));

let db: ReboundDatabase;
beforeEach(async () => {
  fakeBrowser.reset();
  sent.messages = [];
  meanwhile.save = async () => {};
  db = new ReboundDatabase(`test-${crypto.randomUUID()}`);
  await db.prompts.bulkAdd(
    Array.from({ length: SKIP_STREAK }, (_, i) => ({
      key: `${CUSTOM_CRM_ID}:skipped-${i}`,
      lossId: crypto.randomUUID(),
      crm: CUSTOM_CRM_ID,
      dealId: `skipped-${i}`,
      createdAt: new Date(Date.now() - 60_000 + i).toISOString(),
      status: 'skipped' as const,
    })),
  );
});
afterEach(() => db.delete());

/** A user rule's page showing a deal turn lost: a loss on the page alone. */
function loseDeal(dealId: string) {
  const flow = startLossDetection(db, openDetectionLog(), createTabHealth());
  flow.observed({
    type: 'outcome/observed',
    outcome: 'lost',
    crm: CUSTOM_CRM_ID,
    dealId,
    dealUrl: `https://crm.example.test/deals/${dealId}`,
    stageBefore: 'Proposal',
    stageAfter: 'Lost',
    deal: { dealName: `Deal ${dealId}` },
    tabId: 7,
  });
}
const opened = () =>
  vi.waitFor(() => {
    const message = sent.messages.find((m) => (m as ToContent).type === 'prompt/open');
    if (!message) throw new Error('no prompt yet');
    return message as Extract<ToContent, { type: 'prompt/open' }>;
  });

describe('the background noting that it asked about skipped prompts', () => {
  it('does not undo a setting saved while the loss was being prompted', async () => {
    meanwhile.save = async () => {
      await askItem.update((ask) => ({ ...ask, dailyCap: 5, kindLine: false }));
    };
    loseDeal('lost-1');

    expect((await opened()).loss.askAboutSettings).toBe(true);
    await vi.waitFor(async () => expect(await skipStreakAsked()).toBe(true));
    expect((await askItem.load()).value).toMatchObject({ dailyCap: 5, kindLine: false });
  });

  it('keeps its note out of the settings, and asks only once', async () => {
    loseDeal('lost-1');
    await opened();
    await vi.waitFor(async () => expect(await skipStreakAsked()).toBe(true));
    expect(await fakeBrowser.storage.local.get('askSettings')).toEqual({});

    sent.messages = [];
    loseDeal('lost-2');
    expect((await opened()).loss.askAboutSettings).toBeUndefined();
  });
});
