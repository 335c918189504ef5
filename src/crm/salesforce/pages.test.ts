import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import type { PageInfo } from '../../detection/types';
import { salesforce } from './index';
import { isClassicEditUrl, isLightningUrl, opportunityId, parseSalesforcePage } from './pages';

const ID15 = '0065g00000AbCdE';
const ID18 = '0065g00000AbCdEAAV';
const LX = 'https://acme.lightning.force.com';
const MY = 'https://acme.my.salesforce.com';

describe('opportunityId', () => {
  it('turns a 15-character id into the 18-character form Salesforce shows in Lightning', () => {
    expect(opportunityId(ID15)).toBe(ID18);
    expect(opportunityId(ID18)).toBe(ID18);
  });

  it('matches the checksum Salesforce documents (001A0000006Vm9r → …IAC), for any prefix', () => {
    // The documented example is an Account id; with the Opportunity prefix the suffix is the same.
    expect(opportunityId('006A0000006Vm9r')).toBe('006A0000006Vm9rIAC');
  });

  it('restores the case of an 18-character id typed in the wrong case, as Salesforce does', () => {
    expect(opportunityId(ID18.toLowerCase())).toBe(ID18);
    expect(opportunityId(ID18.toUpperCase())).toBe(ID18);
  });

  it('tells 15-character ids that differ only in case apart (they are different records)', () => {
    expect(opportunityId('0065g00000abcde')).not.toBe(opportunityId('0065G00000ABCDE'));
  });

  it.each([
    ['an Account id', '0015g00000AbCdE'],
    ['a Contact id', '0035g00000AbCdEAAV'],
    ['a Lead id', '00Q5g00000AbCdE'],
    ['a list view id', '00B5g00000AbCdE'],
    ['too short', '0065g00000AbCd'],
    ['16 characters', '0065g00000AbCdEA'],
    ['punctuation', '0065g00000AbCd!'],
    ['an 18-character id with a suffix outside the checksum alphabet', '0065g00000AbCdE999'],
    ['nothing', undefined],
  ])('rejects %s', (_what, raw) => {
    expect(opportunityId(raw)).toBeUndefined();
  });
});

describe('parseSalesforcePage', () => {
  const cases: [string, PageInfo | undefined][] = [
    // Lightning record pages
    [`${LX}/lightning/r/Opportunity/${ID18}/view`, { kind: 'deal', dealId: ID18 }],
    [`${LX}/lightning/r/Opportunity/${ID15}/view`, { kind: 'deal', dealId: ID18 }],
    [`${LX}/lightning/r/Opportunity/${ID18}/view?ws=%2Flightning`, { kind: 'deal', dealId: ID18 }],
    [`${LX}/lightning/r/Opportunity/${ID18}/edit`, { kind: 'deal', dealId: ID18 }],
    [`${LX}/lightning/r/${ID18}/view`, { kind: 'deal', dealId: ID18 }],
    [`${MY}/lightning/r/Opportunity/${ID18}/view`, { kind: 'deal', dealId: ID18 }],
    [
      `https://acme--uat.sandbox.lightning.force.com/lightning/r/Opportunity/${ID18}/view`,
      { kind: 'deal', dealId: ID18 },
    ],
    // Lightning lists and Kanban
    [`${LX}/lightning/o/Opportunity/list?filterName=Recent`, { kind: 'list' }],
    [`${LX}/lightning/o/Opportunity/home`, { kind: 'list' }],
    [
      `${LX}/lightning/o/Opportunity/list?filterName=AllOpportunities&viewMode=kanban`,
      { kind: 'board' },
    ],
    [`${LX}/lightning/o/Opportunity/list?viewMode=Kanban`, { kind: 'board' }],
    // Classic
    [`${MY}/${ID15}`, { kind: 'deal', dealId: ID18 }],
    [`${MY}/${ID15}/e?retURL=%2F${ID15}`, { kind: 'deal', dealId: ID18 }],
    [`${MY}/${ID18}`, { kind: 'deal', dealId: ID18 }],
    [`${MY}/006/o`, { kind: 'list' }],
    [`${MY}/006?fcf=00B5g00000AbCdE`, { kind: 'list' }],
    // Not ours: other objects
    [`${LX}/lightning/r/Account/0015g00000AbCdEAAV/view`, undefined],
    [`${LX}/lightning/r/Contact/0035g00000AbCdEAAV/view`, undefined],
    [`${LX}/lightning/r/Lead/00Q5g00000AbCdEAAV/view`, undefined],
    [`${LX}/lightning/r/0015g00000AbCdEAAV/view`, undefined],
    [`${LX}/lightning/r/Account/${ID18}/view`, undefined],
    [`${LX}/lightning/o/Account/list?filterName=Recent`, undefined],
    [`${LX}/lightning/o/Lead/list?viewMode=kanban`, undefined],
    [`${MY}/0015g00000AbCdE`, undefined],
    [`${MY}/0015g00000AbCdE/e`, undefined],
    [`${MY}/00Q5g00000AbCdE`, undefined],
    // Not ours: other pages of an opportunity, and other Salesforce pages
    [`${LX}/lightning/r/Opportunity/${ID18}/related/OpportunityLineItems/view`, undefined],
    [`${LX}/lightning/r/Opportunity/${ID18}`, undefined],
    [`${LX}/lightning/page/home`, undefined],
    [`${LX}/lightning/setup/SetupOneHome/home`, undefined],
    [`${MY}/${ID15}/c`, undefined],
    [`${MY}/home/home.jsp`, undefined],
    [`${MY}/`, undefined],
    // Not ours: other hosts
    [`https://login.salesforce.com/${ID15}`, undefined],
    [`https://na1.salesforce.com/${ID15}`, undefined],
    [`https://acme.my.salesforce.com.evil.example/${ID15}`, undefined],
    [`https://acme.force.com/lightning/r/Opportunity/${ID18}/view`, undefined],
    [`https://lightning.force.com/lightning/r/Opportunity/${ID18}/view`, undefined],
    [`https://app.hubspot.com/lightning/r/Opportunity/${ID18}/view`, undefined],
    [`http://acme.lightning.force.com/lightning/r/Opportunity/${ID18}/view`, undefined],
  ];

  it.each(cases)('%s → %o', (url, expected) => {
    expect(parseSalesforcePage(new URL(url))).toEqual(expected);
  });

  it('tells the two UIs apart on the shared My Domain host', () => {
    expect(isLightningUrl(new URL(`${MY}/lightning/r/Opportunity/${ID18}/view`))).toBe(true);
    expect(isLightningUrl(new URL(`${MY}/${ID15}/e`))).toBe(false);
    expect(isClassicEditUrl(new URL(`${MY}/${ID15}/e?retURL=%2F${ID15}`))).toBe(true);
    expect(isClassicEditUrl(new URL(`${MY}/${ID15}`))).toBe(false);
    expect(isClassicEditUrl(new URL(`${MY}/0015g00000AbCdE/e`))).toBe(false);
  });
});

describe('the adapter’s content-script matches', () => {
  const matches = (url: string) =>
    salesforce.matches.some((p) => new MatchPattern(p).includes(new URL(url)));

  it('cover Lightning, My Domain and sandbox hosts', () => {
    expect(matches(`${LX}/lightning/r/Opportunity/${ID18}/view`)).toBe(true);
    expect(matches(`${MY}/${ID15}/e`)).toBe(true);
    expect(matches(`https://acme--uat.sandbox.my.salesforce.com/${ID15}`)).toBe(true);
  });

  it('leave other Salesforce and non-Salesforce hosts alone', () => {
    expect(matches(`https://login.salesforce.com/`)).toBe(false);
    expect(matches(`https://na1.salesforce.com/${ID15}`)).toBe(false);
    expect(matches(`https://acme.my.site.com/s/`)).toBe(false);
    expect(matches(`https://app.hubspot.com/contacts/1/record/0-3/2`)).toBe(false);
  });
});
