import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  clearRecentDeals,
  openRecentDeals,
  parseRecentDeals,
  readRecentDeals,
  RECENT_DEALS_LIMIT,
  recentDealsItem,
  withDealSeen,
  type RecentDeal,
  type SeenDeal,
} from './recent-deals';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-03-20T12:00:00Z');

const deal = (dealId: string, more: Partial<SeenDeal> = {}): SeenDeal => ({
  crm: 'hubspot',
  dealId,
  dealUrl: `https://app.hubspot.com/contacts/1/record/0-3/${dealId}`,
  dealName: `Deal ${dealId}`,
  ...more,
});
const stored = (dealId: string, lastSeen: number): RecentDeal => ({ ...deal(dealId), lastSeen });

beforeEach(() => fakeBrowser.reset());

describe('withDealSeen', () => {
  it('puts the deal seen first, with when it was seen', () => {
    const deals = withDealSeen([stored('1', NOW - 1000)], deal('2'), NOW);
    expect(deals.map((d) => [d.dealId, d.lastSeen])).toEqual([
      ['2', NOW],
      ['1', NOW - 1000],
    ]);
  });

  it('keeps one entry per deal of a CRM: seen again, it moves up with what the page shows now', () => {
    const before = [stored('1', NOW - 2000), stored('2', NOW - 3000)];
    const deals = withDealSeen(before, deal('2', { dealName: 'Renamed', amount: 5 }), NOW);
    expect(deals.map((d) => d.dealId)).toEqual(['2', '1']);
    expect(deals[0]).toMatchObject({ dealName: 'Renamed', amount: 5, lastSeen: NOW });
  });

  it('tells the same record id apart on two CRMs', () => {
    const deals = withDealSeen([stored('1', NOW - 1000)], deal('1', { crm: 'zoho' }), NOW);
    expect(deals.map((d) => d.crm)).toEqual(['zoho', 'hubspot']);
  });

  it(`keeps at most ${RECENT_DEALS_LIMIT}, dropping the oldest`, () => {
    const full = Array.from({ length: RECENT_DEALS_LIMIT }, (_, i) => stored(`${i}`, NOW - i - 1));
    const deals = withDealSeen(full, deal('new'), NOW);
    expect(deals).toHaveLength(RECENT_DEALS_LIMIT);
    expect(deals[0]!.dealId).toBe('new');
    expect(deals.some((d) => d.dealId === `${RECENT_DEALS_LIMIT - 1}`)).toBe(false);
  });

  it('drops deals last seen more than 14 days ago', () => {
    const deals = withDealSeen(
      [stored('fresh', NOW - 14 * DAY), stored('old', NOW - 14 * DAY - 1)],
      deal('new'),
      NOW,
    );
    expect(deals.map((d) => d.dealId)).toEqual(['new', 'fresh']);
  });
});

describe('parseRecentDeals', () => {
  it('leaves out entries that do not parse, and anything that is not a list', () => {
    const good = stored('1', NOW);
    expect(
      parseRecentDeals(
        [good, { ...good, dealId: '' }, { ...good, dealUrl: 'javascript:alert(1)' }, 'x'],
        NOW,
      ),
    ).toEqual([good]);
    expect(parseRecentDeals({ deals: [good] }, NOW)).toEqual([]);
    expect(parseRecentDeals(undefined, NOW)).toEqual([]);
  });

  it('reads newest first and cuts at 14 days', () => {
    const list = [stored('a', NOW - 3 * DAY), stored('b', NOW - DAY), stored('c', NOW - 15 * DAY)];
    expect(parseRecentDeals(list, NOW).map((d) => d.dealId)).toEqual(['b', 'a']);
  });
});

describe('openRecentDeals', () => {
  it('writes every deal reported at once, none lost to another write', async () => {
    let clock = NOW;
    const recent = openRecentDeals(() => clock++);
    await Promise.all(['1', '2', '3'].map((id) => recent.seen(deal(id))));
    expect((await readRecentDeals(clock)).map((d) => d.dealId)).toEqual(['3', '2', '1']);
  });

  it('refuses a deal that does not fit the schema', async () => {
    const recent = openRecentDeals(() => NOW);
    await expect(recent.seen(deal('1', { dealUrl: 'not a url' }))).rejects.toThrow();
    await recent.seen(deal('2'));
    expect((await readRecentDeals(NOW)).map((d) => d.dealId)).toEqual(['2']);
  });

  it('is emptied by clearRecentDeals', async () => {
    await openRecentDeals(() => NOW).seen(deal('1'));
    await clearRecentDeals();
    expect(await recentDealsItem.getValue()).toEqual([]);
    expect(await readRecentDeals(NOW)).toEqual([]);
  });
});
