import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { zoho } from '.';
import { parseZohoPage, ZOHO_CRM_HOSTS } from './pages';

const parse = (url: string) => parseZohoPage(new URL(url));
const DEAL = '4876876000000123456';
const CVID = '4876876000000087501';

describe('parseZohoPage', () => {
  it.each([
    [`https://crm.zoho.com/crm/org20261125/tab/Potentials/${DEAL}`, DEAL],
    [`https://crm.zoho.com/crm/20261125/tab/Potentials/${DEAL}`, DEAL],
    [`https://crm.zoho.com/crm/tab/Potentials/${DEAL}`, DEAL],
    [`https://crm.zoho.com/crm/acmecorp/tab/Potentials/${DEAL}`, DEAL],
    [`https://crm.zoho.com/crm/org20261125/tab/Potentials/${DEAL}/`, DEAL],
    [`https://crm.zoho.com/crm/org20261125/tab/Potentials/${DEAL}?sub_module=x#notes`, DEAL],
    [`https://crm.zoho.eu/crm/org20261125/tab/Potentials/${DEAL}`, DEAL],
    [`https://crm.zoho.in/crm/org60043078423/tab/Potentials/${DEAL}`, DEAL],
    [`https://crm.zoho.com.au/crm/org1/tab/Potentials/${DEAL}`, DEAL],
    [`https://crm.zoho.jp/crm/org1/tab/Potentials/${DEAL}`, DEAL],
    [`https://crm.zohocloud.ca/crm/org1/tab/Potentials/${DEAL}`, DEAL],
    [`https://crm.zoho.com.cn/crm/org1/tab/Potentials/${DEAL}`, DEAL],
    [`https://crm.zoho.sa/crm/org1/tab/Potentials/${DEAL}`, DEAL],
  ])('reads a deal record page: %s', (url, dealId) => {
    expect(parse(url)).toEqual({ kind: 'deal', dealId });
  });

  it.each([
    `https://crm.zoho.com/crm/org20261125/tab/Potentials/custom-view/${CVID}/kanban`,
    `https://crm.zoho.eu/crm/org20098981754/tab/Potentials/custom-view/${CVID}/kanban?pipeline=718479000000517061`,
    `https://crm.zoho.com/crm/tab/Potentials/custom-view/${CVID}/kanban`,
    `https://crm.zoho.com/crm/org1/tab/Potentials/custom-view/${CVID}/kanbanview`,
  ])('reads a Kanban board of deals: %s', (url) => {
    expect(parse(url)).toEqual({ kind: 'board' });
  });

  it.each([
    `https://crm.zoho.com/crm/org20261125/tab/Potentials/custom-view/${CVID}/list`,
    `https://crm.zoho.in/crm/org60041934242/tab/Potentials/custom-view/${CVID}/list?filter_id=9&page=1`,
    `https://crm.zoho.com/crm/org20261125/tab/Potentials/custom-view/${CVID}`,
    'https://crm.zoho.com/crm/org20261125/tab/Potentials',
  ])('reads a list of deals: %s', (url) => {
    expect(parse(url)).toEqual({ kind: 'list' });
  });

  it.each([
    // Other modules.
    `https://crm.zoho.com/crm/org20261125/tab/Leads/${DEAL}`,
    `https://crm.zoho.com/crm/org20261125/tab/Contacts/${DEAL}`,
    `https://crm.zoho.com/crm/org20261125/tab/Accounts/${DEAL}`,
    `https://crm.zoho.com/crm/org20261125/tab/Leads/custom-view/${CVID}/kanban`,
    `https://crm.zoho.com/crm/org20261125/tab/Contacts/custom-view/${CVID}/list`,
    `https://crm.zoho.com/crm/org20261125/tab/potentials/${DEAL}`,
    // Other pages of the Deals module.
    'https://crm.zoho.com/crm/org20261125/tab/Potentials/create',
    `https://crm.zoho.com/crm/org20261125/tab/Potentials/${DEAL}/edit`,
    `https://crm.zoho.com/crm/org20261125/tab/Potentials/custom-view/${CVID}/sheet`,
    `https://crm.zoho.com/crm/org20261125/tab/Potentials/custom-view/notanid/kanban`,
    'https://crm.zoho.com/crm/org20261125/tab/Home/begin',
    'https://crm.zoho.com/crm/org20261125/settings/modules',
    `https://crm.zoho.com/crm/a/b/tab/Potentials/${DEAL}`,
    `https://crm.zoho.com/tab/Potentials/${DEAL}`,
    'https://crm.zoho.com/',
    // Other Zoho hosts, lookalikes, plain http.
    `https://www.zoho.com/crm/org1/tab/Potentials/${DEAL}`,
    `https://accounts.zoho.com/crm/org1/tab/Potentials/${DEAL}`,
    `https://crm.zoho.com.evil.example/crm/org1/tab/Potentials/${DEAL}`,
    `https://crm-zoho.com/crm/org1/tab/Potentials/${DEAL}`,
    `https://evilcrm.zoho.com/crm/org1/tab/Potentials/${DEAL}`,
    `https://crm.zoho.co/crm/org1/tab/Potentials/${DEAL}`,
    `https://www.zohoapis.com/crm/org1/tab/Potentials/${DEAL}`,
    `http://crm.zoho.com/crm/org1/tab/Potentials/${DEAL}`,
  ])('ignores %s', (url) => {
    expect(parse(url)).toBeUndefined();
  });
});

describe('the Zoho adapter manifest patterns', () => {
  const matches = (url: string) => zoho.matches.some((p) => new MatchPattern(p).includes(url));

  it('run on every data centre host, only under /crm/', () => {
    for (const host of ZOHO_CRM_HOSTS) {
      expect(matches(`https://${host}/crm/org1/tab/Potentials/${DEAL}`)).toBe(true);
      expect(matches(`https://${host}/`)).toBe(false);
    }
    expect(zoho.matches.every((p) => !p.includes('*.'))).toBe(true);
  });

  it('do not run on other Zoho hosts or lookalikes', () => {
    for (const url of [
      'https://www.zoho.com/crm/',
      'https://accounts.zoho.com/crm/signin',
      'https://crm.zoho.com.evil.example/crm/',
      'https://mail.zoho.com/crm/',
    ]) {
      expect(matches(url)).toBe(false);
    }
  });
});
