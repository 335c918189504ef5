import { describe, expect, it } from 'vitest';
import { lostMatcher, neverWon, wonMatcher } from '../settings/stage-labels';
import { stageChange } from './stage-change';

const isLost = lostMatcher();
const isWon = wonMatcher();

describe('stageChange', () => {
  it.each([
    ['Contract sent', 'Closed lost', 'lost'],
    ['Closed won', 'Closed lost', 'lost'],
    ['Contract sent', 'Closed won', 'won'],
    ['Closed lost', 'Closed won', 'won'],
    ['Closed lost', 'Lost', undefined],
    ['Closed won', 'Won', undefined],
    ['Qualified to buy', 'Contract sent', undefined],
    ['Closed won', 'Contract sent', undefined],
  ] as const)('%j → %j is %j', (before, after, expected) => {
    expect(stageChange(before, after, isLost, isWon)).toBe(expected);
  });

  it('sees no wins when they are not looked for', () => {
    expect(stageChange('Contract sent', 'Closed won', isLost, neverWon)).toBeUndefined();
    expect(stageChange('Contract sent', 'Closed lost', isLost, neverWon)).toBe('lost');
  });
});
