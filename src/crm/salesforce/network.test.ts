import { describe, expect, it } from 'vitest';
import { decodeText } from '../../detection/request-body';
import type { RequestBody } from '../../detection/types';
import { salesforceNetwork } from './network';

const ID15 = '0065g00000AbCdE';
const ID18 = '0065g00000AbCdEAAV';
const ACCOUNT = '0015g00000AbCdEAAV';
const LX = 'https://acme.lightning.force.com';
const MY = 'https://acme.my.salesforce.com';
const AURA = `${LX}/aura?r=14&aura.RecordUi.updateRecord=1`;
const UI_API = `${LX}/services/data/v62.0/ui-api/records/${ID18}`;

const parse = salesforceNetwork.parse;

/** An aura request as Lightning posts it: form-encoded, the actions as JSON in `message`. */
function auraBody(actions: unknown[]): RequestBody {
  return decodeText(
    new URLSearchParams({
      message: JSON.stringify({ actions }),
      'aura.context': JSON.stringify({
        mode: 'PROD',
        fwuid: 'bW9ja2Z3dWlk',
        app: 'one:one',
        loaded: { 'APPLICATION@markup://one:one': 'abc' },
        dn: [],
        globals: {},
        uad: false,
      }),
      'aura.pageURI': `/lightning/r/Opportunity/${ID18}/view`,
      'aura.token': 'eyJub25jZSI6InNhbmRib3gifQ==',
    }).toString(),
  );
}

function updateRecord(recordId: string, fields: Record<string, unknown>, withId = true) {
  return {
    id: '123;a',
    descriptor: 'aura://RecordUiController/ACTION$updateRecord',
    callingDescriptor: 'UNKNOWN',
    params: {
      recordId,
      recordInput: {
        apiName: 'Opportunity',
        fields: withId ? { Id: recordId, ...fields } : fields,
      },
      clientOptions: { ifUnmodifiedSince: 'Tue, 25 Nov 2025 10:00:00 GMT' },
    },
  };
}

const json = (value: unknown): RequestBody => ({ kind: 'json', value });
const form = (fields: Record<string, string>): RequestBody => ({
  kind: 'form',
  fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v]])),
});

/** Classic's edit form as the browser posts it (webRequest hands it over as formData). */
function classicForm(stage: string, extra: Record<string, string> = {}): RequestBody {
  return form({
    _CONFIRMATIONTOKEN: 'VmpFPSxNakF5TlMweE1TMHlOVlF4TURvd01Eb3dNQzR3TURCYSxzYW5kYm94',
    retURL: `/${ID15}`,
    id: ID15,
    opp3: 'Acme Corp — Platform renewal',
    opp4: 'Acme Corp',
    opp7: '48,000.00',
    opp9: '12/19/2025',
    opp11: stage,
    opp12: '0',
    save: ' Save ',
    ...extra,
  });
}

describe('Salesforce save requests: aura (Lightning)', () => {
  it('reads a Path / inline-edit updateRecord, naming the deal by its 18-character id', () => {
    const body = auraBody([
      updateRecord(ID18, { StageName: 'Closed Lost', Loss_Reason__c: 'Price' }),
    ]);
    expect(parse('POST', AURA, body)).toEqual([
      { dealId: ID18, stageValue: 'Closed Lost', lost: undefined, okStatusIsNotProof: true },
    ]);
  });

  it('takes the record from params.recordId when the fields carry no Id', () => {
    const body = auraBody([updateRecord(ID15, { StageName: 'Closed Lost' }, false)]);
    expect(parse('POST', AURA, body)).toEqual([
      { dealId: ID18, stageValue: 'Closed Lost', lost: undefined, okStatusIsNotProof: true },
    ]);
  });

  it('reads the same body when the browser hands it over as raw bytes decoded to form fields', () => {
    const text = new URLSearchParams({
      message: JSON.stringify({ actions: [updateRecord(ID18, { StageName: 'Perdue' })] }),
    }).toString();
    expect(parse('POST', AURA, decodeText(text))).toEqual([
      { dealId: ID18, stageValue: 'Perdue', lost: undefined, okStatusIsNotProof: true },
    ]);
  });

  it('reads every opportunity of a batch of actions and skips the others', () => {
    const other = '0065g00000XyZaBAAV';
    const body = auraBody([
      updateRecord(ID18, { StageName: 'Closed Lost' }),
      {
        id: '124;a',
        descriptor: 'aura://RecordUiController/ACTION$getRecordWithFields',
        params: { recordId: ID18, fields: ['Opportunity.StageName'] },
      },
      updateRecord(other, { StageName: 'Perdu' }),
      updateRecord(ACCOUNT, { StageName: 'Closed Lost' }),
    ]);
    expect(parse('POST', AURA, body)).toEqual([
      { dealId: ID18, stageValue: 'Closed Lost', lost: undefined, okStatusIsNotProof: true },
      { dealId: other, stageValue: 'Perdu', lost: undefined, okStatusIsNotProof: true },
    ]);
  });

  it('leaves out saves to the default open stages, and leaves other labels to the page', () => {
    const saved = (stage: string) =>
      parse('POST', AURA, auraBody([updateRecord(ID18, { StageName: stage })]));
    expect(saved('Prospecting')).toEqual([]);
    expect(saved(' proposal/price quote ')).toEqual([]);
    expect(saved('Closed Lost')).toEqual([
      { dealId: ID18, stageValue: 'Closed Lost', lost: undefined, okStatusIsNotProof: true },
    ]);
    expect(saved('Closed - Lost to Competitor')).toHaveLength(1);
    expect(saved('Verhandlung')).toHaveLength(1);
  });

  it('also reads Experience Cloud sites’ aura endpoint', () => {
    const body = auraBody([updateRecord(ID18, { StageName: 'Closed Lost' })]);
    expect(parse('POST', `${MY}/s/sfsites/aura?r=3`, body)).toHaveLength(1);
  });
});

describe('Salesforce saves whose 2xx answer is no proof alone', () => {
  it('marks aura and Classic saves, not REST / UI API saves', () => {
    // Aura answers every action batch 200, each action's own state ("ERROR") inside; Classic
    // answers a validation error 200 with the edit page shown again. A refused REST or UI API
    // save is answered 4xx.
    const aura = parse('POST', AURA, auraBody([updateRecord(ID18, { StageName: 'Closed Lost' })]));
    const classic = parse('POST', `${MY}/${ID15}/e`, {
      kind: 'form',
      fields: { opp11: ['Closed Lost'], save: ['Save'] },
    });
    const rest = parse('PATCH', `${MY}/services/data/v62.0/ui-api/records/${ID18}`, {
      kind: 'json',
      value: { fields: { StageName: 'Closed Lost' } },
    });
    expect(aura[0]?.okStatusIsNotProof).toBe(true);
    expect(classic[0]?.okStatusIsNotProof).toBe(true);
    expect(rest).toHaveLength(1);
    expect(rest[0]).not.toHaveProperty('okStatusIsNotProof');
  });
});

describe('Salesforce save requests: REST and UI API', () => {
  it('reads a UI API PATCH (Edit modal), the record in the path', () => {
    expect(parse('PATCH', UI_API, json({ fields: { StageName: 'Closed Lost' } }))).toEqual([
      { dealId: ID18, stageValue: 'Closed Lost', lost: undefined },
    ]);
  });

  it('reads a REST sObject PATCH with a 15-character id and names the deal by its 18', () => {
    const url = `${MY}/services/data/v62.0/sobjects/Opportunity/${ID15}`;
    expect(parse('PATCH', url, json({ StageName: 'Closed Lost' }))).toEqual([
      { dealId: ID18, stageValue: 'Closed Lost', lost: undefined },
    ]);
  });

  it('counts a UI API PATCH whose body the browser withholds as a save of that record, leaving the stage to the page', () => {
    // Chromium's webRequest gives the body of POST and PUT only.
    expect(parse('PATCH', UI_API, { kind: 'none' })).toEqual([
      { dealId: ID18, stageValue: '', lost: undefined },
    ]);
    const account = `${LX}/services/data/v62.0/ui-api/records/${ACCOUNT}`;
    expect(parse('PATCH', account, { kind: 'none' })).toEqual([]);
    expect(parse('PUT', UI_API, { kind: 'none' })).toEqual([]);
    expect(parse('POST', UI_API, { kind: 'none' })).toEqual([]);
  });

  it('prefers the id in the body over the one in the path', () => {
    const other = '0065g00000XyZaBAAV';
    expect(
      parse('PATCH', UI_API, json({ fields: { Id: other, StageName: 'Closed Lost' } }))[0]?.dealId,
    ).toBe(other);
  });
});

describe('Salesforce save requests: Classic edit form', () => {
  it('reads opp11 from the edit page’s form post, the deal from the path', () => {
    expect(parse('POST', `${MY}/${ID15}/e`, classicForm('Closed Lost'))).toEqual([
      { dealId: ID18, stageValue: 'Closed Lost', lost: undefined, okStatusIsNotProof: true },
    ]);
  });

  it('reads the form when it arrives as raw url-encoded text, and a StageName field too', () => {
    const text = `retURL=%2F${ID15}&StageName=Closed+Lost&save=Save`;
    expect(parse('POST', `${MY}/${ID15}/e?retURL=%2F${ID15}`, decodeText(text))).toEqual([
      { dealId: ID18, stageValue: 'Closed Lost', lost: undefined, okStatusIsNotProof: true },
    ]);
  });

  it('reports one save when a form carries both opp11 and StageName', () => {
    const body = classicForm('Closed Lost', { StageName: 'Closed Lost' });
    expect(parse('POST', `${MY}/${ID15}/e`, body)).toHaveLength(1);
  });

  it('leaves out a Classic save to an open stage', () => {
    expect(parse('POST', `${MY}/${ID15}/e`, classicForm('Negotiation/Review'))).toEqual([]);
  });

  it('reports a save to the default Closed Won as not lost (it can confirm a win, never a loss)', () => {
    expect(
      parse('POST', AURA, auraBody([updateRecord(ID18, { StageName: 'Closed Won' })])),
    ).toEqual([{ dealId: ID18, stageValue: 'Closed Won', lost: false, okStatusIsNotProof: true }]);
    expect(parse('POST', `${MY}/${ID15}/e`, classicForm(' closed won '))).toEqual([
      expect.objectContaining({
        stageValue: ' closed won ',
        lost: false,
        okStatusIsNotProof: true,
      }),
    ]);
  });
});

describe('Salesforce requests that are not an opportunity stage save', () => {
  const cases: [string, string, string, RequestBody][] = [
    ['a GET of the record', 'GET', UI_API, { kind: 'none' }],
    ['a GET with a body-like query', 'GET', `${AURA}&StageName=Closed+Lost`, { kind: 'none' }],
    ['a DELETE', 'DELETE', UI_API, { kind: 'none' }],
    [
      'an aura updateRecord of an Account',
      'POST',
      AURA,
      auraBody([updateRecord(ACCOUNT, { Name: 'Acme', Rating: 'Hot' })]),
    ],
    [
      'an aura action without StageName',
      'POST',
      AURA,
      auraBody([updateRecord(ID18, { CloseDate: '2025-12-19', Amount: 48000 })]),
    ],
    [
      'an aura read that names the field without saving it',
      'POST',
      AURA,
      auraBody([
        {
          id: '9;a',
          descriptor: 'aura://RecordUiController/ACTION$getRecordWithFields',
          params: { recordId: ID18, fields: ['Opportunity.StageName'] },
        },
      ]),
    ],
    [
      'an aura body with StageName for a non-opportunity record id',
      'POST',
      AURA,
      auraBody([updateRecord(ACCOUNT, { StageName: 'Closed Lost' })]),
    ],
    [
      'an aura createRecord (no record id yet)',
      'POST',
      AURA,
      auraBody([
        {
          id: '77;a',
          descriptor: 'aura://RecordUiController/ACTION$createRecord',
          params: { recordInput: { apiName: 'Opportunity', fields: { StageName: 'Closed Lost' } } },
        },
      ]),
    ],
    ['an empty aura post', 'POST', AURA, { kind: 'none' }],
    ['aura with a body that is not form or JSON', 'POST', AURA, decodeText('while(1);')],
    [
      'a UI API PATCH of an Account',
      'PATCH',
      `${LX}/services/data/v62.0/ui-api/records/${ACCOUNT}`,
      json({ fields: { StageName: 'Closed Lost' } }),
    ],
    [
      'a UI API PATCH whose body names an Account',
      'PATCH',
      UI_API,
      json({ fields: { Id: ACCOUNT, StageName: 'Closed Lost' } }),
    ],
    [
      'a REST PATCH of a Lead',
      'PATCH',
      `${MY}/services/data/v62.0/sobjects/Lead/00Q5g00000AbCdEAAV`,
      json({ Status: 'Closed - Not Converted' }),
    ],
    [
      'a UI API PATCH of other fields',
      'PATCH',
      UI_API,
      json({ fields: { NextStep: 'Closed Lost? Call them' } }),
    ],
    [
      'a StageName on another API path (no record id)',
      'POST',
      `${MY}/services/data/v62.0/query`,
      json({ StageName: 'Closed Lost' }),
    ],
    [
      'a Classic Account edit',
      'POST',
      `${MY}/0015g00000AbCdE/e`,
      form({ acc2: 'Acme', save: 'Save' }),
    ],
    [
      'a Classic Account edit carrying a field named like the stage',
      'POST',
      `${MY}/0015g00000AbCdE/e`,
      form({ opp11: 'Closed Lost', save: 'Save' }),
    ],
    [
      'Classic Cancel (posts the edited fields, saves nothing)',
      'POST',
      `${MY}/${ID15}/e`,
      classicForm('Closed Lost', { cancel: 'Cancel', save: '' }),
    ],
    ['a Classic post to another page', 'POST', `${MY}/home/home.jsp`, classicForm('Closed Lost')],
    ['a Classic edit post that is JSON', 'POST', `${MY}/${ID15}/e`, json({ opp11: 'Closed Lost' })],
  ];

  it.each(cases)('%s → []', (_what, method, url, body) => {
    expect(parse(method, url, body)).toEqual([]);
  });
});

describe('Salesforce watched URLs', () => {
  it('are Salesforce hosts only, no <all_urls>', () => {
    for (const pattern of salesforceNetwork.urls) {
      expect(pattern).toMatch(/^https:\/\/\*\.(lightning\.force\.com|my\.salesforce\.com)\//);
    }
  });
});
