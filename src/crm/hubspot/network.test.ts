import { describe, expect, it } from 'vitest';
import type { RequestBody } from '../../detection/types';
import { hubspotNetwork } from './network';

const json = (value: unknown): RequestBody => ({ kind: 'json', value });
const form = (fields: Record<string, string[]>): RequestBody => ({ kind: 'form', fields });

/** The web app's own save, as the record page sends it (see tests/fixtures/hubspot). */
const APP_SAVE = 'https://app.hubspot.com/api/inbounddb-objects/v1/crm-objects/0-3/777?portalId=1';
const appSave = (stage: string) =>
  json({
    objectTypeId: '0-3',
    objectId: 777,
    propertyValues: [{ name: 'dealstage', value: stage }],
  });

describe('hubspotNetwork.parse: stage saves it reads', () => {
  it('reads the record page save (objectId + propertyValues name/value pairs)', () => {
    expect(hubspotNetwork.parse('PUT', APP_SAVE, appSave('closedlost'))).toEqual([
      { dealId: '777', stageValue: 'closedlost', lost: true },
    ]);
  });

  it.each([
    ['PATCH', 'https://api.hubspot.com/crm/v3/objects/deals/555'],
    ['PATCH', 'https://api-eu1.hubspot.com/crm/v3/objects/deals/555?archived=false'],
    ['PATCH', 'https://app.hubspot.com/api/crm/v3/objects/0-3/555'],
    ['PUT', 'https://app-eu1.hubspot.com/api/deals/v1/deal/555'],
    ['post', 'https://app.hubspot.com/api/crm/v3/objects/0-3/555/'],
  ])('%s %s takes the deal id from the path', (method, url) => {
    const body = json({ properties: { dealstage: 'closedlost', amount: '1000' } });
    expect(hubspotNetwork.parse(method, url, body)).toEqual([
      { dealId: '555', stageValue: 'closedlost', lost: true },
    ]);
  });

  it('reads every deal of a batch update, each with its own id', () => {
    const body = json({
      inputs: [
        { id: '11', properties: { dealstage: 'closedlost' } },
        { id: '12', properties: { dealstage: 'closedwon' } },
        { id: '13', properties: { dealstage: '1029387' } },
      ],
    });
    const url = 'https://api.hubspot.com/crm/v3/objects/deals/batch/update';
    expect(hubspotNetwork.parse('POST', url, body)).toEqual([
      { dealId: '11', stageValue: 'closedlost', lost: true },
      { dealId: '12', stageValue: 'closedwon', lost: false },
      { dealId: '13', stageValue: '1029387', lost: undefined },
    ]);
  });

  it('reads the board save of a dropped card (crm-objects v1, properties as name/value pairs)', () => {
    const url = 'https://app.hubspot.com/api/crm-objects/v1/objects/deals/4711?portalId=1';
    const body = json({ properties: [{ name: 'dealstage', value: 'closedlost' }] });
    expect(hubspotNetwork.parse('PUT', url, body)).toEqual([
      { dealId: '4711', stageValue: 'closedlost', lost: true },
    ]);
  });

  it('reads the inbounddb batch shape, each deal by its objectId, with the lost reason beside', () => {
    const url = 'https://app.hubspot.com/api/inbounddb-objects/v1/crm-objects/0-3/batch?portalId=1';
    const body = json([
      {
        objectId: 4712,
        propertyValues: [
          { name: 'dealstage', value: 'closedlost' },
          { name: 'closed_lost_reason', value: 'Price' },
        ],
      },
      { objectId: 4713, propertyValues: [{ name: 'dealstage', value: 'contractsent' }] },
    ]);
    expect(hubspotNetwork.parse('POST', url, body)).toEqual([
      { dealId: '4712', stageValue: 'closedlost', lost: true },
      { dealId: '4713', stageValue: 'contractsent', lost: false },
    ]);
  });

  it('prefers the id inside the body over the id in the path', () => {
    const body = json({
      objectId: 888,
      propertyValues: [{ name: 'dealstage', value: 'closedlost' }],
    });
    expect(hubspotNetwork.parse('PUT', APP_SAVE, body)).toEqual([
      { dealId: '888', stageValue: 'closedlost', lost: true },
    ]);
  });

  it('reads a form-encoded save', () => {
    const body = form({ dealstage: ['closedlost'], portalId: ['1'] });
    expect(
      hubspotNetwork.parse('POST', 'https://app.hubspot.com/api/deals/v1/deal/31', body),
    ).toEqual([{ dealId: '31', stageValue: 'closedlost', lost: true }]);
  });

  it('reads JSON carried in a form field', () => {
    const body = form({
      data: [
        JSON.stringify({ dealId: 32, properties: [{ name: 'dealstage', value: 'closedlost' }] }),
      ],
    });
    expect(hubspotNetwork.parse('POST', 'https://app.hubspot.com/api/batch', body)).toEqual([
      { dealId: '32', stageValue: 'closedlost', lost: true },
    ]);
  });

  it.each([
    ['closedlost', true],
    ['CLOSEDLOST', true],
    ['closedwon', false],
    ['appointmentscheduled', false],
    ['qualifiedtobuy', false],
    ['presentationscheduled', false],
    ['decisionmakerboughtin', false],
    ['contractsent', false],
    // Custom pipeline stages: numeric ids, only the page's label can tell.
    ['1029387', undefined],
    ['98765432', undefined],
  ])('stage %s says lost = %s', (stage, lost) => {
    expect(hubspotNetwork.parse('PUT', APP_SAVE, appSave(stage))).toEqual([
      { dealId: '777', stageValue: stage, lost },
    ]);
  });

  it('reads a numeric stage value sent as a number', () => {
    const body = json({ properties: { dealstage: 1029387 } });
    expect(
      hubspotNetwork.parse('PATCH', 'https://api.hubspot.com/crm/v3/objects/deals/9', body),
    ).toEqual([{ dealId: '9', stageValue: '1029387', lost: undefined }]);
  });
});

describe('hubspotNetwork.parse: requests that are not stage saves', () => {
  const dealUrl = 'https://api.hubspot.com/crm/v3/objects/deals/555';
  const stageBody = json({ properties: { dealstage: 'closedlost' } });

  it.each(['GET', 'DELETE', 'OPTIONS', 'HEAD'])('ignores %s even with a stage in the body', (m) => {
    expect(hubspotNetwork.parse(m, dealUrl, stageBody)).toEqual([]);
  });

  it.each<[string, RequestBody]>([
    ['no body', { kind: 'none' }],
    ['other properties only', json({ properties: { amount: '100', dealname: 'Acme' } })],
    ['other pairs only', json({ propertyValues: [{ name: 'amount', value: '100' }] })],
    ['the word in a value, not a field', json({ properties: { description: 'dealstage' } })],
    ['a stage without a value', json({ properties: { dealstage: null } })],
    ['a stage given as an object', json({ propertyValues: [{ name: 'dealstage', value: {} }] })],
    ['form without dealstage', form({ amount: ['100'] })],
    ['form with broken JSON', form({ data: ['{"dealstage": "closedlost"'] })],
  ])('ignores a save with %s', (_what, body) => {
    expect(hubspotNetwork.parse('PATCH', dealUrl, body)).toEqual([]);
  });

  it.each([
    'https://api.hubspot.com/crm/v3/objects/deals',
    'https://api.hubspot.com/crm/v3/objects/deals/batch/update',
    'https://api.hubspot.com/crm/v3/objects/deals/abc',
    'https://api.hubspot.com/crm/v3/objects/0-1/555',
    'https://app.hubspot.com/api/sales/v1/pipelines',
  ])('ignores a stage with no deal id in the body or in %s', (url) => {
    expect(hubspotNetwork.parse('POST', url, stageBody)).toEqual([]);
  });
});
