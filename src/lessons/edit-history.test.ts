import { describe, expect, it } from 'vitest';
import { editFieldLabel, previousText, reasonDrift } from './edit-history';
import { testLesson } from './lesson.test-helper';
import type { LessonEdit } from './schema';
import { defaultTemplateSettings, resolveTemplate } from './template';
import { mergeReason } from './template-edit';

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

describe('reason drift: the first thought beside what the lesson says now', () => {
  const later = '2026-12-20T09:30:00.000Z';
  const edited = (
    now: { reason?: string; outcome?: 'competitor' | 'no-decision'; other?: string },
    history: LessonEdit[],
  ) =>
    testLesson({
      reason: now.reason,
      outcome: now.outcome ?? 'competitor',
      answers: now.other ? { reasonOther: now.other } : {},
      history,
    });

  it('names the first reason and the reason now, by their labels', () => {
    const lesson = edited({ reason: 'no-decision.no-access' }, [
      { at, field: 'reason', previous: 'competitor.price-value' },
    ]);
    expect(reasonDrift(lesson, template)).toEqual({
      first: 'Price / value',
      later: 'No access to the decision maker',
    });
  });

  it('takes the oldest edit as the first thought, past every later change', () => {
    const lesson = edited({ reason: 'no-decision.went-dark' }, [
      { at, field: 'reason', previous: 'competitor.price-value' },
      { at: later, field: 'reason', previous: 'no-decision.no-access' },
    ]);
    expect(reasonDrift(lesson, template)?.first).toBe('Price / value');
    expect(reasonDrift(lesson, template)?.later).toBe('Went dark');
  });

  it('adds a changed outcome, and says so when the outcome alone changed', () => {
    const both = edited({ reason: 'no-decision.no-access', outcome: 'no-decision' }, [
      { at, field: 'reason', previous: 'competitor.price-value' },
      { at, field: 'outcome', previous: 'competitor' },
    ]);
    expect(reasonDrift(both, template)).toEqual({
      first: 'Price / value · Lost to a competitor',
      later: 'No access to the decision maker · No decision / stalled',
    });
    const outcomeOnly = edited({ outcome: 'no-decision' }, [
      { at, field: 'outcome', previous: 'competitor' },
    ]);
    expect(reasonDrift(outcomeOnly, template)).toEqual({
      first: 'Lost to a competitor',
      later: 'No decision / stalled',
    });
  });

  it('reads an "other" reason by the text it had then and has now', () => {
    const lesson = edited({ reason: 'other', other: 'Legal blocked it' }, [
      { at, field: 'answers.reasonOther', previous: 'Bad timing' },
    ]);
    expect(reasonDrift(lesson, template)).toEqual({
      first: 'Bad timing',
      later: 'Legal blocked it',
    });
  });

  it('is nothing when the reason came back, was merged, or was only filled in later', () => {
    const back = edited({ reason: 'competitor.price-value' }, [
      { at, field: 'reason', previous: 'competitor.price-value' },
    ]);
    expect(reasonDrift(back, template)).toBeUndefined();
    const merged = mergeReason(
      defaultTemplateSettings(),
      'competitor.price-value',
      'competitor.capability-gap',
    );
    const mergedLesson = edited({ reason: 'competitor.capability-gap' }, [
      { at, field: 'reason', previous: 'competitor.price-value' },
    ]);
    expect(reasonDrift(mergedLesson, resolveTemplate(merged))).toBeUndefined();
    const filledIn = edited({ reason: 'competitor.price-value' }, [{ at, field: 'reason' }]);
    expect(reasonDrift(filledIn, template)).toBeUndefined();
    expect(reasonDrift(edited({ reason: 'competitor.price-value' }, []), template)).toBeUndefined();
    // A reason cleared later is a change of mind.
    const cleared = edited({}, [{ at, field: 'reason', previous: 'competitor.price-value' }]);
    expect(reasonDrift(cleared, template)?.later).toBe('No reason given');
  });
});
