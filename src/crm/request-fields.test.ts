import { describe, expect, it } from 'vitest';
import { findField } from './request-fields';
import type { RequestBody } from '../detection/types';

const ID_KEYS = ['objectId', 'id'];
const json = (value: unknown): RequestBody => ({ kind: 'json', value });
const find = (body: RequestBody) => findField(body, 'dealstage', ID_KEYS);

describe('findField', () => {
  it.each<[string, unknown, { value: string; recordId?: string }[]]>([
    ['a key', { dealstage: 'closedlost' }, [{ value: 'closedlost', recordId: undefined }]],
    ['a key with a record id', { id: '7', dealstage: 'x' }, [{ value: 'x', recordId: '7' }]],
    ['a numeric value', { dealstage: 1029387 }, [{ value: '1029387', recordId: undefined }]],
    [
      'a name/value pair',
      { objectId: 5, propertyValues: [{ name: 'dealstage', value: 'closedlost' }] },
      [{ value: 'closedlost', recordId: '5' }],
    ],
    [
      'a propertyName/newValue pair',
      { id: 'a', changes: [{ propertyName: 'dealstage', newValue: 'closedwon' }] },
      [{ value: 'closedwon', recordId: 'a' }],
    ],
    [
      'a field/value pair',
      [{ objectId: 1, field: 'dealstage', value: 'lost' }],
      [{ value: 'lost', recordId: '1' }],
    ],
    [
      'a batch, each with its own record',
      {
        inputs: [
          { id: '1', properties: { dealstage: 'a' } },
          { id: '2', properties: { dealstage: 'b' } },
        ],
      },
      [
        { value: 'a', recordId: '1' },
        { value: 'b', recordId: '2' },
      ],
    ],
    [
      'a deeply wrapped value, with the nearest id',
      { id: 'outer', data: { records: [{ objectId: 'inner', fields: { dealstage: 'v' } }] } },
      [{ value: 'v', recordId: 'inner' }],
    ],
  ])('finds the field as %s', (_shape, value, expected) => {
    expect(find(json(value))).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ['other fields only', { amount: '10', name: 'Acme' }],
    ['a pair naming another field', { name: 'amount', value: '10' }],
    ['a pair without a value', { name: 'dealstage' }],
    ['a boolean value', { dealstage: true }],
    ['a null value', { dealstage: null }],
    ['a non-finite number', { dealstage: Number.NaN }],
    ['the field name only as a value', { label: 'dealstage' }],
    ['a scalar body', 'dealstage'],
    ['null', null],
  ])('finds nothing in %s', (_shape, value) => {
    expect(find(json(value))).toEqual([]);
  });

  it('finds nothing in an empty body', () => {
    expect(find({ kind: 'none' })).toEqual([]);
  });

  it('reads a form field by name, and JSON carried in other form fields', () => {
    const body: RequestBody = {
      kind: 'form',
      fields: {
        dealstage: ['closedlost', 'closedwon'],
        message: [JSON.stringify({ actions: [{ params: { id: '9', dealstage: 'x' } }] })],
        other: ['plain text', '{not json'],
      },
    };
    expect(find(body)).toEqual([
      { value: 'closedlost' },
      { value: 'closedwon' },
      { value: 'x', recordId: '9' },
    ]);
  });

  it('survives absurdly deep bodies without overflowing the stack', () => {
    let deep: unknown = { dealstage: 'buried' };
    for (let i = 0; i < 10_000; i++) deep = { child: deep };
    expect(() => find(json(deep))).not.toThrow();
  });
});
