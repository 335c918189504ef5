import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hubspot } from '../crm/hubspot';
import { ToBackgroundSchema, type DealOpen, type ToBackground } from '../messaging/messages';
import { askDealMatches, DEAL_SEEN_DELAY_MS, reportDealSeen } from './deal-seen';

const CUE_ID = '00000000-0000-4000-8000-000000000042';
const DEAL_URL = 'https://app.hubspot.com/contacts/123456/record/0-3/987654';

const readDeal = (dealId: string) => ({
  dealName: `Acme ${dealId}`,
  amount: 48_000,
  company: 'Acme Corp',
});

describe('reportDealSeen', () => {
  let send: ReturnType<typeof vi.fn<(message: ToBackground) => void>>;
  let controller: AbortController;
  beforeEach(() => {
    vi.useFakeTimers();
    send = vi.fn();
    controller = new AbortController();
  });
  afterEach(() => vi.useRealTimers());

  const report = (href: string) =>
    reportDealSeen({
      adapter: hubspot,
      url: new URL(href),
      readDeal,
      signal: controller.signal,
      send,
    });

  it('reports the deal a record page shows, once it had time to render', () => {
    report(DEAL_URL);
    vi.advanceTimersByTime(DEAL_SEEN_DELAY_MS - 1);
    expect(send).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(send).toHaveBeenCalledExactlyOnceWith({
      type: 'deal/seen',
      crm: 'hubspot',
      dealId: '987654',
      dealUrl: DEAL_URL,
      dealName: 'Acme 987654',
      amount: 48_000,
      company: 'Acme Corp',
    });
    expect(ToBackgroundSchema.safeParse(send.mock.calls[0]![0]).success).toBe(true);
  });

  it('asks for lessons of similar deals with what the page shows, and hands over a match', async () => {
    const card = { lessonId: crypto.randomUUID(), dealName: 'Old', createdAt: '', why: [] };
    const ask = vi.fn(async (_message: DealOpen) => ({ ok: true, data: { similar: [card] } }));
    const onMatches = vi.fn();
    reportDealSeen({
      adapter: hubspot,
      url: new URL(DEAL_URL),
      readDeal,
      signal: controller.signal,
      send,
      ask,
      onMatches,
    });
    await vi.advanceTimersByTimeAsync(DEAL_SEEN_DELAY_MS);
    expect(ask).toHaveBeenCalledExactlyOnceWith({
      type: 'deal/open',
      crm: 'hubspot',
      dealId: '987654',
      dealUrl: DEAL_URL,
      deal: readDeal('987654'),
      // Opened, not moved: the first sighting rule of the cue plans applies (cue-plans.ts).
      stageEntered: false,
    });
    expect(ToBackgroundSchema.safeParse(ask.mock.calls[0]![0]).success).toBe(true);
    expect(onMatches).toHaveBeenCalledExactlyOnceWith(
      { crm: 'hubspot', dealId: '987654' },
      { similar: [card] },
    );
  });

  it('shows no chip without a similar lesson, nor once the page was left', async () => {
    let answer!: (reply: { ok: boolean; data?: { similar: [] } }) => void;
    const ask = vi.fn(() => new Promise<{ ok: boolean }>((resolve) => (answer = resolve)));
    const onMatches = vi.fn();
    const options = { adapter: hubspot, readDeal, send, ask, onMatches };
    reportDealSeen({ ...options, url: new URL(DEAL_URL), signal: controller.signal });
    await vi.advanceTimersByTimeAsync(DEAL_SEEN_DELAY_MS);
    answer({ ok: true, data: { similar: [] } });
    await vi.advanceTimersByTimeAsync(0);
    expect(onMatches).not.toHaveBeenCalled();
    const left = new AbortController();
    reportDealSeen({ ...options, url: new URL(DEAL_URL), signal: left.signal });
    await vi.advanceTimersByTimeAsync(DEAL_SEEN_DELAY_MS);
    left.abort();
    answer({
      ok: true,
      data: { similar: [{ lessonId: 'x', dealName: 'Old', createdAt: '', why: [] }] } as never,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(onMatches).not.toHaveBeenCalled();
  });

  it('shows the chip for a plan whose cue the deal shows, even with no similar lesson', async () => {
    const cue = {
      lessonId: CUE_ID,
      dealName: 'Old',
      createdAt: '2026-06-01T00:00:00.000Z',
      why: [],
    };
    const ask = vi.fn(async () => ({ ok: true, data: { cue, similar: [] } }));
    const onMatches = vi.fn();
    askDealMatches(
      { type: 'deal/open', crm: 'hubspot', dealId: '1', dealUrl: DEAL_URL, deal: readDeal('1') },
      { ask, signal: controller.signal, onMatches },
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(onMatches).toHaveBeenCalledExactlyOnceWith(
      { crm: 'hubspot', dealId: '1' },
      { cue, similar: [] },
    );
  });

  it('reports nothing once the page was left (the signal aborted)', () => {
    report(DEAL_URL);
    controller.abort();
    vi.advanceTimersByTime(DEAL_SEEN_DELAY_MS * 2);
    expect(send).not.toHaveBeenCalled();
  });

  it('reports nothing on pages that are not a deal record', () => {
    report('https://app.hubspot.com/contacts/123456/objects/0-3/views/all/list');
    report('https://app.hubspot.com/reports-dashboard/123456');
    vi.advanceTimersByTime(DEAL_SEEN_DELAY_MS * 2);
    expect(send).not.toHaveBeenCalled();
  });
});
