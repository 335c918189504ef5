import { findField } from '../request-fields';
import type { NetworkSpec, RequestBody, StageSave } from '../../detection/types';
import { DYNAMICS_REGIONS, normaliseGuid } from './pages';

/**
 * Dynamics closes an opportunity through two Web API actions, which also record the close
 * (status reason, competitor, actual revenue) as an Opportunity Close activity; Microsoft's
 * documentation sends closes there rather than through an update of `statecode`. Those are the
 * saves that tell:
 *
 *   POST /api/data/v9.2/LoseOpportunity
 *   {"OpportunityClose":{"subject":"…","opportunityid@odata.bind":"/opportunities(…)",
 *    "actualrevenue":0,"description":"…"},"Status":4}
 *
 * and `WinOpportunity` with the same shape. The page's "Close as Lost" dialog sends the first;
 * the same request can arrive from the `Microsoft.Dynamics.CRM.` qualified name and from any
 * v9.x endpoint. Updates of other fields (PATCH /opportunities(…)), reopening and reads are not
 * closes and give nothing.
 */
const ACTION_PATH =
  /\/api\/data\/v9(?:\.\d+)?\/(?:Microsoft\.Dynamics\.CRM\.)?(LoseOpportunity|WinOpportunity)\/?$/i;

const BATCH_PATH = /\/api\/data\/v9(?:\.\d+)?\/\$batch\/?$/i;

/** `/opportunities(…)`, relative or absolute, the id bare or in braces. */
const OPPORTUNITY_REF = /opportunities\(\s*(?:opportunityid\s*=\s*)?([^)\s]+)\s*\)/i;

function isLoseAction(name: string): boolean {
  return name.toLowerCase() === 'loseopportunity';
}

const MAX_DEPTH = 24;

/**
 * Ids written as an entity reference rather than a binding:
 * `"opportunityid": {"@odata.type": "Microsoft.Dynamics.CRM.opportunity", "opportunityid": "…"}`
 * (findField does not look inside a field's own value, so this walks the body itself).
 */
function referencedIds(node: unknown, found: string[], depth = 0): string[] {
  if (depth > MAX_DEPTH || node === null || typeof node !== 'object') return found;
  const children = Array.isArray(node) ? node : Object.values(node as Record<string, unknown>);
  const reference = (node as Record<string, unknown>).opportunityid;
  if (typeof reference === 'string') found.push(reference);
  for (const child of children) referencedIds(child, found, depth + 1);
  return found;
}

function opportunityIdsIn(body: RequestBody): string[] {
  const ids = [
    // `"opportunityid@odata.bind": "/opportunities(…)"`: how the form's dialog binds the close.
    ...findField(body, 'opportunityid@odata.bind', []).map(
      ({ value }) => OPPORTUNITY_REF.exec(value)?.[1],
    ),
    ...(body.kind === 'json' ? referencedIds(body.value, []) : []),
  ].flatMap((raw) => normaliseGuid(raw) ?? []);
  return [...new Set(ids)];
}

/** One save per opportunity; the action's spelling normalised, so stageValue always reads the same. */
function savesFor(action: string, ids: string[]): StageSave[] {
  const lost = isLoseAction(action);
  const stageValue = lost ? 'LoseOpportunity' : 'WinOpportunity';
  return ids.map((dealId) => ({ dealId, stageValue, lost }));
}

function parse(method: string, rawUrl: string, body: RequestBody): StageSave[] {
  if (method.toUpperCase() !== 'POST') return [];
  if (isBatchUrl(rawUrl)) return body.kind === 'text' ? savesInBatchText(body.text) : [];
  const action = ACTION_PATH.exec(new URL(rawUrl).pathname)?.[1];
  if (!action) return [];
  return savesFor(action, opportunityIdsIn(body));
}

/** A `$batch` request (multipart/mixed). */
export function isBatchUrl(rawUrl: string): boolean {
  return BATCH_PATH.test(new URL(rawUrl).pathname);
}

/** A request line inside a batch part: `POST https://…/api/data/v9.2/LoseOpportunity HTTP/1.1`. */
const BATCH_REQUEST_LINE = /^[A-Z]+\s+(\S+)\s+HTTP\/\d(?:\.\d)?\s*$/gm;
const BATCH_CLOSE_TARGET = /(?:^|[/.])(LoseOpportunity|WinOpportunity)(?:\?.*)?$/i;
const BINDING_IN_TEXT = /"opportunityid@odata\.bind"\s*:\s*"([^"]*)"/i;

/**
 * The closes inside a `$batch` body, read as text: each part whose request line posts to
 * LoseOpportunity / WinOpportunity, and the `opportunityid@odata.bind` in the text that follows
 * it up to the next request line. Parsed defensively: boundaries, changesets, headers and line
 * endings are not relied on. `parse` calls it for `$batch` requests, whose multipart/mixed body
 * webRequest hands over as raw bytes (decoded to `{ kind: 'text' }`).
 *
 * Every close read from a batch is `okStatusIsNotProof`: the batch's own HTTP status is all
 * webRequest shows, and it does not always tell. Dataverse stops a batch at its first failed
 * request and answers the batch with that failure's 4xx (then nothing is confirmed); but with
 * `Prefer: odata.continue-on-error` it answers 200 and puts each part's status, a 400 among
 * them, inside the multipart answer (OData 4.01 §11.7: a 200 batch answer says the batch was
 * processed, not that each request in it succeeded). Only the page turning Lost after the save
 * tells those apart.
 */
export function savesInBatchText(text: string): StageSave[] {
  const lines = [...text.matchAll(BATCH_REQUEST_LINE)];
  return lines.flatMap((line, i) => {
    const action = BATCH_CLOSE_TARGET.exec(line[1]!)?.[1];
    if (!line[0].startsWith('POST') || !action) return [];
    const start = (line.index ?? 0) + line[0].length;
    const end = lines[i + 1]?.index ?? text.length;
    const reference = BINDING_IN_TEXT.exec(text.slice(start, end))?.[1];
    const dealId = normaliseGuid(reference && OPPORTUNITY_REF.exec(reference)?.[1]);
    return dealId
      ? savesFor(action, [dealId]).map((save) => ({ ...save, okStatusIsNotProof: true as const }))
      : [];
  });
}

export const dynamicsNetwork: NetworkSpec = {
  // The Web API lives on the organisation's own host, in every region the pages do.
  urls: DYNAMICS_REGIONS.map((region) => `https://*.${region}.dynamics.com/api/data/*`),
  parse,
};
