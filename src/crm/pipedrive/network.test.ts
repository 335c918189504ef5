import { describe, expect, it } from 'vitest';
import type { RequestBody } from '../../detection/types';
import { pipedriveNetwork, UNREADABLE } from './network';

const json = (value: unknown): RequestBody => ({ kind: 'json', value });
const form = (fields: Record<string, string>): RequestBody => ({
  kind: 'form',
  fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v]])),
});
const parse = (method: string, url: string, body: RequestBody) =>
  pipedriveNetwork.parse(method, url, body);

const APP = 'https://acme.pipedrive.com';

describe('pipedriveNetwork.parse: deal status saves', () => {
  it('reads the web app v1 save: PUT /api/v1/deals/{id} {status: "lost"}', () => {
    expect(
      parse('PUT', `${APP}/api/v1/deals/4711`, json({ status: 'lost', lost_reason: 'Price' })),
    ).toEqual([{ dealId: '4711', stageValue: 'lost', lost: true }]);
  });

  it('reads the v2 save: PATCH /api/v2/deals/{id}', () => {
    expect(parse('PATCH', `${APP}/api/v2/deals/52000`, json({ status: 'lost' }))).toEqual([
      { dealId: '52000', stageValue: 'lost', lost: true },
    ]);
  });

  it('reads the public API host too, with a query string', () => {
    expect(
      parse('PUT', 'https://api.pipedrive.com/v1/deals/12?api_token=x', json({ status: 'lost' })),
    ).toEqual([{ dealId: '12', stageValue: 'lost', lost: true }]);
    expect(
      parse('PATCH', 'https://api.pipedrive.com/api/v2/deals/12', json({ status: 'lost' })),
    ).toEqual([{ dealId: '12', stageValue: 'lost', lost: true }]);
  });

  it.each([
    ['won', false],
    ['open', false],
    ['deleted', false],
    ['LOST', true],
    ['something-new', undefined],
  ])('status %s → lost %s', (status, lost) => {
    expect(parse('PUT', `${APP}/api/v1/deals/1`, json({ status }))).toEqual([
      { dealId: '1', stageValue: status, lost },
    ]);
  });

  it('counts a PATCH whose body the browser withheld as a save the page must explain', () => {
    // Chromium's webRequest shows POST and PUT bodies only.
    expect(parse('PATCH', `${APP}/api/v2/deals/52000`, { kind: 'none' })).toEqual([
      { dealId: '52000', stageValue: UNREADABLE, lost: undefined },
    ]);
    expect(parse('PATCH', `${APP}/api/v2/deals`, { kind: 'none' })).toEqual([]);
    expect(parse('PATCH', `${APP}/api/v2/persons/52000`, { kind: 'none' })).toEqual([]);
  });

  it('takes the deal id from the body on a collection path', () => {
    expect(parse('POST', `${APP}/api/v1/deals`, json({ id: 88, status: 'lost' }))).toEqual([
      { dealId: '88', stageValue: 'lost', lost: true },
    ]);
    expect(
      parse(
        'PUT',
        `${APP}/api/v1/deals/bulk`,
        json({
          data: [
            { id: 1, status: 'lost' },
            { id: 2, status: 'won' },
          ],
        }),
      ),
    ).toEqual([
      { dealId: '1', stageValue: 'lost', lost: true },
      { dealId: '2', stageValue: 'won', lost: false },
    ]);
  });

  it('finds the status wherever the body wraps it', () => {
    expect(
      parse('PUT', `${APP}/api/v1/deals/5`, json({ deal: { id: 5, status: 'lost' } })),
    ).toEqual([{ dealId: '5', stageValue: 'lost', lost: true }]);
    expect(
      parse(
        'PUT',
        `${APP}/api/v1/deals/5`,
        json({ changes: [{ field: 'status', value: 'lost' }] }),
      ),
    ).toEqual([{ dealId: '5', stageValue: 'lost', lost: true }]);
  });

  it('reads form-encoded bodies', () => {
    expect(
      parse('PUT', `${APP}/api/v1/deals/6`, form({ status: 'lost', lost_reason: 'Timing' })),
    ).toEqual([{ dealId: '6', stageValue: 'lost', lost: true }]);
  });
});

describe('pipedriveNetwork.parse: not a deal status save', () => {
  it.each<[string, string, string, RequestBody]>([
    ['a GET of the deal', 'GET', `${APP}/api/v1/deals/7`, { kind: 'none' }],
    ['a DELETE of the deal', 'DELETE', `${APP}/api/v2/deals/7`, json({ status: 'lost' })],
    ['a deal update without status (stage)', 'PUT', `${APP}/api/v1/deals/7`, json({ stage_id: 3 })],
    [
      'a deal update without status (reason only)',
      'PUT',
      `${APP}/api/v1/deals/7`,
      json({ lost_reason: 'Price' }),
    ],
    [
      'a deal update without status (title)',
      'PATCH',
      `${APP}/api/v2/deals/7`,
      json({ title: 'Lost cause' }),
    ],
    ['a body-less PUT', 'PUT', `${APP}/api/v1/deals/7`, { kind: 'none' }],
    ['a body-less POST', 'POST', `${APP}/api/v1/deals/7`, { kind: 'none' }],
    [
      'a PATCH whose readable body has no status',
      'PATCH',
      `${APP}/api/v2/deals/7`,
      json({ value: 5 }),
    ],
    ['a person update', 'PUT', `${APP}/api/v1/persons/7`, json({ name: 'Ann', status: 'lost' })],
    ['an organization update', 'PATCH', `${APP}/api/v2/organizations/7`, json({ status: 'lost' })],
    ['an activity marked done', 'PUT', `${APP}/api/v1/activities/7`, json({ done: 1, deal_id: 7 })],
    ['a project with a status', 'PUT', `${APP}/api/v1/projects/7`, json({ status: 'completed' })],
    ['a lead', 'PATCH', `${APP}/api/v1/leads/3f2c`, json({ status: 'lost' })],
    ['deal fields (not a deal)', 'PUT', `${APP}/api/v1/dealFields/7`, json({ status: 'lost' })],
    [
      'a product attached to a deal',
      'PUT',
      `${APP}/api/v1/deals/7/products/3`,
      json({ status: 'lost' }),
    ],
    [
      'a collection save without ids',
      'POST',
      `${APP}/api/v1/deals`,
      json({ status: 'lost', title: 'New' }),
    ],
    ['a page of the app, not its API', 'POST', `${APP}/deal/7`, json({ status: 'lost' })],
    [
      'a lookalike host',
      'PUT',
      'https://pipedrive.com.evil.com/api/v1/deals/7',
      json({ status: 'lost' }),
    ],
    [
      'the marketing site',
      'PUT',
      'https://www.pipedrive.com/api/v1/deals/7',
      json({ status: 'lost' }),
    ],
    ['plain http', 'PUT', 'http://acme.pipedrive.com/api/v1/deals/7', json({ status: 'lost' })],
    ['another CRM', 'PUT', 'https://app.hubspot.com/api/v1/deals/7', json({ status: 'lost' })],
  ])('%s → []', (_name, method, url, body) => {
    expect(parse(method, url, body)).toEqual([]);
  });

  it('ignores a status under another record inside a deal save', () => {
    expect(
      parse(
        'PUT',
        `${APP}/api/v1/deals/7`,
        json({ title: 'X', person: { id: 9, status: 'lost' } }),
      ),
    ).toEqual([]);
  });

  it('does not throw on a URL it cannot read', () => {
    expect(parse('PUT', 'not a url', json({ status: 'lost' }))).toEqual([]);
  });
});

describe('pipedriveNetwork.urls', () => {
  it('watches the company hosts’ API and the public API host only', () => {
    expect(pipedriveNetwork.urls).toEqual([
      'https://*.pipedrive.com/api/*',
      'https://api.pipedrive.com/*',
    ]);
  });
});
