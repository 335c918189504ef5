import { describe, expect, it } from 'vitest';
import { snoozeChoices } from './SnoozeMenu';

const HOUR = 60 * 60 * 1000;

describe('snoozeChoices', () => {
  it('offers in one hour, then tomorrow morning', () => {
    expect(snoozeChoices(new Date(2026, 4, 6, 14, 30)).map((c) => c.label)).toEqual([
      'In 1 hour',
      'Tomorrow morning',
    ]);
  });

  it('"In 1 hour" is one hour from now', () => {
    const now = new Date(2026, 4, 6, 14, 30, 15, 500);
    const [inAnHour] = snoozeChoices(now);
    expect(inAnHour!.at.getTime()).toBe(now.getTime() + HOUR);
  });

  it.each([
    ['in the afternoon', new Date(2026, 4, 6, 14, 30), new Date(2026, 4, 7, 9, 0)],
    ['just after midnight', new Date(2026, 4, 6, 0, 5), new Date(2026, 4, 7, 9, 0)],
    ['before nine', new Date(2026, 4, 6, 8, 59), new Date(2026, 4, 7, 9, 0)],
    ['late on the last day of a month', new Date(2026, 0, 31, 23, 59), new Date(2026, 1, 1, 9, 0)],
    ['on new year’s eve', new Date(2026, 11, 31, 18, 0), new Date(2027, 0, 1, 9, 0)],
  ])('"Tomorrow morning" is 09:00 local time the next day, %s', (_when, now, expected) => {
    const tomorrow = snoozeChoices(now)[1]!;
    expect(tomorrow.label).toBe('Tomorrow morning');
    expect(tomorrow.at.getTime()).toBe(expected.getTime());
    expect([tomorrow.at.getHours(), tomorrow.at.getMinutes(), tomorrow.at.getSeconds()]).toEqual([
      9, 0, 0,
    ]);
  });

  it('does not change the date it is given', () => {
    const now = new Date(2026, 4, 6, 14, 30);
    const before = now.getTime();
    snoozeChoices(now);
    expect(now.getTime()).toBe(before);
  });
});
