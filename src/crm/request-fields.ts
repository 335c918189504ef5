import type { RequestBody } from '../detection/types';

export type FoundField = { value: string; recordId?: string };

const MAX_DEPTH = 24;

/**
 * Every value of `field` anywhere in a request body, whatever the wrapping: as a key
 * (`{ dealstage: "closedlost" }`), as a name/value pair (`{ name: "dealstage", value: … }`), in
 * batches, or inside a form field that carries JSON (Salesforce's aura `message`). Each value
 * comes with the id of the nearest enclosing record, when it has one. CRMs' internal requests
 * differ from their public APIs and change without notice, so parsers look for the field rather
 * than for one exact shape.
 */
export function findField(body: RequestBody, field: string, idKeys: string[]): FoundField[] {
  const found: FoundField[] = [];
  if (body.kind === 'json') walk(body.value, field, idKeys, undefined, found, 0);
  if (body.kind === 'form') {
    for (const [key, values] of Object.entries(body.fields)) {
      for (const value of values) {
        if (key === field) found.push({ value });
        else if (/^\s*[[{]/.test(value)) walk(tryJson(value), field, idKeys, undefined, found, 0);
      }
    }
  }
  return found;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function walk(
  node: unknown,
  field: string,
  idKeys: string[],
  recordId: string | undefined,
  found: FoundField[],
  depth: number,
): void {
  if (depth > MAX_DEPTH || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) walk(item, field, idKeys, recordId, found, depth + 1);
    return;
  }
  const record = node as Record<string, unknown>;
  const ownId = idKeys.map((k) => scalar(record[k])).find((v) => v !== undefined);
  const id = ownId ?? recordId;
  const direct = scalar(record[field]);
  if (direct !== undefined) found.push({ value: direct, recordId: id });
  const pairName = scalar(record.name) ?? scalar(record.propertyName) ?? scalar(record.field);
  const pairValue = scalar(record.value) ?? scalar(record.newValue);
  if (pairName === field && pairValue !== undefined) found.push({ value: pairValue, recordId: id });
  for (const [key, child] of Object.entries(record)) {
    if (key !== field) walk(child, field, idKeys, id, found, depth + 1);
  }
}
