import { describe, expect, it } from 'vitest';
import { CONTROLLABLE_BY_DEFAULT, GROUP_COLOURS, REASON_GROUPS } from './reasons';

describe('REASON_GROUPS', () => {
  const ids = REASON_GROUPS.flatMap((g) => g.reasons.map((r) => r.id));

  it('has unique reason ids', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every group a colour and marks only known reasons within control', () => {
    for (const group of REASON_GROUPS) expect(GROUP_COLOURS[group.id]).toMatch(/^#[0-9a-f]{6}$/);
    for (const id of CONTROLLABLE_BY_DEFAULT) expect(ids).toContain(id);
  });
});
