import type { RequestBody } from './types';

/** The part of webRequest's `requestBody` this reads (same shape in Chrome and Firefox). */
export type WebRequestBody =
  | {
      formData?: Record<string, string[]>;
      raw?: { bytes?: ArrayBuffer }[];
    }
  | null
  | undefined;

const decoder = new TextDecoder();

/**
 * Turns webRequest's request body into JSON, form fields or text. Browsers hand form posts over
 * as `formData`; fetch/XHR bodies as raw bytes, which may be JSON, url-encoded text or any other
 * text (a multipart/mixed `$batch` of Dynamics' Web API), handed on as text for the parsers.
 */
export function decodeRequestBody(body: WebRequestBody): RequestBody {
  if (!body) return { kind: 'none' };
  if (body.formData) return { kind: 'form', fields: body.formData };
  const chunks = (body.raw ?? []).flatMap((part) =>
    part.bytes ? [new Uint8Array(part.bytes)] : [],
  );
  if (chunks.length === 0) return { kind: 'none' };
  const text = chunks.map((c) => decoder.decode(c, { stream: true })).join('') + decoder.decode();
  return decodeText(text);
}

export function decodeText(text: string): RequestBody {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'none' };
  if (/^[[{]/.test(trimmed)) {
    try {
      return { kind: 'json', value: JSON.parse(trimmed) };
    } catch {
      // Looks like JSON but is not: no parser reads it as JSON, and none should as text.
      return { kind: 'none' };
    }
  }
  if (/^[^=&\s]+=/.test(trimmed)) {
    const fields: Record<string, string[]> = {};
    for (const [key, value] of new URLSearchParams(trimmed)) (fields[key] ??= []).push(value);
    return { kind: 'form', fields };
  }
  return { kind: 'text', text };
}
