import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { decodeText } from '../../detection/request-body';
import type { RequestBody } from '../../detection/types';
import { zohoNetwork } from './network';

const DEAL = '4876876000000123456';
const OTHER = '4876876000000654321';
const json = (value: unknown): RequestBody => ({ kind: 'json', value });
const form = (text: string): RequestBody => decodeText(text);
const parse = (method: string, url: string, body: RequestBody) =>
  zohoNetwork.parse(method, url, body);

describe('zohoNetwork.parse: deal stage saves', () => {
  it('reads the public API shape: PUT /crm/v2/Deals/{id}', () => {
    expect(
      parse(
        'PUT',
        `https://www.zohoapis.com/crm/v2/Deals/${DEAL}`,
        json({ data: [{ id: DEAL, Stage: 'Closed Lost' }] }),
      ),
    ).toEqual([{ dealId: DEAL, stageValue: 'Closed Lost', lost: true, okStatusIsNotProof: true }]);
  });

  it.each(['v2', 'v2.1', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8'])('any API version: %s', (v) => {
    expect(
      parse(
        'PUT',
        `https://www.zohoapis.eu/crm/${v}/Deals/${DEAL}`,
        json({ data: [{ Stage: 'Closed Lost' }] }),
      ),
    ).toEqual([{ dealId: DEAL, stageValue: 'Closed Lost', lost: true, okStatusIsNotProof: true }]);
  });

  it('takes the id from the path when the record in the body has none', () => {
    expect(
      parse(
        'PUT',
        `https://www.zohoapis.com/crm/v7/Deals/${DEAL}`,
        json({ data: [{ Stage: 'Closed-Lost to Competition', Account_Name: { id: OTHER } }] }),
      ),
    ).toEqual([
      {
        dealId: DEAL,
        stageValue: 'Closed-Lost to Competition',
        lost: true,
        okStatusIsNotProof: true,
      },
    ]);
  });

  it('reads every record of a batch PUT /crm/v2/Deals', () => {
    expect(
      parse(
        'PUT',
        'https://www.zohoapis.com/crm/v2/Deals',
        json({
          data: [
            { id: DEAL, Stage: 'Closed Lost', Reason_For_Loss__s: 'Price' },
            { id: OTHER, Stage: 'Closed Won' },
            { id: '3', Stage: 'Negotiation/Review' },
            { id: '4', Amount: 1200 },
          ],
          trigger: ['workflow'],
        }),
      ),
    ).toEqual([
      { dealId: DEAL, stageValue: 'Closed Lost', lost: true, okStatusIsNotProof: true },
      { dealId: OTHER, stageValue: 'Closed Won', lost: false, okStatusIsNotProof: true },
      { dealId: '3', stageValue: 'Negotiation/Review', lost: undefined, okStatusIsNotProof: true },
    ]);
  });

  it("reads the web app's internal JSON save on its own host (PUT /crm/v2.2/Deals)", () => {
    expect(
      parse(
        'PUT',
        'https://crm.zoho.com/crm/v2.2/Deals',
        json({ data: [{ id: DEAL, Stage: 'Closed Lost', Reason_For_Loss__s: 'Price' }] }),
      ),
    ).toEqual([{ dealId: DEAL, stageValue: 'Closed Lost', lost: true, okStatusIsNotProof: true }]);
  });

  it('reads a form post under /crm/{org}/ naming the record beside the fields', () => {
    expect(
      parse(
        'POST',
        'https://crm.zoho.eu/crm/org20261125/kanbanview/updaterecord',
        form(`module=Potentials&cvid=9&recordId=${DEAL}&Stage=Closed+Lost`),
      ),
    ).toEqual([{ dealId: DEAL, stageValue: 'Closed Lost', lost: true, okStatusIsNotProof: true }]);
  });

  it('reads a form post carrying the record as JSON in a field', () => {
    const data = encodeURIComponent(JSON.stringify([{ id: DEAL, Stage: 'Closed Lost' }]));
    expect(
      parse(
        'POST',
        'https://crm.zoho.in/crm/org1/updateRecords',
        form(`module=Potentials&data=${data}`),
      ),
    ).toEqual([{ dealId: DEAL, stageValue: 'Closed Lost', lost: true, okStatusIsNotProof: true }]);
  });

  it('reads a PATCH, and a record id from the query string', () => {
    expect(
      parse(
        'PATCH',
        `https://crm.zoho.com.au/crm/org1/update?module=Potentials&id=${DEAL}`,
        json({ Stage: 'Closed Lost' }),
      ),
    ).toEqual([{ dealId: DEAL, stageValue: 'Closed Lost', lost: true, okStatusIsNotProof: true }]);
  });

  it('reads the stage inside any wrapping', () => {
    expect(
      parse(
        'POST',
        'https://crm.zoho.jp/crm/v2.2/Potentials/actions/update',
        json({
          request: { records: [{ record: { id: DEAL, fields: { Stage: 'Closed Lost' } } }] },
        }),
      ),
    ).toEqual([{ dealId: DEAL, stageValue: 'Closed Lost', lost: true, okStatusIsNotProof: true }]);
  });

  it.each([
    ['Closed Lost', true],
    ['closed lost', true],
    ['Closed-Lost to Competition', true],
    ['Closed Won', false],
    ['Qualification', undefined],
    ['Negotiation/Review', undefined],
    ['Lost – on hold', undefined],
    ['Verloren', undefined],
  ])('says %s is lost: %s (undefined: the page label decides)', (stage, lost) => {
    expect(
      parse(
        'PUT',
        `https://crm.zoho.com/crm/v2.2/Deals/${DEAL}`,
        json({ data: [{ Stage: stage }] }),
      ),
    ).toEqual([{ dealId: DEAL, stageValue: stage, lost, okStatusIsNotProof: true }]);
  });

  it.each([
    'crm.zoho.com',
    'crm.zoho.eu',
    'crm.zoho.in',
    'crm.zoho.com.au',
    'crm.zoho.jp',
    'crm.zohocloud.ca',
    'crm.zoho.com.cn',
    'crm.zoho.sa',
    'www.zohoapis.com',
    'www.zohoapis.eu',
    'www.zohoapis.in',
    'www.zohoapis.com.au',
    'www.zohoapis.jp',
    'www.zohoapis.ca',
    'www.zohoapis.com.cn',
    'www.zohoapis.sa',
  ])('reads saves on %s, whose /crm/ paths are watched', (host) => {
    const url = `https://${host}/crm/v2/Deals/${DEAL}`;
    expect(parse('PUT', url, json({ data: [{ Stage: 'Closed Lost' }] }))).toHaveLength(1);
    expect(zohoNetwork.urls.some((p) => new MatchPattern(p).includes(url))).toBe(true);
  });
});

describe('zohoNetwork.parse: everything else', () => {
  const lost = json({ data: [{ id: DEAL, Stage: 'Closed Lost' }] });

  it.each([
    ['GET', `https://crm.zoho.com/crm/v2.2/Deals/${DEAL}`, lost],
    ['DELETE', `https://crm.zoho.com/crm/v2.2/Deals/${DEAL}`, lost],
    ['HEAD', `https://crm.zoho.com/crm/v2.2/Deals/${DEAL}`, { kind: 'none' } as const],
  ])('ignores %s requests', (method, url, body) => {
    expect(parse(method, url, body)).toEqual([]);
  });

  it.each([
    ['Leads', json({ data: [{ id: DEAL, Lead_Status: 'Lost Lead' }] })],
    ['Leads', json({ data: [{ id: DEAL, Stage: 'Closed Lost' }] })],
    ['Contacts', json({ data: [{ id: DEAL, Stage: 'Closed Lost' }] })],
    ['Accounts', json({ data: [{ id: DEAL, Stage: 'Closed Lost' }] })],
    ['Quotes', json({ data: [{ id: DEAL, Quote_Stage: 'Closed Lost' }] })],
  ])('ignores updates of %s', (module, body) => {
    expect(parse('PUT', `https://www.zohoapis.com/crm/v2/${module}/${DEAL}`, body)).toEqual([]);
    expect(parse('PUT', `https://crm.zoho.com/crm/v2.2/${module}`, body)).toEqual([]);
  });

  it('ignores internal form posts naming another module', () => {
    expect(
      parse(
        'POST',
        'https://crm.zoho.com/crm/org1/kanbanview/updaterecord',
        form(`module=Leads&recordId=${DEAL}&Stage=Closed+Lost`),
      ),
    ).toEqual([]);
    expect(
      parse(
        'POST',
        `https://crm.zoho.com/crm/org1/update?module=Contacts&id=${DEAL}`,
        json({ Stage: 'Closed Lost' }),
      ),
    ).toEqual([]);
  });

  it('ignores deal updates without a Stage', () => {
    expect(
      parse(
        'PUT',
        `https://crm.zoho.com/crm/v2.2/Deals/${DEAL}`,
        json({ data: [{ id: DEAL, Amount: 5000, Next_Step: 'Closed Lost follow-up' }] }),
      ),
    ).toEqual([]);
    expect(
      parse(
        'POST',
        'https://crm.zoho.com/crm/org1/kanbanview/updaterecord',
        form(`module=Potentials&recordId=${DEAL}&Amount=5`),
      ),
    ).toEqual([]);
  });

  it('ignores a Stage with no record id anywhere', () => {
    expect(
      parse(
        'PUT',
        'https://crm.zoho.com/crm/v2.2/Deals',
        json({ data: [{ Stage: 'Closed Lost' }] }),
      ),
    ).toEqual([]);
    expect(
      parse(
        'POST',
        'https://crm.zoho.com/crm/org1/save',
        form('module=Potentials&Stage=Closed+Lost'),
      ),
    ).toEqual([]);
  });

  it('ignores an empty Stage and bodies it cannot read', () => {
    expect(
      parse('PUT', `https://crm.zoho.com/crm/v2.2/Deals/${DEAL}`, json({ data: [{ Stage: '' }] })),
    ).toEqual([]);
    expect(parse('PUT', `https://crm.zoho.com/crm/v2.2/Deals/${DEAL}`, { kind: 'none' })).toEqual(
      [],
    );
    expect(
      parse('PUT', `https://crm.zoho.com/crm/v2.2/Deals/${DEAL}`, json('Closed Lost')),
    ).toEqual([]);
  });

  it('ignores settings requests that edit the Stage picklist itself', () => {
    expect(
      parse(
        'PUT',
        'https://crm.zoho.com/crm/v2.2/settings/fields?module=Deals',
        json({ fields: [{ id: DEAL, Stage: 'Closed Lost', api_name: 'Stage' }] }),
      ),
    ).toEqual([]);
  });

  it.each([
    `https://www.zoho.com/crm/v2/Deals/${DEAL}`,
    `https://accounts.zoho.com/crm/v2/Deals/${DEAL}`,
    `https://crm.zoho.com.evil.example/crm/v2/Deals/${DEAL}`,
    `https://www.zohoapis.com.evil.example/crm/v2/Deals/${DEAL}`,
    `https://app.hubspot.com/crm/v2/Deals/${DEAL}`,
    `http://crm.zoho.com/crm/v2/Deals/${DEAL}`,
    `https://crm.zoho.com/api/v2/Deals/${DEAL}`,
    `https://www.zohoapis.com/books/v3/Deals/${DEAL}`,
  ])('ignores requests outside Zoho CRM: %s', (url) => {
    expect(parse('PUT', url, lost)).toEqual([]);
  });
});
