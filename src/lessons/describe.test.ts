import { describe, expect, it } from 'vitest';
import { lessonAnswers, lessonFacts } from './describe';
import type { Lesson } from './schema';

function lesson(overrides: Partial<Lesson> = {}): Lesson {
  return {
    id: '3f0e3c5e-8f7a-4d6b-9d1e-2a4b6c8d0e1f',
    createdAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-01-02T03:04:05.000Z',
    schemaVersion: 1,
    crm: 'hubspot',
    dealName: 'Acme renewal',
    outcome: 'competitor',
    answers: {},
    ...overrides,
  };
}

describe('lessonFacts', () => {
  it('lists every fact in reading order, with readable labels', () => {
    const facts = lessonFacts(
      lesson({
        company: 'Acme Corp',
        amount: 48000,
        currency: 'USD',
        stageBefore: 'Contract sent',
        reason: 'competitor.price-value',
        secondaryReason: 'no-decision.champion-left',
        confidence: 'fairly-sure',
        feeling: 2,
        crmLostReason: 'Price',
        answers: { planCue: 'a price objection', planAction: 'bring a business case' },
      }),
    );
    expect(facts).toEqual([
      ['Company', 'Acme Corp'],
      ['Amount', '48000 USD'],
      ['Stage before', 'Contract sent'],
      ['Outcome', 'Lost to a competitor'],
      ['Reason', 'Price / value'],
      ['Second reason', 'Champion left'],
      ['How sure', 'Fairly sure'],
      ['Feeling', '2 of 5 (low)'],
      ['Reason given in the CRM', 'Price'],
      ['Plan', 'Next time I see a price objection, I will bring a business case.'],
    ]);
  });

  it('leaves out the empty ones', () => {
    expect(lessonFacts(lesson())).toEqual([['Outcome', 'Lost to a competitor']]);
    expect(
      lessonFacts(lesson({ company: '', crmLostReason: '', answers: { planCue: ' ' } })),
    ).toEqual([['Outcome', 'Lost to a competitor']]);
  });

  it.each([
    [1, '1 of 5 (rough)'],
    [3, '3 of 5 (okay)'],
    [5, '5 of 5 (good)'],
  ])('describes feeling %i as %j', (feeling, text) => {
    expect(lessonFacts(lesson({ feeling }))).toContainEqual(['Feeling', text]);
  });

  it('shows the free text of an "other" reason, for either reason', () => {
    const facts = lessonFacts(
      lesson({
        reason: 'competitor.incumbent',
        secondaryReason: 'other',
        answers: { reasonOther: 'Acquired by a rival' },
      }),
    );
    expect(facts).toContainEqual(['Reason', 'Incumbent relationship']);
    expect(facts).toContainEqual(['Second reason', 'Acquired by a rival']);
  });

  it('formats the amount with the formatter given, zero included', () => {
    const format = (amount: number, currency?: string) => `${currency ?? '?'}${amount.toFixed(2)}`;
    expect(lessonFacts(lesson({ amount: 0, currency: 'EUR' }), format)).toContainEqual([
      'Amount',
      'EUR0.00',
    ]);
    expect(lessonFacts(lesson({ amount: 12 }))).toContainEqual(['Amount', '12']);
  });

  it("shows an old lesson's plan from its retired answer", () => {
    expect(lessonFacts(lesson({ answers: { nextTime: 'Call the CFO.' } }))).toContainEqual([
      'Plan',
      'Call the CFO.',
    ]);
  });
});

describe('lessonAnswers', () => {
  it("orders answers by today's questions, then retired and unknown ones", () => {
    const answers = lessonAnswers(
      lesson({
        answers: {
          nextTime: 'Old plan.',
          wentWell: 'The demo.',
          legacyQuestion: 'Old answer.',
          planAction: 'bring a business case',
          whatHappened: 'They chose Globex.',
          planCue: 'a price objection',
        },
      }),
    );
    expect(answers).toEqual([
      ['Next time I see…', 'a price objection'],
      ['…I will', 'bring a business case'],
      ['What actually happened?', 'They chose Globex.'],
      ['What went well?', 'The demo.'],
      ['Next time I will…', 'Old plan.'],
      ['legacyQuestion', 'Old answer.'],
    ]);
  });

  it('leaves out the other-reason text and empty answers', () => {
    expect(
      lessonAnswers(
        lesson({ answers: { reasonOther: 'Acquired by a rival', luck: '', wentWell: 'x' } }),
      ),
    ).toEqual([['What went well?', 'x']]);
  });

  it("shows the attribution choice's label", () => {
    expect(lessonAnswers(lesson({ answers: { attribution: 'person' } }))).toEqual([
      ['Was this mostly about…', 'the people'],
    ]);
  });

  it('is empty for a lesson without answers', () => {
    expect(lessonAnswers(lesson())).toEqual([]);
  });
});
