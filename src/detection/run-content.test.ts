import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentPage } from './content-page.test-helper';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CrmAdapter } from './types';
import type { ContentToBackground } from '../messaging/content-messages';
import { askItem, lostLabelsItem } from '../settings/store';
import { boardColumns } from './detectors/board-columns';
import { runContent } from './run-content';
import { settle } from './settle.test-helper';

const sent = vi.hoisted(() => ({ messages: [] as ContentToBackground[] }));
vi.mock('../messaging/content-transport', () => ({
  sendToBackground: (message: ContentToBackground) => {
    sent.messages.push(message);
    return Promise.resolve({ ok: false, error: 'not in a browser' });
  },
  onContentMessage: () => {},
}));

/** How long a card must stay in a lost column: a board that moves it back refused the save. */
const SETTLE_MS = 300;

/** A Kanban board of any CRM: each card sits in a column named by its stage. */
const board: CrmAdapter = {
  id: 'board-crm',
  name: 'Board CRM',
  matches: [],
  parsePage: () => ({ kind: 'board' }),
  detectors: [
    boardColumns({
      card: '.card',
      dealIdOf: (card) => card.getAttribute('data-deal') ?? undefined,
      columnOf: (card) => card.closest('[data-stage]')?.getAttribute('data-stage') ?? undefined,
      readCard: (card) => ({ dealName: card.textContent ?? '' }),
      settleMs: SETTLE_MS,
    }),
  ],
};
const STAGES = ['Proposal', 'Closed lost', 'Verloren'];

function showBoard() {
  document.body.replaceChildren(
    ...STAGES.map((stage) => {
      const column = document.createElement('section');
      column.setAttribute('data-stage', stage);
      return column;
    }),
  );
  for (const deal of ['1', '2']) {
    const card = document.createElement('div');
    card.className = 'card';
    card.setAttribute('data-deal', deal);
    card.textContent = `Deal ${deal}`;
    column('Proposal').append(card);
  }
}
const column = (stage: string) => document.querySelector(`[data-stage="${stage}"]`)!;
const card = (deal: string) => document.querySelector(`[data-deal="${deal}"]`)!;
/** The user drops a card in another column; the detector has seen it once this resolves. */
async function drop(deal: string, stage: string) {
  column(stage).append(card(deal));
  await settle();
}

const reports = () => sent.messages.filter((m) => m.type === 'outcome/observed');
/** Each arming of the detectors starts with a health report of the page. */
const armings = () => sent.messages.filter((m) => m.type === 'health/report').length;

let page: AbortController;
beforeEach(async () => {
  fakeBrowser.reset();
  sent.messages = [];
  showBoard();
  page = new AbortController();
  const { ctx, panels } = contentPage(page);
  await runContent(ctx, board, panels);
  expect(armings()).toBe(1);
});
afterEach(() => {
  page.abort();
  vi.restoreAllMocks();
});

describe('a CRM tab when settings change', () => {
  it('re-arms for new lost labels, and detects with them', async () => {
    await lostLabelsItem.update((labels) => [...labels, 'Verloren']);
    await vi.waitFor(() => expect(armings()).toBe(2));

    await drop('1', 'Verloren');
    await vi.waitFor(() => expect(reports()).toHaveLength(1), { timeout: SETTLE_MS * 5 });
    expect(reports()[0]).toMatchObject({ dealId: '1', stageAfter: 'Verloren' });
  });

  it('does not re-arm for a setting detection does not read, nor for one saved unchanged', async () => {
    await askItem.update((ask) => ({ ...ask, dailyCap: 3 }));
    await askItem.update((ask) => ({ ...ask, captureWins: false, kindLine: false }));
    // Then one it reads: its re-arm is the only one.
    await lostLabelsItem.update((labels) => [...labels, 'Verloren']);
    await vi.waitFor(() => expect(armings()).toBe(2));
    await askItem.update((ask) => ({ ...ask, captureWins: true }));
    await vi.waitFor(() => expect(armings()).toBe(3));
  });

  it('reports a board drop still settling when the labels change, then re-arms', async () => {
    await drop('2', 'Closed lost');
    await lostLabelsItem.update((labels) => [...labels, 'Verloren']);

    await vi.waitFor(() => expect(reports()).toHaveLength(1), { timeout: SETTLE_MS * 5 });
    expect(reports()[0]).toMatchObject({
      dealId: '2',
      stageBefore: 'Proposal',
      stageAfter: 'Closed lost',
    });
    await vi.waitFor(() => expect(armings()).toBe(2));
    await drop('1', 'Verloren');
    await vi.waitFor(() => expect(reports()).toHaveLength(2), { timeout: SETTLE_MS * 5 });
  });
});
