import { describe, expect, it } from 'vitest';
import { isLostLabel } from '../../settings/stage-labels';

/** Zoho's default Deal stages, as its fields API lists them. */
const ZOHO_DEFAULT_STAGES: [string, boolean][] = [
  ['Qualification', false],
  ['Needs Analysis', false],
  ['Value Proposition', false],
  ['Identify Decision Makers', false],
  ['Proposal/Price Quote', false],
  ['Negotiation/Review', false],
  ['Closed Won', false],
  ['Closed Lost', true],
  // "Closed lost" leads the label: the shared matcher takes a lost label as a leading phrase.
  ['Closed-Lost to Competition', true],
];

describe("the shared lost labels on Zoho's default Deal stages", () => {
  it.each(ZOHO_DEFAULT_STAGES)('%s is lost: %s', (stage, lost) => {
    expect(isLostLabel(stage)).toBe(lost);
  });

  it('count the label as shown, whatever its case and dashes', () => {
    expect(isLostLabel('Closed-Lost To Competition')).toBe(true);
    expect(isLostLabel('closed lost')).toBe(true);
    expect(isLostLabel('Closed Lostness')).toBe(false);
  });
});
