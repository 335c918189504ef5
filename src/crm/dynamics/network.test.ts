import { describe, expect, it } from 'vitest';
import { decodeRequestBody, decodeText } from '../../detection/request-body';
import type { RequestBody } from '../../detection/types';
import { dynamicsNetwork, isBatchUrl, savesInBatchText } from './network';

const GUID = '7d9f3c2a-4b1e-4f0a-9c8d-2e6b5a4f3d21';
const OTHER = '0b6e2f1d-8c3a-4d5e-a7f9-1c2b3d4e5f60';
const API = 'https://contoso.crm4.dynamics.com/api/data/v9.2';

const json = (value: unknown): RequestBody => ({ kind: 'json', value });
const parse = (method: string, url: string, body: RequestBody) =>
  dynamicsNetwork.parse(method, url, body);

/** The body the form's Close Opportunity dialog sends, as the brief's capture shows it. */
const closeBody = (binding: string, status = 4) =>
  json({
    OpportunityClose: {
      subject: 'Lost the opportunity',
      'opportunityid@odata.bind': binding,
      actualrevenue: 0,
      description: 'Went with Fabrikam',
    },
    Status: status,
  });

describe('Dynamics save parser: closes', () => {
  it('LoseOpportunity is a loss of the bound opportunity', () => {
    expect(parse('POST', `${API}/LoseOpportunity`, closeBody(`/opportunities(${GUID})`))).toEqual([
      { dealId: GUID, stageValue: 'LoseOpportunity', lost: true },
    ]);
  });

  it('WinOpportunity is not a loss', () => {
    expect(parse('POST', `${API}/WinOpportunity`, closeBody(`/opportunities(${GUID})`, 3))).toEqual(
      [{ dealId: GUID, stageValue: 'WinOpportunity', lost: false }],
    );
  });

  it.each([
    ['v9.0', 'https://contoso.crm4.dynamics.com/api/data/v9.0/LoseOpportunity'],
    ['v9.1', 'https://contoso.crm.dynamics.com/api/data/v9.1/LoseOpportunity'],
    ['v9 with no minor', 'https://contoso.crm4.dynamics.com/api/data/v9/LoseOpportunity'],
    ['the qualified name', `${API}/Microsoft.Dynamics.CRM.LoseOpportunity`],
    ['another spelling', `${API}/loseopportunity`],
    ['a query string', `${API}/LoseOpportunity?tag=ui`],
  ])('accepts %s', (_what, url) => {
    expect(parse('POST', url, closeBody(`/opportunities(${GUID})`))).toEqual([
      { dealId: GUID, stageValue: 'LoseOpportunity', lost: true },
    ]);
  });

  it.each([
    ['braces and upper case', `/opportunities({${GUID.toUpperCase()}})`],
    ['no leading slash', `opportunities(${GUID})`],
    ['an absolute URL', `${API}/opportunities(${GUID})`],
    ['the key named', `/opportunities(opportunityid=${GUID})`],
  ])('reads the binding written with %s', (_what, binding) => {
    expect(parse('POST', `${API}/LoseOpportunity`, closeBody(binding))[0]?.dealId).toBe(GUID);
  });

  it('reads an opportunity given as a nested entity reference', () => {
    const body = json({
      OpportunityClose: {
        subject: 'Lost',
        opportunityid: {
          '@odata.type': 'Microsoft.Dynamics.CRM.opportunity',
          opportunityid: `{${GUID.toUpperCase()}}`,
        },
      },
      Status: 5,
    });
    expect(parse('POST', `${API}/LoseOpportunity`, body)).toEqual([
      { dealId: GUID, stageValue: 'LoseOpportunity', lost: true },
    ]);
  });

  it('reads the body as it arrives from webRequest (decoded text)', () => {
    const text = JSON.stringify({
      Status: 5,
      OpportunityClose: { 'opportunityid@odata.bind': `/opportunities(${GUID})` },
    });
    expect(parse('POST', `${API}/LoseOpportunity`, decodeText(text))).toHaveLength(1);
  });

  it('names each opportunity once', () => {
    const body = json({
      OpportunityClose: {
        'opportunityid@odata.bind': `/opportunities(${GUID})`,
        opportunityid: { opportunityid: GUID },
      },
      Status: 4,
    });
    expect(parse('POST', `${API}/LoseOpportunity`, body)).toHaveLength(1);
  });
});

describe('Dynamics save parser: not a close', () => {
  it.each<[string, string, string, RequestBody]>([
    ['WinOpportunity read as a GET', 'GET', `${API}/WinOpportunity`, { kind: 'none' }],
    [
      'a GET of the opportunity',
      'GET',
      `${API}/opportunities(${GUID})?$select=name,statecode`,
      { kind: 'none' },
    ],
    [
      'a GET of the close action',
      'GET',
      `${API}/LoseOpportunity`,
      closeBody(`/opportunities(${GUID})`),
    ],
    [
      'a PATCH of other fields',
      'PATCH',
      `${API}/opportunities(${GUID})`,
      json({ description: 'Call back in May', estimatedvalue: 1200 }),
    ],
    [
      'a PATCH reopening the opportunity',
      'PATCH',
      `${API}/opportunities(${GUID})`,
      json({ statecode: 0, statuscode: 1 }),
    ],
    [
      'LoseOpportunity without a binding',
      'POST',
      `${API}/LoseOpportunity`,
      json({ OpportunityClose: { subject: 'Lost', actualrevenue: 0 }, Status: 4 }),
    ],
    [
      'LoseOpportunity with a binding to nothing',
      'POST',
      `${API}/LoseOpportunity`,
      closeBody('/opportunities()'),
    ],
    [
      'LoseOpportunity binding another table',
      'POST',
      `${API}/LoseOpportunity`,
      closeBody(`/accounts(${GUID})`),
    ],
    ['LoseOpportunity with no body', 'POST', `${API}/LoseOpportunity`, { kind: 'none' }],
    ['another action', 'POST', `${API}/QualifyLead`, closeBody(`/opportunities(${GUID})`)],
    [
      'a custom action with a similar name',
      'POST',
      `${API}/new_LoseOpportunityAudit`,
      closeBody(`/opportunities(${GUID})`),
    ],
    [
      'creating an opportunity',
      'POST',
      `${API}/opportunities`,
      json({ name: 'New deal', statecode: 2 }),
    ],
    [
      'an older API version',
      'POST',
      'https://contoso.crm4.dynamics.com/api/data/v8.2/LoseOpportunity',
      closeBody(`/opportunities(${GUID})`),
    ],
    [
      'a path outside the Web API',
      'POST',
      'https://contoso.crm4.dynamics.com/LoseOpportunity',
      closeBody(`/opportunities(${GUID})`),
    ],
  ])('%s', (_what, method, url, body) => {
    expect(parse(method, url, body)).toEqual([]);
  });
});

describe('Dynamics $batch bodies (multipart/mixed, read as text)', () => {
  const batch = [
    '--batch_36522ad7-fc75-4b56-8c71-56071383e77b',
    'Content-Type: multipart/mixed; boundary=changeset_77162fcd-b8da-41ac-a9f8-9357efbbd',
    '',
    '--changeset_77162fcd-b8da-41ac-a9f8-9357efbbd',
    'Content-Type: application/http',
    'Content-Transfer-Encoding: binary',
    'Content-ID: 1',
    '',
    'PATCH https://contoso.crm4.dynamics.com/api/data/v9.2/opportunities(' + OTHER + ') HTTP/1.1',
    'Content-Type: application/json',
    '',
    '{"description":"Lost to Fabrikam"}',
    '--changeset_77162fcd-b8da-41ac-a9f8-9357efbbd',
    'Content-Type: application/http',
    'Content-Transfer-Encoding: binary',
    'Content-ID: 2',
    '',
    'POST https://contoso.crm4.dynamics.com/api/data/v9.2/LoseOpportunity HTTP/1.1',
    'Content-Type: application/json; type=entry',
    '',
    `{"OpportunityClose":{"subject":"Lost","opportunityid@odata.bind":"/opportunities(${GUID})","actualrevenue":0},"Status":4}`,
    '--changeset_77162fcd-b8da-41ac-a9f8-9357efbbd--',
    '--batch_36522ad7-fc75-4b56-8c71-56071383e77b--',
    '',
  ].join('\r\n');

  it('recognises the $batch endpoint', () => {
    expect(isBatchUrl(`${API}/$batch`)).toBe(true);
    expect(isBatchUrl(`${API}/LoseOpportunity`)).toBe(false);
  });

  it('finds the LoseOpportunity request and its binding, not the other parts', () => {
    expect(savesInBatchText(batch)).toEqual([
      { dealId: GUID, stageValue: 'LoseOpportunity', lost: true, okStatusIsNotProof: true },
    ]);
  });

  it('reads relative request lines and WinOpportunity', () => {
    const text = `--b\r\nPOST WinOpportunity HTTP/1.1\r\n\r\n{"OpportunityClose":{"opportunityid@odata.bind":"opportunities(${GUID})"}}\r\n--b--`;
    expect(savesInBatchText(text)).toEqual([
      { dealId: GUID, stageValue: 'WinOpportunity', lost: false, okStatusIsNotProof: true },
    ]);
  });

  it('gives nothing for a batch without a close, or a close without a binding', () => {
    expect(savesInBatchText(batch.replace('LoseOpportunity', 'QualifyLead'))).toEqual([]);
    expect(
      savesInBatchText(batch.replace('opportunityid@odata.bind', 'regardingobjectid')),
    ).toEqual([]);
  });

  it('does not take the binding of a later part for a close without one', () => {
    const text = [
      'POST LoseOpportunity HTTP/1.1',
      '',
      '{"OpportunityClose":{"subject":"no binding"},"Status":4}',
      'POST QualifyLead HTTP/1.1',
      '',
      `{"x":{"opportunityid@odata.bind":"/opportunities(${GUID})"}}`,
    ].join('\n');
    expect(savesInBatchText(text)).toEqual([]);
  });

  it('reads the batch through parse, as webRequest hands it over (bytes decoded to text)', () => {
    const body = decodeRequestBody({ raw: [{ bytes: new TextEncoder().encode(batch).buffer }] });
    expect(body.kind).toBe('text');
    expect(parse('POST', `${API}/$batch`, body)).toEqual([
      { dealId: GUID, stageValue: 'LoseOpportunity', lost: true, okStatusIsNotProof: true },
    ]);
  });

  it('marks every close of a batch as not proven by a 2xx alone (a part may have failed)', () => {
    const two = batch
      .replace(`PATCH ${API}/opportunities(${OTHER})`, `POST ${API}/LoseOpportunity`)
      .replace(
        '{"description":"Lost to Fabrikam"}',
        `{"OpportunityClose":{"opportunityid@odata.bind":"/opportunities(${OTHER})"},"Status":4}`,
      );
    const saves = parse('POST', `${API}/$batch`, decodeText(two));
    expect(saves.map((s) => s.dealId)).toEqual([OTHER, GUID]);
    expect(saves.every((s) => s.okStatusIsNotProof === true)).toBe(true);
  });

  it.each<[string, string, string, RequestBody]>([
    ['a GET of $batch', 'GET', `${API}/$batch`, decodeText(batch)],
    ['a $batch sent as JSON', 'POST', `${API}/$batch`, json({ requests: [] })],
    ['a $batch without a body', 'POST', `${API}/$batch`, { kind: 'none' }],
    ['a multipart body outside $batch', 'POST', `${API}/opportunities`, decodeText(batch)],
    [
      'a $batch outside the Web API',
      'POST',
      'https://contoso.crm4.dynamics.com/$batch',
      decodeText(batch),
    ],
  ])('gives nothing for %s', (_what, method, url, body) => {
    expect(parse(method, url, body)).toEqual([]);
  });
});
