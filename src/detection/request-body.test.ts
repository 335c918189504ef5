import { describe, expect, it } from 'vitest';
import { decodeRequestBody, decodeText } from './request-body';

const bytes = (...parts: number[][]) => ({
  raw: parts.map((p) => ({ bytes: new Uint8Array(p).buffer })),
});
const utf8 = (text: string) => [...new TextEncoder().encode(text)];

describe('decodeRequestBody', () => {
  it.each([null, undefined, {}, { raw: [] }, { raw: [{}] }])('reads %j as no body', (body) => {
    expect(decodeRequestBody(body)).toEqual({ kind: 'none' });
  });

  it('passes form posts through as fields', () => {
    const formData = { dealstage: ['closedlost'], id: ['1', '2'] };
    expect(decodeRequestBody({ formData })).toEqual({ kind: 'form', fields: formData });
  });

  it('joins JSON sent in several chunks', () => {
    const all = utf8('{"properties":{"dealstage":"closedlost"}}');
    expect(decodeRequestBody(bytes(all.slice(0, 5), all.slice(5, 20), all.slice(20)))).toEqual({
      kind: 'json',
      value: { properties: { dealstage: 'closedlost' } },
    });
  });

  it('keeps a multi-byte character split across chunks intact', () => {
    const all = utf8('{"dealname":"Zürich 失注"}');
    const ue = all.indexOf(0xc3); // first byte of "ü"
    const shitsu = all.indexOf(0xe5); // first byte of "失"
    const body = bytes(
      all.slice(0, ue + 1),
      all.slice(ue + 1, shitsu + 1),
      all.slice(shitsu + 1, shitsu + 2),
      all.slice(shitsu + 2),
    );
    expect(decodeRequestBody(body)).toEqual({ kind: 'json', value: { dealname: 'Zürich 失注' } });
  });

  it('reads url-encoded bytes as form fields', () => {
    expect(decodeRequestBody(bytes(utf8('dealstage=closed%20lost&id=1')))).toEqual({
      kind: 'form',
      fields: { dealstage: ['closed lost'], id: ['1'] },
    });
  });

  it('skips parts without bytes (file uploads)', () => {
    const body = { raw: [{ bytes: new Uint8Array(utf8('[1,2]')).buffer }, {}] };
    expect(decodeRequestBody(body)).toEqual({ kind: 'json', value: [1, 2] });
  });

  it('hands a multipart/mixed body (a Dynamics $batch) on as its text, untrimmed', () => {
    const text =
      '--batch_1\r\nContent-Type: application/http\r\n\r\nPOST LoseOpportunity HTTP/1.1\r\n';
    expect(decodeRequestBody(bytes(utf8(text)))).toEqual({ kind: 'text', text });
  });

  it('does not let an unfinished character leak into the next body', () => {
    decodeRequestBody(bytes([0xe5, 0xa4])); // two of the three bytes of "失"
    expect(decodeRequestBody(bytes(utf8('{"a":"b"}')))).toEqual({
      kind: 'json',
      value: { a: 'b' },
    });
  });
});

describe('decodeText', () => {
  it.each([
    ['{"dealstage":"closedlost"}', { kind: 'json', value: { dealstage: 'closedlost' } }],
    ['  \n[{"id":1}]\n', { kind: 'json', value: [{ id: 1 }] }],
    ['dealstage=closedlost', { kind: 'form', fields: { dealstage: ['closedlost'] } }],
    ['a=1&a=2&b=x+y', { kind: 'form', fields: { a: ['1', '2'], b: ['x y'] } }],
    ['q=%E5%A4%B1%E6%B3%A8', { kind: 'form', fields: { q: ['失注'] } }],
    ['{"dealstage": "closedlost"', { kind: 'none' }],
    ['[not json]', { kind: 'none' }],
    ['', { kind: 'none' }],
    ['   \n\t', { kind: 'none' }],
    ['just some text', { kind: 'text', text: 'just some text' }],
    [
      '--batch_1\r\nContent-Type: application/http',
      { kind: 'text', text: '--batch_1\r\nContent-Type: application/http' },
    ],
    ['=value-without-a-name', { kind: 'text', text: '=value-without-a-name' }],
  ])('reads %j', (text, expected) => {
    expect(decodeText(text)).toEqual(expected);
  });
});
