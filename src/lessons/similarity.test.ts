import { describe, expect, it } from 'vitest';
import { lessonId, testLesson } from './lesson.test-helper';
import type { Lesson } from './schema';
import type { DealContext } from './deal';
import { generateLessons } from '../../tests/fixtures/lessons/generate';
import {
  bestMatches,
  FeatureIndex,
  competitorsIn,
  explain,
  foldCompany,
  lessonFeatures,
  MIN_SCORE,
  openDeal,
  scoreDeal,
} from './similarity';

/** A past lesson with nothing in common with the open deal below unless `overrides` says so. */
const past = (n: number, overrides: Partial<Lesson> = {}) =>
  lessonFeatures(
    testLesson({
      id: lessonId(n),
      dealId: `old-${n}`,
      dealName: 'Unrelated deal',
      createdAt: `2026-01-${String(10 + n).padStart(2, '0')}T00:00:00.000Z`,
      ...overrides,
    }),
  );

const deal = (overrides: Partial<DealContext> = {}, dealId = 'open-1') =>
  openDeal('hubspot', dealId, {
    dealName: 'Northwind expansion',
    company: 'Northwind Traders',
    stage: 'Qualification',
    ...overrides,
  });

const reasons = (lesson: ReturnType<typeof past>, open = deal()) =>
  scoreDeal(open, lesson).signals.map((s) => s.kind);

describe('foldCompany', () => {
  it.each([
    ['ACME, Inc.', 'acme'],
    ['Acme Inc', 'acme'],
    ['acme', 'acme'],
    ['Müller GmbH', 'muller'],
    ['Muller', 'muller'],
    ['Initech Ltd.', 'initech'],
    ['Globex Corp. Ltd', 'globex'],
    ['Société Générale SA', 'societe generale'],
  ])('%s → %s', (name, folded) => expect(foldCompany(name)).toBe(folded));

  it('keeps a name that is only a legal form, and gives nothing for nothing', () => {
    expect(foldCompany('Company')).toBe('company');
    expect(foldCompany('  ')).toBeUndefined();
    expect(foldCompany(undefined)).toBeUndefined();
  });

  it('does not fold different companies together', () => {
    expect(foldCompany('Acme Labs')).not.toBe(foldCompany('Acme'));
  });
});

describe('competitorsIn', () => {
  const names = (text: string) => competitorsIn(text).map((c) => c.name);

  it.each([
    ['We lost to Globex on price.', ['Globex']],
    ['They went with Initech Systems, who bundled support', ['Initech Systems']],
    ['In the end the buyer chose SAP.', ['SAP']],
    ['It was us vs Salesforce.com from the start', ['Salesforce.com']],
    ['lost to Globex Corp. Then they chose Initech', ['Globex Corp', 'Initech']],
    ['Lost the deal to The Hartley Group', ['Hartley Group']],
    ['They switched to Umbrella after the pilot', ['Umbrella']],
  ])('%s', (text, expected) => expect(names(text)).toEqual(expected));

  it.each([
    'They went with the cheaper option',
    'The buyer chose to wait until next year',
    'We lost to price in the end',
    'Lost to Price, not to a competitor',
    'They chose The status quo',
    'They went with In-house tooling',
    'It was Q4 vs Q1 budget',
    'Price vs value was the argument',
    'They chose Monday for the kickoff',
    'Globex was there too', // a name without a cue is not taken
    'We went with it',
    '',
  ])('no competitor in “%s”', (text) => expect(names(text)).toEqual([]));

  it('names one competitor once however often it is named', () => {
    expect(names('Lost to Globex. They went with Globex Inc because…')).toEqual(['Globex']);
  });
});

describe('scoreDeal: each signal alone', () => {
  it('same company, folded', () => {
    const lesson = past(1, { company: 'NORTHWIND TRADERS, Inc.' });
    expect(reasons(lesson)).toEqual(['company']);
    expect(scoreDeal(deal(), lesson).score).toBeGreaterThanOrEqual(MIN_SCORE);
  });

  it('a competitor of the past answers named in the deal', () => {
    const lesson = past(1, { answers: { whatHappened: 'They went with Globex in the end.' } });
    expect(reasons(lesson, deal({ dealName: 'Northwind (vs Globex)' }))).toEqual(['competitor']);
    expect(reasons(lesson)).toEqual([]);
  });

  it('the competitor in the CRM’s own lost reason counts too', () => {
    const lesson = past(1, { crmLostReason: 'Lost to Globex' });
    expect(reasons(lesson, deal({ dealName: 'Globex replacement at Northwind' }))).toEqual([
      'competitor',
    ]);
  });

  it('a “competitor” that is this deal’s own company is the customer, not a rival', () => {
    const lesson = past(1, { answers: { whatHappened: 'They went with Northwind Traders' } });
    expect(reasons(lesson)).toEqual([]);
  });

  it('the stage the deal is in now, where a past deal was lost', () => {
    const lesson = past(1, { stageBefore: 'qualification' });
    expect(reasons(lesson)).toEqual(['stage']);
  });

  it('a tag of the lesson named by the deal’s fields', () => {
    const lesson = past(1, { tags: ['Enterprise', 'Q4 push', 'eu'] });
    expect(reasons(lesson, deal({ pipeline: 'Enterprise' }))).toEqual(['tag']);
    expect(reasons(lesson, deal({ dealName: 'Northwind — Q4 push' }))).toEqual(['tag']);
    // Too short to say anything ("eu" is in many names).
    expect(reasons(lesson, deal({ dealName: 'Northwind EU' }))).toEqual([]);
  });

  it('a similar amount: within ±50 %, in the same currency', () => {
    const at = (amount: number, currency = 'EUR') =>
      reasons(past(1, { amount, currency }), deal({ amount: 10_000, currency: 'eur' }));
    expect(at(10_000)).toEqual(['amount']);
    expect(at(5_000)).toEqual(['amount']);
    expect(at(15_000)).toEqual(['amount']);
    expect(at(4_999)).toEqual([]);
    expect(at(15_001)).toEqual([]);
    expect(at(10_000, 'USD')).toEqual([]);
  });

  it('this very deal, lost before (it is open again)', () => {
    const lesson = past(1, { dealId: 'open-1' });
    expect(reasons(lesson)).toEqual(['sameDeal']);
    expect(reasons(lesson, deal({}, 'open-2'))).toEqual([]);
  });
});

describe('scoreDeal: thresholds', () => {
  const score = (lesson: ReturnType<typeof past>, open = deal()) => scoreDeal(open, lesson).score;
  const open = deal({ amount: 10_000, currency: 'EUR', pipeline: 'Enterprise' });

  it('a weak signal alone is no match: the amount, a tag, the stage', () => {
    expect(score(past(1, { amount: 10_000, currency: 'EUR' }), open)).toBeLessThan(MIN_SCORE);
    expect(score(past(1, { tags: ['enterprise'] }), open)).toBeLessThan(MIN_SCORE);
    expect(score(past(1, { stageBefore: 'Qualification' }), open)).toBeLessThan(MIN_SCORE);
  });

  it('the stage with one more signal is a match; company or competitor alone is', () => {
    const stageAndAmount = past(1, {
      stageBefore: 'Qualification',
      amount: 9_000,
      currency: 'EUR',
    });
    expect(score(stageAndAmount, open)).toBeGreaterThanOrEqual(MIN_SCORE);
    expect(score(past(1, { company: 'Northwind Traders' }), open)).toBeGreaterThanOrEqual(
      MIN_SCORE,
    );
  });

  it('signals add up, strongest first', () => {
    const lesson = past(1, {
      company: 'Northwind Traders Ltd',
      stageBefore: 'Qualification',
      amount: 12_000,
      currency: 'EUR',
      tags: ['enterprise'],
    });
    const scored = scoreDeal(open, lesson);
    expect(scored.signals.map((s) => s.kind)).toEqual(['company', 'stage', 'tag', 'amount']);
    expect(scored.score).toBe(3 + 2 + 1 + 1);
  });
});

describe('bestMatches', () => {
  it('ranks by score, then the newer lesson, and keeps the best few', () => {
    const lessons = [
      past(1, { company: 'Northwind Traders' }),
      past(2, { company: 'Northwind Traders', stageBefore: 'Qualification' }),
      past(3, { company: 'Northwind Traders' }),
      past(4, { amount: 1 }), // no match
    ];
    expect(bestMatches(deal(), lessons, 2).map((m) => m.lessonId)).toEqual([
      lessonId(2),
      lessonId(3),
    ]);
  });

  it('aggregates the stage over every match: “lost at Qualification twice”', () => {
    const lessons = [
      past(1, { company: 'Northwind Traders', stageBefore: 'Qualification' }),
      past(2, { company: 'Northwind Traders', stageBefore: 'QUALIFICATION' }),
      past(3, { stageBefore: 'Qualification' }), // the stage alone: not a match, not counted
    ];
    const [best] = bestMatches(deal(), lessons, 1);
    expect(best!.why.map(explain)).toEqual(['same company', 'lost at Qualification twice']);
  });

  it('says once, twice and n times', () => {
    const at = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        past(i + 1, { company: 'Northwind Traders', stageBefore: 'Qualification' }),
      );
    expect(bestMatches(deal(), at(1), 1)[0]!.why.map(explain)).toContain(
      'lost at Qualification once',
    );
    expect(bestMatches(deal(), at(5), 1)[0]!.why.map(explain)).toContain(
      'lost at Qualification 5 times',
    );
  });

  it('puts this deal’s own lesson first, explained so', () => {
    const lessons = [
      past(1, { company: 'Northwind Traders', stageBefore: 'Qualification' }),
      past(2, { dealId: 'open-1' }),
    ];
    const [first] = bestMatches(deal(), lessons, 3);
    expect(first!.lessonId).toBe(lessonId(2));
    expect(first!.why.map(explain)).toEqual(['this deal, lost before']);
  });

  it('leaves out the lessons the user found not helpful for this deal', () => {
    const lessons = [
      past(1, { company: 'Northwind Traders' }),
      past(2, { company: 'Northwind Traders' }),
    ];
    const matches = bestMatches(deal(), lessons, 3, (id) => id === lessonId(2));
    expect(matches.map((m) => m.lessonId)).toEqual([lessonId(1)]);
  });

  it('explains every signal in words', () => {
    const lesson = past(1, {
      company: 'Northwind Traders',
      answers: { whatHappened: 'lost to Globex' },
      tags: ['enterprise'],
      amount: 100,
    });
    const [match] = bestMatches(
      deal({ pipeline: 'Enterprise', dealName: 'Northwind vs Globex', amount: 100 }),
      [lesson],
      1,
    );
    expect(match!.why.map(explain)).toEqual([
      'same company',
      'same competitor: Globex',
      'tagged “enterprise”',
      'similar amount',
    ]);
  });
});

describe('FeatureIndex', () => {
  it('gives the same best matches as scoring every lesson, for deals like the library’s own', () => {
    const generated = generateLessons(1_540, 7);
    const features = generated.slice(0, 1_500).map(lessonFeatures);
    const index = new FeatureIndex();
    for (const f of features) index.set(f);
    let compared = 0;
    for (const lesson of generated.slice(1_500)) {
      const open = openDeal(lesson.crm, lesson.dealId ?? lesson.id, {
        dealName: lesson.dealName,
        company: lesson.company,
        amount: lesson.amount,
        currency: lesson.currency,
        stage: lesson.stageBefore,
        pipeline: lesson.tags?.[0],
      });
      const everything = bestMatches(open, features, 3);
      expect(bestMatches(open, index.candidates(open), 3)).toEqual(everything);
      compared += everything.length;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('follows a lesson’s edits and deletion', () => {
    const index = new FeatureIndex();
    index.set(past(1, { company: 'Northwind Traders' }));
    expect(bestMatches(deal(), index.candidates(deal()), 3)).toHaveLength(1);
    index.set(past(1, { company: 'Globex' }));
    expect(index.size).toBe(1);
    expect(index.candidates(deal()).size).toBe(0);
    index.set(past(2, { stageBefore: 'Qualification', tags: ['northwind'] }));
    expect(bestMatches(deal(), index.candidates(deal()), 3).map((m) => m.lessonId)).toEqual([
      lessonId(2),
    ]);
    index.delete(lessonId(2));
    expect(index.size).toBe(1);
    expect(index.candidates(deal()).size).toBe(0);
  });
});
