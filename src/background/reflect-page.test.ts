import { describe, expect, it } from 'vitest';
import type { DealPrefill } from '../lessons/deal-prefill';
import { dealPrefillFrom, reflectOnDealUrl } from './reflect-page';

const DEAL: DealPrefill = {
  crm: 'hubspot',
  dealId: '987654',
  dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/987654?a=1&b=2',
  dealName: 'Acme & Co — <renewal>',
  company: 'Acme Corp',
};

describe('the reflect page for a named deal', () => {
  it('carries the deal in its query, read back as it was', () => {
    const url = new URL(reflectOnDealUrl(DEAL));
    expect(url.pathname).toBe('/reflect.html');
    expect(dealPrefillFrom(url.search)).toEqual(DEAL);
  });

  it('leaves the company out when there is none', () => {
    const deal = { ...DEAL, company: undefined };
    const url = new URL(reflectOnDealUrl(deal));
    expect(url.searchParams.has('company')).toBe(false);
    expect(dealPrefillFrom(url.search)).toEqual(deal);
    expect(dealPrefillFrom(url.search)).not.toHaveProperty('company');
  });

  it('names no deal for a plain manual entry, a draft, or a query that does not parse', () => {
    expect(dealPrefillFrom('')).toBeUndefined();
    expect(dealPrefillFrom('?draft=0b7c4c1e-1b7e-4d25-9b0e-3c1f1e0f4b2a')).toBeUndefined();
    const query = (more: Record<string, string>) =>
      `?${new URLSearchParams({ ...DEAL, ...more } as Record<string, string>)}`;
    expect(dealPrefillFrom(query({ dealUrl: 'javascript:alert(1)' }))).toBeUndefined();
    expect(dealPrefillFrom(query({ dealName: '   ' }))).toBeUndefined();
    expect(dealPrefillFrom(query({ dealId: '' }))).toBeUndefined();
  });
});
