import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { pipedrive } from '.';
import { parsePipedrivePage } from './pages';

const parse = (url: string) => parsePipedrivePage(new URL(url));

describe('parsePipedrivePage', () => {
  it.each([
    ['https://acme.pipedrive.com/deal/1234', { kind: 'deal', dealId: '1234' }],
    ['https://acme.pipedrive.com/deal/1234?tab=notes#x', { kind: 'deal', dealId: '1234' }],
    ['https://acme.pipedrive.com/deal/1234/', { kind: 'deal', dealId: '1234' }],
    ['https://acme-eu.pipedrive.com/deal/98', { kind: 'deal', dealId: '98' }],
    ['https://ACME.Pipedrive.com/deal/98', { kind: 'deal', dealId: '98' }],
    ['https://acme.pipedrive.com/pipeline', { kind: 'board' }],
    ['https://acme.pipedrive.com/pipeline/1', { kind: 'board' }],
    ['https://acme.pipedrive.com/pipeline/3/user/everyone', { kind: 'board' }],
    ['https://acme.pipedrive.com/pipeline/3/filter/17', { kind: 'board' }],
    ['https://acme.pipedrive.com/deals', { kind: 'list' }],
    ['https://acme.pipedrive.com/deals/list', { kind: 'list' }],
    ['https://acme.pipedrive.com/deals/list/user/everyone', { kind: 'list' }],
  ])('%s → %j', (url, expected) => {
    expect(parse(url)).toEqual(expected);
  });

  it.each([
    // Not a deal page of the app.
    'https://acme.pipedrive.com/',
    'https://acme.pipedrive.com/person/12',
    'https://acme.pipedrive.com/organization/31',
    'https://acme.pipedrive.com/activities/list',
    'https://acme.pipedrive.com/leads/inbox',
    'https://acme.pipedrive.com/settings/pipelines',
    'https://acme.pipedrive.com/deal/',
    'https://acme.pipedrive.com/deal/abc',
    'https://acme.pipedrive.com/deal/12abc',
    'https://acme.pipedrive.com/deals/forecast',
    'https://acme.pipedrive.com/pipelines',
    'https://acme.pipedrive.com/pipeline/sales',
    'https://acme.pipedrive.com/mail/inbox',
    // Pipedrive's marketing site, public API and other non-app hosts.
    'https://pipedrive.com/deal/1234',
    'https://www.pipedrive.com/deal/1234',
    'https://www.pipedrive.com/en/features/pipeline',
    'https://www.pipedrive.com/pipeline',
    'https://api.pipedrive.com/deal/1234',
    'https://api.pipedrive.com/v1/deals/1234',
    'https://developers.pipedrive.com/docs/api/v1/Deals',
    'https://support.pipedrive.com/en/article/deal-won-lost',
    'https://status.pipedrive.com/pipeline',
    // Lookalikes and other schemes.
    'https://pipedrive.com.evil.com/deal/1234',
    'https://acme.pipedrive.com.evil.com/deal/1234',
    'https://evilpipedrive.com/deal/1234',
    'https://acme.pipedrive.co/deal/1234',
    'https://a.b.pipedrive.com/deal/1234',
    'https://acme.pipedrive.com:8443/deal/1234',
    'http://acme.pipedrive.com/deal/1234',
  ])('%s → undefined', (url) => {
    expect(parse(url)).toBeUndefined();
  });
});

describe('pipedrive adapter', () => {
  it('runs on every company host and on no lookalike', () => {
    const runsOn = (url: string) =>
      pipedrive.matches.some((pattern) => new MatchPattern(pattern).includes(new URL(url)));
    expect(runsOn('https://acme.pipedrive.com/deal/1')).toBe(true);
    expect(runsOn('https://globex.pipedrive.com/pipeline')).toBe(true);
    expect(runsOn('https://pipedrive.com.evil.com/deal/1')).toBe(false);
    expect(runsOn('https://acme.pipedrive.co/deal/1')).toBe(false);
  });
});
