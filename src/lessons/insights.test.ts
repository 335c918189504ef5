import { describe, expect, it } from 'vitest';
import {
  createInsights,
  formatShare,
  MONTHS_SHOWN,
  TOP_DRIFTS,
  TOP_REASONS,
  WEEKS_SHOWN,
} from './insights';
import type { Lesson } from './schema';
import { lessonId, testLesson } from './lesson.test-helper';
import { defaultTemplateSettings, resolveTemplate } from './template';
import { mergeReason, updateReason } from './template-edit';

/** Wednesday 18 November 2026, noon local time: every test's "now". */
const NOW = new Date(2026, 10, 18, 12);
const BUILT_IN = resolveTemplate(undefined);

/** Noon local time `daysAgo` days before NOW, as a lesson stores it. */
const daysAgo = (days: number) => new Date(2026, 10, 18 - days, 12).toISOString();

let nextId = 0;
const lesson = (overrides: Partial<Lesson> = {}) =>
  testLesson({ id: lessonId(nextId++), createdAt: daysAgo(0), ...overrides });

function insightsOf(lessons: Lesson[], template = BUILT_IN) {
  const acc = createInsights({
    template,
    now: NOW,
    formatAmount: (amount, currency) => `${currency} ${amount}`,
  });
  for (const l of lessons) acc.add(l);
  return acc.result();
}

const times = (n: number, make: (i: number) => Lesson) =>
  Array.from({ length: n }, (_, i) => make(i));

describe('formatShare', () => {
  it('says small numbers as counts and larger ones as a percentage with the counts', () => {
    expect(formatShare(3, 8)).toBe('3 of 8');
    expect(formatShare(19, 19)).toBe('19 of 19');
    expect(formatShare(7, 20)).toBe('35% (7 of 20)');
    expect(formatShare(1, 3000)).toBe('0% (1 of 3000)');
  });
});

describe('insights', () => {
  it('has no buckets and says so when there is no lesson', () => {
    const empty = insightsOf([]);
    expect(empty.total).toBe(0);
    expect(empty.months.buckets).toEqual([]);
    expect(empty.weeks.counts).toEqual([]);
    expect(empty.amounts).toEqual([]);
    expect(empty.amountsEmpty).toBe('No lesson records an amount.');
    expect(empty.reasons.summary).toBe('No lessons in the last 90 days.');
    expect(empty.plans.summary).toBe('No lessons in the last 90 days.');
  });

  it('counts lessons per week (from Monday, gaps as zero) and per month', () => {
    const result = insightsOf([
      lesson({ createdAt: daysAgo(0) }), // Wed 18 Nov
      lesson({ createdAt: daysAgo(2) }), // Mon 16 Nov: same week
      lesson({ createdAt: daysAgo(3) }), // Sun 15 Nov: the week before
      lesson({ createdAt: daysAgo(16) }), // Mon 2 Nov
      lesson({ createdAt: daysAgo(40) }), // Fri 9 Oct
    ]);
    expect(result.weeks.buckets.map((b) => b.key)).toEqual([
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
    ]);
    expect(result.weeks.counts).toEqual([1, 0, 0, 0, 1, 1, 2]);
    expect(result.weeks.summary).toBe('Lessons in the last 26 weeks: 5; this week: 2.');
    expect(result.months.buckets.map((b) => b.key)).toEqual(['2026-10', '2026-11']);
    expect(result.months.counts).toEqual([1, 4]);
    expect(result.months.summary).toBe('Lessons this month: 4; last month: 1; in all: 5.');
  });

  it('shows at most the last 26 weeks and 36 months, and counts older lessons in all', () => {
    const result = insightsOf([
      lesson({ createdAt: daysAgo(0) }),
      lesson({ createdAt: daysAgo(2000) }),
    ]);
    expect(result.weeks.buckets).toHaveLength(WEEKS_SHOWN);
    expect(result.months.buckets).toHaveLength(MONTHS_SHOWN);
    expect(result.months.buckets.at(-1)!.key).toBe('2026-11');
    expect(result.months.summary).toBe('Lessons this month: 1; last month: 0; in all: 2.');
  });

  it('counts reasons per month through merges, and names the most frequent recent one with counts', () => {
    const template = resolveTemplate(
      mergeReason(defaultTemplateSettings(), 'competitor.time-to-value', 'competitor.price-value'),
    );
    const result = insightsOf(
      [
        lesson({ reason: 'competitor.price-value', createdAt: daysAgo(1) }),
        lesson({ reason: 'competitor.time-to-value', createdAt: daysAgo(5) }),
        lesson({ reason: 'no-decision.went-dark', createdAt: daysAgo(20) }),
        lesson({ createdAt: daysAgo(21) }),
        // Older than 90 days: in the chart, not in the summary.
        lesson({ reason: 'no-decision.went-dark', createdAt: daysAgo(100) }),
        lesson({ reason: 'no-decision.went-dark', createdAt: daysAgo(120) }),
        lesson({ reason: 'no-decision.went-dark', createdAt: daysAgo(121) }),
      ],
      template,
    );
    const byLabel = Object.fromEntries(
      result.reasons.series.map((s) => [s.reason.label, s.counts]),
    );
    expect(result.reasons.buckets.map((b) => b.key)).toEqual([
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(byLabel).toEqual({
      'Went dark': [2, 1, 0, 1, 0],
      'Price / value': [0, 0, 0, 0, 2],
      'No reason given': [0, 0, 0, 1, 0],
    });
    expect(result.reasons.series.find((s) => s.reason.label === 'Price / value')!.reason).toEqual({
      key: 'competitor.price-value',
      label: 'Price / value',
      colour: '#d64545',
    });
    // 2 of the 4 recent lessons, the merged one included; "no reason" is never the top reason.
    expect(result.reasons.summary).toBe(
      'Most frequent reason in the last 90 days: Price / value, 2 of 4.',
    );
  });

  it('names the top reasons and sums the rest as one series', () => {
    const ids = BUILT_IN.groups.flatMap((g) => g.reasons.map((r) => r.id)).slice(0, 9);
    const result = insightsOf(ids.flatMap((id, i) => times(9 - i, () => lesson({ reason: id }))));
    expect(result.reasons.series).toHaveLength(TOP_REASONS + 1);
    expect(result.reasons.series.at(-1)!.reason.label).toBe('Other reasons');
    // 3 + 2 + 1 lessons of the 7th, 8th and 9th reasons.
    expect(result.reasons.series.at(-1)!.counts).toEqual([6]);
    expect(result.reasons.series.map((s) => s.counts[0])).toEqual([9, 8, 7, 6, 5, 4, 6]);
  });

  it('adds amounts by reason per currency, never across currencies', () => {
    const result = insightsOf([
      lesson({ reason: 'competitor.price-value', amount: 1000, currency: 'EUR' }),
      lesson({ reason: 'competitor.price-value', amount: 500, currency: 'eur' }),
      lesson({ reason: 'no-decision.went-dark', amount: 4000, currency: 'USD' }),
      lesson({ reason: 'no-decision.went-dark', amount: 200, currency: 'EUR' }),
      lesson({ reason: 'no-decision.went-dark', amount: 70 }),
      lesson({ reason: 'no-decision.went-dark' }),
    ]);
    expect(
      result.amounts.map((chart) => ({
        currency: chart.currency,
        rows: chart.rows.map((r) => [r.reason.label, r.amount, r.deals]),
      })),
    ).toEqual([
      { currency: '', rows: [['Went dark', 70, 1]] },
      {
        currency: 'EUR',
        rows: [
          ['Price / value', 1500, 2],
          ['Went dark', 200, 1],
        ],
      },
      { currency: 'USD', rows: [['Went dark', 4000, 1]] },
    ]);
    expect(result.amounts[1]!.summary).toBe(
      'Largest amount lost (EUR): Price / value, EUR 1500 (2 of 3 deals with an amount).',
    );
    expect(result.amounts[0]!.summary).toContain('(no currency)');
  });

  it('shares losses within my control of those with a known reason, as the template marks them', () => {
    // Price / value is not within control by default; the user marks it so.
    const template = resolveTemplate(
      updateReason(defaultTemplateSettings(), 'competitor.price-value', { controllable: true }),
    );
    const result = insightsOf(
      [
        lesson({ reason: 'competitor.price-value' }),
        lesson({ reason: 'no-decision.no-access' }),
        lesson({ reason: 'no-decision.went-dark' }),
        lesson({}), // no reason: not counted either way
        lesson({ reason: 'a-reason-from-another-device' }), // unknown: not counted either way
        lesson({ reason: 'no-decision.no-access', createdAt: daysAgo(31) }),
      ],
      template,
    );
    expect(result.control.part).toEqual([1, 2]);
    expect(result.control.whole).toEqual([1, 3]);
    expect(result.control.summary).toBe(
      'Within my control in the last 90 days: 3 of 4 losses with a reason.',
    );
    const many = insightsOf([
      ...times(7, () => lesson({ reason: 'no-decision.no-access' })),
      ...times(13, () => lesson({ reason: 'no-decision.went-dark' })),
    ]);
    expect(many.control.summary).toBe(
      'Within my control in the last 90 days: 35% (7 of 20) losses with a reason.',
    );
  });

  it('averages the feeling per month with its count, leaving months without one empty', () => {
    const result = insightsOf([
      lesson({ feeling: 2, createdAt: daysAgo(60) }),
      lesson({ feeling: 4 }),
      lesson({ feeling: 5 }),
      lesson({ feeling: 5 }),
      lesson({}),
    ]);
    expect(result.feeling.buckets.map((b) => b.key)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(result.feeling.mean).toEqual([2, null, 4.7]);
    expect(result.feeling.n).toEqual([1, 0, 3]);
    expect(result.feeling.summary).toBe(
      'Average feeling in the last 90 days: 4.0 of 5, from 4 lessons.',
    );
    expect(insightsOf([lesson({})]).feeling.summary).toBe(
      'No lesson of the last 90 days says how it felt.',
    );
  });

  it('counts lessons with an if-then plan (its cue or its action written), per month', () => {
    const result = insightsOf([
      lesson({ answers: { planAction: 'ask who signs' } }),
      lesson({ answers: { planCue: 'a new CFO' } }),
      lesson({ answers: { planCue: '   ', whatHappened: 'went quiet' } }),
      lesson({ answers: { planAction: 'bring a case' }, createdAt: daysAgo(35) }),
    ]);
    expect(result.plans.part).toEqual([1, 2]);
    expect(result.plans.whole).toEqual([1, 3]);
    expect(result.plans.summary).toBe('If-then plans written in the last 90 days: 3 of 4 lessons.');
  });

  it('never speaks of wins or a win rate', () => {
    const result = insightsOf(
      times(30, (i) => lesson({ reason: 'no-decision.went-dark', feeling: (i % 5) + 1 })),
    );
    const words = JSON.stringify(result).toLowerCase();
    expect(words).not.toMatch(/\bwin|\bwon\b/);
  });

  it('reads the same whatever order the lessons come in (pages of any size)', () => {
    const lessons = times(50, (i) =>
      lesson({
        createdAt: daysAgo(i * 7),
        reason: i % 3 ? 'no-decision.went-dark' : 'competitor.price-value',
        feeling: (i % 5) + 1,
        amount: i * 10,
        currency: 'EUR',
      }),
    );
    expect(insightsOf([...lessons].reverse())).toEqual(insightsOf(lessons));
  });
});

describe('reasons that changed on a second look', () => {
  const at = daysAgo(0);
  const changed = (from: string, to: string | undefined) =>
    lesson({ reason: to, history: [{ at, field: 'reason', previous: from }] });

  it('counts each change from → to, most frequent first, and sums them up in words', () => {
    const result = insightsOf([
      changed('competitor.price-value', 'no-decision.no-access'),
      changed('competitor.price-value', 'no-decision.no-access'),
      changed('no-decision.went-dark', 'no-decision.champion-left'),
      lesson({ reason: 'competitor.price-value' }),
    ]);
    expect(result.drift.rows.map((row) => [row.from.label, row.to.label, row.count])).toEqual([
      ['Price / value', 'No access to the decision maker', 2],
      ['Went dark', 'Champion left', 1],
    ]);
    expect(result.drift.lessons).toBe(3);
    expect(result.drift.more).toBe(0);
    expect(result.drift.summary).toBe(
      'Reasons changed on a second look in 3 of 4 lessons; most often from Price / value to No access to the decision maker (2).',
    );
  });

  it('shows the most frequent pairs and tells the rest as a count', () => {
    const reasons = BUILT_IN.groups.flatMap((g) => g.reasons.map((r) => r.id)).slice(0, 13);
    // Twelve different pairs, the first changed twice: TOP_DRIFTS shown, the rest counted.
    const lessons = reasons
      .slice(1)
      .map((to) => changed(reasons[0]!, to))
      .concat(changed(reasons[0]!, reasons[1]!));
    const { drift } = insightsOf(lessons);
    expect(drift.rows).toHaveLength(TOP_DRIFTS);
    expect(drift.rows[0]!.count).toBe(2);
    expect(drift.lessons).toBe(13);
    expect(drift.more).toBe(13 - 2 - (TOP_DRIFTS - 1));
  });

  it('says one change as one, and counts a reason cleared later as a change', () => {
    const result = insightsOf([changed('competitor.price-value', undefined), lesson()]);
    expect(result.drift.rows.map((row) => [row.from.label, row.to.label])).toEqual([
      ['Price / value', 'No reason given'],
    ]);
    expect(result.drift.summary).toBe(
      "One lesson's reason changed on a second look: from Price / value to No reason given.",
    );
  });

  it('has no rows when no reason changed: edited back, merged, only filled in later, other fields', () => {
    const template = resolveTemplate(
      mergeReason(defaultTemplateSettings(), 'competitor.time-to-value', 'competitor.price-value'),
    );
    const result = insightsOf(
      [
        changed('competitor.price-value', 'competitor.price-value'),
        changed('competitor.time-to-value', 'competitor.price-value'),
        lesson({ reason: 'competitor.price-value', history: [{ at, field: 'reason' }] }),
        lesson({ history: [{ at, field: 'dealName', previous: 'Old name' }] }),
      ],
      template,
    );
    expect(result.drift).toEqual({ rows: [], lessons: 0, more: 0, summary: '' });
  });
});
