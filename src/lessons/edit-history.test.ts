import { describe, expect, it } from 'vitest';
import { editFieldLabel, previousText } from './edit-history';
import { resolveTemplate } from './template';

const template = resolveTemplate(undefined);
const at = '2026-12-03T09:30:00.000Z';
const amount = (n: number) => `€${n}`;

describe('edit history in words', () => {
  it('names the field: an answer by its question, other fields by their label', () => {
    expect(editFieldLabel(template, 'answers.replay')).toBe(template.questionLabels.replay);
    expect(editFieldLabel(template, 'answers.reasonOther')).toBe('Other reason');
    expect(editFieldLabel(template, 'dealName')).toBe('Deal name');
  });

  it('reads what a field held as the reader saw it, not its id', () => {
    const text = (field: string, previous?: string | number) =>
      previousText(template, { at, field, previous }, amount);
    expect(text('reason', 'competitor.price-value')).toBe('Price / value');
    expect(text('outcome', 'no-decision')).toBe('No decision / stalled');
    expect(text('confidence', 'buyer-told-me')).toBe('The buyer told me');
    expect(text('feeling', 2)).toBe('Low');
    expect(text('amount', 1200)).toBe('€1200');
    expect(text('answers.attribution', 'product')).toBe('the product');
    expect(text('answers.replay', 'Demo earlier.')).toBe('Demo earlier.');
    expect(text('company')).toBeUndefined();
  });
});
