import { resolveTemplate } from './template';
import { describe, expect, it } from 'vitest';
import { EMPTY_VALUES, initialValues, ReflectionValuesSchema } from './values';

const BUILT_IN = resolveTemplate(undefined);

describe('initialValues', () => {
  it('is the empty form without a deal, or without a lost reason', () => {
    expect(initialValues(undefined, BUILT_IN)).toEqual(EMPTY_VALUES);
    expect(initialValues({ dealName: 'Acme renewal' }, BUILT_IN)).toEqual(EMPTY_VALUES);
  });

  it("preselects the reason the CRM recorded, as 'fairly sure'", () => {
    expect(initialValues({ dealName: 'Acme renewal', lostReason: 'Price' }, BUILT_IN)).toEqual({
      ...EMPTY_VALUES,
      reason: 'competitor.price-value',
      confidence: 'fairly-sure',
    });
    expect(
      initialValues({ dealName: 'Acme', lostReason: 'Champion left' }, BUILT_IN),
    ).toMatchObject({
      reason: 'no-decision.champion-left',
      confidence: 'fairly-sure',
    });
  });

  it('leaves reason and confidence empty when the CRM reason is not one of ours', () => {
    expect(initialValues({ dealName: 'Acme renewal', lostReason: 'Weather' }, BUILT_IN)).toEqual(
      EMPTY_VALUES,
    );
  });
});

describe('ReflectionValuesSchema', () => {
  it('accepts the empty form and a filled one', () => {
    expect(ReflectionValuesSchema.parse(EMPTY_VALUES)).toEqual(EMPTY_VALUES);
    const filled = {
      ...EMPTY_VALUES,
      mode: 'deep' as const,
      outcome: 'competitor',
      feeling: 5,
      answers: { planCue: 'x' },
    };
    expect(ReflectionValuesSchema.parse(filled)).toEqual(filled);
  });

  it.each([
    ['an unknown mode', { mode: 'medium' }],
    ['a feeling above 5', { feeling: 6 }],
    ['a feeling below 1', { feeling: 0 }],
    ['a fractional feeling', { feeling: 2.5 }],
    ['an answer that is not text', { answers: { planCue: 3 } }],
    ['an overlong reason', { reason: 'x'.repeat(201) }],
  ])('rejects %s', (_what, patch) => {
    expect(ReflectionValuesSchema.safeParse({ ...EMPTY_VALUES, ...patch }).success).toBe(false);
  });
});
