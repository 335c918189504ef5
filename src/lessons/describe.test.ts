import { defaultTemplateSettings, resolveTemplate } from './template';
import { addQuestion, mergeReason, setQuestionRemoved, updateReason } from './template-edit';
import { describe, expect, it } from 'vitest';
import { lessonAnswers, lessonFacts } from './describe';
import { testLesson as lesson } from './lesson.test-helper';

const BUILT_IN = resolveTemplate(undefined);

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
      BUILT_IN,
    );
    expect(facts).toEqual([
      ['Company', 'Acme Corp'],
      ['Amount', '48000 USD'],
      ['Stage before', 'Contract sent'],
      ['Outcome', 'Lost to a competitor'],
      ['Reason', 'Price / value'],
      ['Within my control', 'No'],
      ['Second reason', 'Champion left'],
      ['How sure', 'Fairly sure'],
      ['Feeling', '2 of 5 (low)'],
      ['Reason given in the CRM', 'Price'],
      ['Plan', 'Next time I see a price objection, I will bring a business case.'],
    ]);
  });

  it('leaves out the empty ones', () => {
    expect(lessonFacts(lesson(), BUILT_IN)).toEqual([['Outcome', 'Lost to a competitor']]);
    expect(
      lessonFacts(lesson({ company: '', crmLostReason: '', answers: { planCue: ' ' } }), BUILT_IN),
    ).toEqual([['Outcome', 'Lost to a competitor']]);
  });

  it.each([
    [1, '1 of 5 (rough)'],
    [3, '3 of 5 (okay)'],
    [5, '5 of 5 (good)'],
  ])('describes feeling %i as %j', (feeling, text) => {
    expect(lessonFacts(lesson({ feeling }), BUILT_IN)).toContainEqual(['Feeling', text]);
  });

  it('shows the free text of an "other" reason, for either reason', () => {
    const facts = lessonFacts(
      lesson({
        reason: 'competitor.incumbent',
        secondaryReason: 'other',
        answers: { reasonOther: 'Acquired by a rival' },
      }),
      BUILT_IN,
    );
    expect(facts).toContainEqual(['Reason', 'Incumbent relationship']);
    expect(facts).toContainEqual(['Second reason', 'Acquired by a rival']);
  });

  it('formats the amount with the formatter given, zero included', () => {
    const format = (amount: number, currency?: string) => `${currency ?? '?'}${amount.toFixed(2)}`;
    expect(lessonFacts(lesson({ amount: 0, currency: 'EUR' }), BUILT_IN, format)).toContainEqual([
      'Amount',
      'EUR0.00',
    ]);
    expect(lessonFacts(lesson({ amount: 12 }), BUILT_IN)).toContainEqual(['Amount', '12']);
  });

  it("reads a merged reason as the one it went into, with that reason's control mark", () => {
    const settings = updateReason(
      mergeReason(defaultTemplateSettings(), 'no-decision.went-dark', 'no-decision.no-access'),
      'no-decision.no-access',
      { label: 'Never met the buyer' },
    );
    const facts = lessonFacts(
      lesson({ reason: 'no-decision.went-dark' }),
      resolveTemplate(settings),
    );
    expect(facts).toContainEqual([
      'Reason',
      'Never met the buyer (written as “Went dark”, since merged)',
    ]);
    expect(facts).toContainEqual(['Within my control', 'Yes']);
  });

  it("shows an old lesson's plan from its retired answer", () => {
    expect(
      lessonFacts(lesson({ answers: { nextTime: 'Call the CFO.' } }), BUILT_IN),
    ).toContainEqual(['Plan', 'Call the CFO.']);
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
      BUILT_IN,
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

  it('shows the answer to a question the user added and later removed, under its wording', () => {
    const settings = setQuestionRemoved(
      addQuestion(defaultTemplateSettings(), 'Who signed instead?', 'deep', 'q-signed'),
      'q-signed',
      true,
    );
    const answers = lessonAnswers(
      lesson({ answers: { whatHappened: 'They chose Globex.', 'q-signed': 'Globex' } }),
      resolveTemplate(settings),
    );
    expect(answers).toEqual([
      ['What actually happened?', 'They chose Globex.'],
      ['Who signed instead?', 'Globex'],
    ]);
  });

  it('leaves out the other-reason text and empty answers', () => {
    expect(
      lessonAnswers(
        lesson({ answers: { reasonOther: 'Acquired by a rival', luck: '', wentWell: 'x' } }),
        BUILT_IN,
      ),
    ).toEqual([['What went well?', 'x']]);
  });

  it("shows the attribution choice's label", () => {
    expect(lessonAnswers(lesson({ answers: { attribution: 'person' } }), BUILT_IN)).toEqual([
      ['Was this mostly about…', 'the people'],
    ]);
  });

  it('is empty for a lesson without answers', () => {
    expect(lessonAnswers(lesson(), BUILT_IN)).toEqual([]);
  });
});
