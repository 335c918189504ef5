import { describe, expect, it } from 'vitest';
import { REASON_GROUPS, reasonFromCrm, reasonLabel } from './reasons';

describe('reasonFromCrm', () => {
  it.each([
    ['Price', 'competitor.price-value'],
    ['price', 'competitor.price-value'],
    ['Champion left', 'no-decision.champion-left'],
    ['  CHAMPION   LEFT! ', 'no-decision.champion-left'],
    ['Price / value', 'competitor.price-value'],
    ['Budget', 'no-decision.budget-removed'],
    ['Went dark', 'no-decision.went-dark'],
  ])('reads %j as %j', (text, id) => {
    expect(reasonFromCrm(text)).toBe(id);
  });

  it.each([undefined, '', '   ', '?!', 'Weather', 'Other', 'Other (describe)', 'Price increase'])(
    'has no reason of ours for %j',
    (text) => {
      expect(reasonFromCrm(text)).toBeUndefined();
    },
  );
});

describe('reasonLabel', () => {
  it('labels a reason, an "other" reason with its text, and an unknown id as it is', () => {
    expect(reasonLabel('competitor.price-value')).toBe('Price / value');
    expect(reasonLabel('other', '  Acquired by a rival ')).toBe('Acquired by a rival');
    expect(reasonLabel('other', '  ')).toBe('Other');
    expect(reasonLabel('retired.reason')).toBe('retired.reason');
    expect(reasonLabel(undefined)).toBe('');
  });

  it('has unique reason ids', () => {
    const ids = REASON_GROUPS.flatMap((g) => g.reasons.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
