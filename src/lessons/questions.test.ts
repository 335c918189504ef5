import { describe, expect, it } from 'vitest';
import {
  kindLineFor,
  kindLines,
  OTHER_REASON_ANSWER,
  planText,
  QUESTIONS,
  RETIRED_QUESTIONS,
} from './questions';

describe('QUESTIONS', () => {
  it('has unique ids, none of them retired or reserved', () => {
    const ids = QUESTIONS.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [...Object.keys(RETIRED_QUESTIONS), OTHER_REASON_ANSWER]) {
      expect(ids).not.toContain(id);
    }
  });

  it('asks the if-then plan in quick mode, first', () => {
    expect(QUESTIONS.filter((q) => q.mode === 'quick').map((q) => q.id)).toEqual([
      'planCue',
      'planAction',
    ]);
  });
});

describe('planText', () => {
  it('joins cue and action into one sentence', () => {
    expect(
      planText({
        planCue: 'procurement running the RFP',
        planAction: 'ask for the economic buyer',
      }),
    ).toBe('Next time I see procurement running the RFP, I will ask for the economic buyer.');
  });

  it('says the action alone when there is no cue', () => {
    expect(planText({ planAction: 'ask for the economic buyer' })).toBe(
      'Next time I will ask for the economic buyer.',
    );
    expect(planText({ planCue: '   ', planAction: 'ask for the economic buyer' })).toBe(
      'Next time I will ask for the economic buyer.',
    );
  });

  it('says the cue alone, unfinished, when there is no action', () => {
    expect(planText({ planCue: 'a price objection' })).toBe('Next time I see a price objection…');
    expect(planText({ planCue: 'a price objection', planAction: ' ' })).toBe(
      'Next time I see a price objection…',
    );
  });

  it('drops the trailing punctuation and spaces the user typed', () => {
    expect(
      planText({ planCue: ' a price objection, ', planAction: ' build a business case. ' }),
    ).toBe('Next time I see a price objection, I will build a business case.');
    expect(planText({ planCue: 'a price objection.', planAction: 'build a business case' })).toBe(
      'Next time I see a price objection, I will build a business case.',
    );
    expect(planText({ planAction: 'build a business case.' })).toBe(
      'Next time I will build a business case.',
    );
  });

  it('falls back to an old lesson\'s "Next time I will…" answer', () => {
    const nextTime = 'Next time I see a price objection, I will bring a business case.';
    expect(planText({ nextTime })).toBe(nextTime);
    expect(planText({ nextTime, planAction: 'call the CFO' })).toBe(
      'Next time I will call the CFO.',
    );
  });

  it('is undefined when there is no plan', () => {
    expect(planText({})).toBeUndefined();
    expect(planText({ whatHappened: 'They chose Globex.' })).toBeUndefined();
  });
});

describe('kindLineFor', () => {
  it('picks one of the kind lines, the same one for the same seed', () => {
    for (const seed of ['', 'a', 'loss-1', crypto.randomUUID()]) {
      const line = kindLineFor(seed);
      expect(kindLines()).toContain(line);
      expect(kindLineFor(seed)).toBe(line);
    }
  });

  it('varies across seeds', () => {
    const lines = new Set(Array.from({ length: 40 }, (_, i) => kindLineFor(`loss-${i}`)));
    expect(lines.size).toBe(kindLines().length);
  });
});
