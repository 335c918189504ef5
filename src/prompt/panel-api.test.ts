import { describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { LossEvent, WinEvent } from '../messaging/content-messages';
import { hubspot } from '../crm/hubspot';
import { lazyPromptQueue, type PanelApi, type PromptQueue } from './panel-api';

const ctx = { isInvalid: false } as ContentScriptContext;
const loss = (dealId: string) => ({ dealId }) as LossEvent;
const win = (dealId: string) => ({ dealId }) as WinEvent;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A panel script that records what it was asked to show, loaded when `release` is called. */
function fakePanel() {
  const shown: string[] = [];
  const queue: PromptQueue = {
    open: (l) => shown.push(`loss ${l.dealId}`),
    openWin: (w) => shown.push(`win ${w.dealId}`),
    showMatches: (deal, matches) => shown.push(`chip ${deal.dealId} ${matches.similar.length}`),
  };
  const api: PanelApi = {
    createPromptQueue: vi.fn(() => queue),
    readDealContext: vi.fn(() => ({ dealName: 'Acme renewal' })),
  };
  let release!: () => void;
  const load = vi.fn(() => new Promise<PanelApi>((resolve) => (release = () => resolve(api))));
  return { shown, api, load, release: () => release() };
}

describe('lazyPromptQueue', () => {
  it('loads the panel script for an open deal’s similar lessons, and hands them over', async () => {
    const panel = fakePanel();
    const prompts = lazyPromptQueue(ctx, panel.load);
    const card = { lessonId: 'x', dealName: 'Old', createdAt: '', why: [] };
    prompts.showMatches(
      { crm: 'hubspot', dealId: '9' },
      { similar: [card, card] },
      new AbortController().signal,
    );
    expect(panel.load).toHaveBeenCalledOnce();
    panel.release();
    await settle();
    expect(panel.shown).toEqual(['chip 9 2']);
  });

  it('loads nothing until a panel may open', () => {
    const panel = fakePanel();
    lazyPromptQueue(ctx, panel.load);
    expect(panel.load).not.toHaveBeenCalled();
  });

  it('loads once, and shows what arrived meanwhile in order', async () => {
    const panel = fakePanel();
    const prompts = lazyPromptQueue(ctx, panel.load);
    prompts.open(loss('1'));
    prompts.openWin(win('2'));
    prompts.open(loss('3'));
    expect(panel.shown).toEqual([]);
    panel.release();
    await settle();
    expect(panel.shown).toEqual(['loss 1', 'win 2', 'loss 3']);
    prompts.open(loss('4'));
    await settle();
    expect(panel.shown.at(-1)).toBe('loss 4');
    expect(panel.load).toHaveBeenCalledOnce();
    expect(panel.api.createPromptQueue).toHaveBeenCalledOnce();
    expect(panel.api.createPromptQueue).toHaveBeenCalledWith(ctx);
  });

  it('preload starts the load without showing anything; the prompt then reuses it', async () => {
    const panel = fakePanel();
    const prompts = lazyPromptQueue(ctx, panel.load);
    prompts.preload();
    expect(panel.load).toHaveBeenCalledOnce();
    panel.release();
    await settle();
    expect(panel.shown).toEqual([]);
    prompts.open(loss('1'));
    await settle();
    expect(panel.shown).toEqual(['loss 1']);
    expect(panel.load).toHaveBeenCalledOnce();
  });

  it('tries again after a failed load', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const panel = fakePanel();
    const load = vi.fn<() => Promise<PanelApi>>().mockRejectedValueOnce(new Error('no tab'));
    load.mockImplementation(() => Promise.resolve(panel.api));
    const prompts = lazyPromptQueue(ctx, load);
    prompts.open(loss('1'));
    await settle();
    expect(error).toHaveBeenCalledOnce();
    prompts.open(loss('2'));
    await settle();
    expect(panel.shown).toEqual(['loss 2']);
    expect(load).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });

  it('loads nothing once the extension is gone (context invalidated)', () => {
    const panel = fakePanel();
    lazyPromptQueue({ isInvalid: true } as ContentScriptContext, panel.load).open(loss('1'));
    expect(panel.load).not.toHaveBeenCalled();
  });
});

describe('lazyPromptQueue.readDealContext', () => {
  it("gives the panel script's API once loaded, loading it once for the queue too", async () => {
    const panel = fakePanel();
    const queue = lazyPromptQueue(ctx, panel.load);
    const read = queue.readDealContext(hubspot, document, new URL('https://x/'), '1');
    panel.release();
    await expect(read).resolves.toEqual({ dealName: 'Acme renewal' });
    queue.preload();
    expect(panel.load).toHaveBeenCalledOnce();
  });
});
