import { afterEach, describe, expect, it, vi } from 'vitest';
import { lostMatcher, wonMatcher } from '../settings/stage-labels';
import type { CrmAdapter } from './types';
import { watchStageShown, type StageShown } from './stage-shown';
import { settle, showStage } from './settle.test-helper';

/** A CRM whose record pages are /deal/<id> and show the stage in `.stage`, in a shadow root or not. */
const adapter: CrmAdapter = {
  id: 'test',
  name: 'Test CRM',
  matches: ['https://crm.example.com/*'],
  parsePage: (url) => {
    const deal = /^\/deal\/(\w+)$/.exec(url.pathname);
    if (deal) return { kind: 'deal', dealId: deal[1]! };
    return url.pathname === '/board' ? { kind: 'board' } : undefined;
  },
  detectors: [],
  readDeal: (root) => ({
    dealName: root.querySelector('h1')?.textContent ?? 'Deal',
    stage: root.querySelector('.stage')?.textContent ?? undefined,
  }),
};

const DEAL_URL = new URL('https://crm.example.com/deal/42');

let controller: AbortController;
afterEach(() => {
  controller?.abort();
  document.body.replaceChildren();
});

/** Waits 0 ms for a stage to stay unless a test is about that wait: each check decides at once. */
function watch(options: { url?: URL; baselineUntil?: number; settleMs?: number } = {}) {
  controller = new AbortController();
  const onStage = vi.fn<(shown: StageShown) => void>();
  watchStageShown({
    adapter,
    url: options.url ?? DEAL_URL,
    root: document,
    signal: controller.signal,
    isLost: lostMatcher(),
    isWon: wonMatcher(),
    onStage,
    baselineUntil: options.baselineUntil,
    settleMs: options.settleMs ?? 0,
  });
  const stages = () => onStage.mock.calls.map(([shown]) => shown.stage);
  return { onStage, stages };
}

describe('watchStageShown', () => {
  it('calls back when the page shows the deal move to another open stage, with the deal then', async () => {
    document.body.appendChild(document.createElement('h1')).textContent = 'Acme renewal';
    showStage('Discovery');
    const { onStage } = watch();
    showStage('Proposal');
    await vi.waitFor(() => expect(onStage).toHaveBeenCalledOnce());
    expect(onStage).toHaveBeenCalledWith({
      dealId: '42',
      stage: 'Proposal',
      deal: { dealName: 'Acme renewal', stage: 'Proposal' },
    });
  });

  it('does not count the stage the page shows when it starts, nor the first one it renders', async () => {
    const { stages } = watch();
    // The record renders after the content script armed: where the deal already was.
    showStage('Discovery');
    await settle();
    showStage('Proposal');
    await vi.waitFor(() => expect(stages()).toEqual(['Proposal']));
  });

  it('takes a re-render of the same stage as no change', async () => {
    showStage('Proposal');
    const { stages } = watch();
    showStage(undefined);
    await settle();
    showStage(' proposal ');
    await settle();
    showStage('Proposal');
    await settle();
    // Positive control: a real move after the re-renders is the first and only call.
    showStage('Negotiation');
    await vi.waitFor(() => expect(stages()).toEqual(['Negotiation']));
  });

  it('takes a stage shown for a moment as no change (debounced)', async () => {
    showStage('Discovery');
    const { stages } = watch({ settleMs: 60 });
    showStage('Proposal');
    await settle();
    showStage('Discovery');
    await settle();
    // Positive control: a stage that stays, shown after the flicker, is the only one called back
    // (the flicker's wait ended first).
    showStage('Negotiation');
    await vi.waitFor(() => expect(stages()).toEqual(['Negotiation']));
  });

  it('calls back with the stage the page settled on when it passes through several', async () => {
    showStage('Discovery');
    const { stages } = watch({ settleMs: 60 });
    showStage('Demo');
    await settle();
    showStage('Proposal');
    await vi.waitFor(() => expect(stages()).toEqual(['Proposal']));
    showStage('Demo');
    await vi.waitFor(() => expect(stages()).toEqual(['Proposal', 'Demo']));
  });

  it('never calls back for a lost or won stage, and a reopened deal counts again', async () => {
    showStage('Proposal');
    const { stages } = watch();
    showStage('Closed lost');
    await settle();
    showStage('Closed won');
    await settle();
    showStage('Negotiation');
    await vi.waitFor(() => expect(stages()).toEqual(['Negotiation']));
  });

  it('takes changes before baselineUntil as the page rendering the deal', async () => {
    // Right after an in-app navigation the previous deal's stage may still be on screen.
    showStage('Closed won');
    let clock = 1000;
    controller = new AbortController();
    const onStage = vi.fn<(shown: StageShown) => void>();
    watchStageShown({
      adapter,
      url: DEAL_URL,
      root: document,
      signal: controller.signal,
      isLost: lostMatcher(),
      isWon: wonMatcher(),
      onStage,
      baselineUntil: 2000,
      settleMs: 0,
      now: () => clock,
    });
    showStage('Proposal');
    await settle();
    clock = 2000;
    showStage('Negotiation');
    await vi.waitFor(() => expect(onStage).toHaveBeenCalledOnce());
    expect(onStage.mock.calls[0]![0].stage).toBe('Negotiation');
  });

  it('sees a stage inside an open shadow root', async () => {
    const host = document.body.appendChild(document.createElement('div'));
    const shadow = host.attachShadow({ mode: 'open' });
    const shadowAdapter: CrmAdapter = {
      ...adapter,
      readDeal: () => ({
        dealName: 'Deal',
        stage: shadow.querySelector('b')?.textContent ?? undefined,
      }),
    };
    const showInShadow = (stage: string) =>
      shadow.replaceChildren(Object.assign(document.createElement('b'), { textContent: stage }));
    showInShadow('Discovery');
    controller = new AbortController();
    const onStage = vi.fn<(shown: StageShown) => void>();
    watchStageShown({
      adapter: shadowAdapter,
      url: DEAL_URL,
      root: document,
      signal: controller.signal,
      isLost: lostMatcher(),
      isWon: wonMatcher(),
      onStage,
      settleMs: 0,
    });
    await settle();
    showInShadow('Proposal');
    await vi.waitFor(() => expect(onStage).toHaveBeenCalledOnce());
    expect(onStage.mock.calls[0]![0].stage).toBe('Proposal');
  });

  it('stops when its signal aborts', async () => {
    showStage('Discovery');
    const first = watch();
    controller.abort();
    showStage('Proposal');
    await settle();
    // Positive control: a watch armed now sees the next move; the aborted one saw none.
    const second = watch();
    showStage('Negotiation');
    await vi.waitFor(() => expect(second.stages()).toEqual(['Negotiation']));
    expect(first.onStage).not.toHaveBeenCalled();
  });

  it('watches nothing on boards, other pages, or a CRM it cannot read a deal on', async () => {
    showStage('Discovery');
    const board = watch({ url: new URL('https://crm.example.com/board') });
    const unread = vi.fn();
    const other = new AbortController();
    watchStageShown({
      adapter: { ...adapter, readDeal: undefined },
      url: DEAL_URL,
      root: document,
      signal: other.signal,
      isLost: lostMatcher(),
      isWon: wonMatcher(),
      onStage: unread,
      settleMs: 0,
    });
    showStage('Proposal');
    await settle();
    // Positive control: a record page's watch, armed after, sees the next move.
    const boardController = controller;
    const record = watch();
    showStage('Negotiation');
    await vi.waitFor(() => expect(record.stages()).toEqual(['Negotiation']));
    expect(board.onStage).not.toHaveBeenCalled();
    expect(unread).not.toHaveBeenCalled();
    boardController.abort();
    other.abort();
  });
});
