import { findField } from '../request-fields';
import type { NetworkSpec, RequestBody, StageSave } from '../../detection/types';
import { opportunityId } from './pages';

/** The Opportunity stage field's API name, as aura and the REST / UI APIs send it. */
const STAGE_FIELD = 'StageName';
/** The Stage field's element id (and form field name) on Classic's opportunity edit page. */
const CLASSIC_STAGE_FIELD = 'opp11';
/** Keys that name the record a field belongs to, nearest first (aura's action ids are not ids). */
const ID_KEYS = ['Id', 'recordId', 'id'];

/**
 * Salesforce's default Opportunity stages other than Closed Lost (the picklist of a new org).
 * StageName carries the stage's value, which admins rename and translate at will, so only the
 * page's label can say a stage is lost (every save is `lost: undefined`). A save to one of these
 * is no save of a loss and is left out rather than reported as `lost: false`: the correlator
 * pairs a page change with the newest save of that deal, and a page change is never confirmed
 * by a "not lost" save of its own (Lightning shows a stage once saved; Classic's submit carries
 * the lost value it reports). A stale one would only cancel the next real loss: Classic reports
 * on submit, before its own save answers, so "save as Prospecting, then edit again and save as
 * Closed Lost within 15 s" would pair the loss with the Prospecting save and prompt nothing. Left
 * out, a refused "Closed Lost" followed by a saved "Prospecting" still pairs with nothing.
 */
const OPEN_DEFAULTS = [
  'prospecting',
  'qualification',
  'needs analysis',
  'value proposition',
  'id. decision makers',
  'perception analysis',
  'proposal/price quote',
  'negotiation/review',
];
/**
 * The default won stage is reported as `lost: false`: it confirms a win (the opt-in "what
 * worked" capture), and the correlator never lets a "not lost" save confirm a loss, nor keeps
 * it for one, so the reasons above for leaving open stages out do not apply to it.
 */
const WON_DEFAULT = 'closed won';

function isOpenDefault(value: string): boolean {
  return OPEN_DEFAULTS.includes(value.trim().toLowerCase());
}

const SAVE_METHODS = ['POST', 'PATCH', 'PUT'];

/** Aura, Lightning's own RPC: `/aura?r=…` (and `/s/sfsites/aura` on Experience Cloud sites). */
function isAura(url: URL): boolean {
  return url.pathname === '/aura' || url.pathname.endsWith('/sfsites/aura');
}

/**
 * The record id in a REST or UI API path: `/services/data/vNN.N/ui-api/records/{id}` or
 * `/services/data/vNN.N/sobjects/Opportunity/{id}`. Undefined for other API paths.
 */
function restRecordId(url: URL): string | undefined | null {
  if (!/^\/services\/data\/v\d+\.\d+\//.test(url.pathname)) return null;
  return /\/(?:ui-api\/records|sobjects\/Opportunity)\/([a-zA-Z0-9]{15,18})\/?$/.exec(
    url.pathname,
  )?.[1];
}

/** Classic's edit form posts to the page's own URL: `/{id}/e`. */
function classicEditId(url: URL): string | undefined {
  return /^\/([a-zA-Z0-9]{15,18})\/e\/?$/.exec(url.pathname)?.[1];
}

/**
 * Aura answers every request 200, whatever its actions did: each action's own state ("SUCCESS",
 * "ERROR") is in the answer's body, which webRequest cannot read. Classic's edit form answers a
 * validation error (a required field left empty, a validation rule) 200 with the edit page shown
 * again and the message on it. Their 2xx proves nothing alone (`okStatusIsNotProof`): the page
 * showing the deal lost after the save must. A refused REST or UI API save is answered 4xx.
 */
const NOT_PROOF = { okStatusIsNotProof: true } as const;

function stageSaves(
  body: RequestBody,
  field: string,
  fallbackId: string | undefined,
  proof: Partial<typeof NOT_PROOF> = {},
): StageSave[] {
  return findField(body, field, ID_KEYS).flatMap(({ value, recordId }) => {
    // The nearest id in the body names the record; the URL's id only when the body has none.
    // A body naming another record (an Account, a Lead) is not an opportunity save.
    const dealId = opportunityId(recordId ?? fallbackId);
    if (!dealId || isOpenDefault(value)) return [];
    const won = value.trim().toLowerCase() === WON_DEFAULT;
    return [{ dealId, stageValue: value, lost: won ? false : undefined, ...proof }];
  });
}

function parse(method: string, rawUrl: string, body: RequestBody): StageSave[] {
  if (!SAVE_METHODS.includes(method.toUpperCase())) return [];
  const url = new URL(rawUrl);
  // Aura: a form body whose `message` field is JSON with one or more actions; each
  // updateRecord names the record (`params.recordId`, `recordInput.fields.Id`).
  if (isAura(url)) return stageSaves(body, STAGE_FIELD, undefined, NOT_PROOF);
  // REST and UI API: `{"fields":{"StageName":…}}` or `{"StageName":…}`, the record in the path.
  const restId = restRecordId(url);
  if (restId !== null) {
    // Chromium hands webRequest the body of POST and PUT requests only: a PATCH arrives without
    // one. A successful PATCH of this opportunity is then the evidence there is; the page's
    // label decides whether it was a loss (Lightning shows a new stage only once it is saved).
    if (method.toUpperCase() === 'PATCH' && body.kind === 'none') {
      const dealId = opportunityId(restId);
      return dealId ? [{ dealId, stageValue: '', lost: undefined }] : [];
    }
    return stageSaves(body, STAGE_FIELD, restId);
  }
  // Classic's edit page: a full-page form post to `/{id}/e`.
  const classicId = classicEditId(url);
  if (classicId && body.kind === 'form') {
    // Cancel is a submit button of the same form: it posts every field and saves nothing.
    if ('cancel' in body.fields) return [];
    // A validation error re-shows the edit page, answered 200: the status proves nothing.
    const seen = new Set<string>();
    return [
      ...stageSaves(body, CLASSIC_STAGE_FIELD, classicId, NOT_PROOF),
      ...stageSaves(body, STAGE_FIELD, classicId, NOT_PROOF),
    ].filter((save) => !seen.has(save.dealId) && seen.add(save.dealId));
  }
  return [];
}

export const salesforceNetwork: NetworkSpec = {
  urls: [
    // Lightning saves through aura and, for some components, the UI API.
    'https://*.lightning.force.com/aura*',
    'https://*.lightning.force.com/services/data/*',
    // The My Domain host serves the APIs and Classic. Classic's edit form posts to `/{id}/e`
    // and the answer redirects to wherever `retURL` says, so the whole host is watched: the
    // observer reads only the request and its status, and parses only saves.
    'https://*.my.salesforce.com/*',
  ],
  parse,
};
