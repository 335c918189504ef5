import { describe, expect, it } from 'vitest';
import { TEMPLATE_VERSION } from './questions';
import { lessonFromReflection, type ReflectionSource } from './to-lesson';
import { EMPTY_VALUES, type ReflectionValues } from './values';

const values = (overrides: Partial<ReflectionValues> = {}): ReflectionValues => ({
  ...EMPTY_VALUES,
  outcome: 'competitor',
  reason: 'competitor.price-value',
  ...overrides,
});

const fromCrm: ReflectionSource = {
  crm: 'hubspot',
  dealId: '42',
  dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/42',
  stageBefore: 'Contract sent',
  deal: { dealName: 'Acme renewal', company: 'Acme Corp', amount: 48000, currency: 'USD' },
};
const manual: ReflectionSource = { crm: 'manual' };

describe('lessonFromReflection', () => {
  it('builds a lesson from a reflection on a CRM loss', () => {
    const built = lessonFromReflection(
      values({ answers: { whatHappened: 'They went with Globex.' } }),
      fromCrm,
      TEMPLATE_VERSION,
    );
    expect(TEMPLATE_VERSION).toBe(2);
    expect(built).toEqual({
      ok: true,
      lesson: {
        crm: 'hubspot',
        dealId: '42',
        dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/42',
        stageBefore: 'Contract sent',
        dealName: 'Acme renewal',
        company: 'Acme Corp',
        amount: 48000,
        currency: 'USD',
        outcome: 'competitor',
        reason: 'competitor.price-value',
        mode: 'quick',
        templateVersion: TEMPLATE_VERSION,
        answers: { whatHappened: 'They went with Globex.' },
      },
    });
  });

  it('carries the mode, template version, confidence, feeling, second reason and CRM reason', () => {
    const built = lessonFromReflection(
      values({
        mode: 'deep',
        secondaryReason: 'no-decision.champion-left',
        confidence: 'buyer-told-me',
        feeling: 2,
        answers: { planCue: 'procurement', planAction: 'find the economic buyer' },
      }),
      { ...fromCrm, deal: { ...fromCrm.deal!, lostReason: 'Price' } },
      TEMPLATE_VERSION,
    );
    expect(built).toEqual({
      ok: true,
      lesson: expect.objectContaining({
        mode: 'deep',
        templateVersion: TEMPLATE_VERSION,
        reason: 'competitor.price-value',
        secondaryReason: 'no-decision.champion-left',
        confidence: 'buyer-told-me',
        feeling: 2,
        crmLostReason: 'Price',
        answers: { planCue: 'procurement', planAction: 'find the economic buyer' },
      }),
    });
  });

  it('leaves out an unchosen second reason, confidence, feeling and CRM reason', () => {
    const built = lessonFromReflection(values(), fromCrm, TEMPLATE_VERSION);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    for (const key of ['secondaryReason', 'confidence', 'feeling', 'crmLostReason'] as const) {
      expect(built.lesson[key]).toBeUndefined();
    }
  });

  it('refuses a confidence that is not one of the choices', () => {
    expect(
      lessonFromReflection(values({ confidence: 'certain' }), fromCrm, TEMPLATE_VERSION).ok,
    ).toBe(false);
  });

  it('asks for the outcome when none was chosen', () => {
    expect(lessonFromReflection(values({ outcome: '' }), fromCrm, TEMPLATE_VERSION)).toEqual({
      ok: false,
      error: 'Choose how the deal ended',
    });
  });

  it('asks for the outcome when the value is not one of the outcomes', () => {
    expect(lessonFromReflection(values({ outcome: 'won' }), fromCrm, TEMPLATE_VERSION)).toEqual({
      ok: false,
      error: 'Choose how the deal ended',
    });
  });

  it.each(['', '   '])('asks for a deal name on a manual entry named %j', (dealName) => {
    expect(lessonFromReflection(values({ dealName }), manual, TEMPLATE_VERSION)).toEqual({
      ok: false,
      error: 'Give the deal a name',
    });
  });

  it('takes name and company as typed on a manual entry, trimmed', () => {
    const built = lessonFromReflection(
      values({ dealName: '  Initech pilot ', company: ' Initech ' }),
      manual,
      TEMPLATE_VERSION,
    );
    expect(built.ok && built.lesson).toMatchObject({
      crm: 'manual',
      dealName: 'Initech pilot',
      company: 'Initech',
    });
  });

  it('leaves out an empty company and an unchosen reason', () => {
    const built = lessonFromReflection(
      values({ dealName: 'Initech', company: '  ', reason: '' }),
      manual,
      TEMPLATE_VERSION,
    );
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.lesson.reason).toBeUndefined();
    expect(built.lesson.company).toBeUndefined();
  });

  it('trims answers and drops the empty ones', () => {
    const built = lessonFromReflection(
      values({
        answers: {
          whatHappened: '  Lost on price.\n',
          whatWasDifferent: '   ',
          nextTime: '',
          wentWell: '\tDemo landed. ',
        },
      }),
      fromCrm,
      TEMPLATE_VERSION,
    );
    expect(built.ok && built.lesson.answers).toEqual({
      whatHappened: 'Lost on price.',
      wentWell: 'Demo landed.',
    });
  });

  it('keeps what the CRM page showed over what was typed', () => {
    const built = lessonFromReflection(
      values({ dealName: 'Typed name', company: 'Typed company' }),
      fromCrm,
      TEMPLATE_VERSION,
    );
    expect(built.ok && built.lesson).toMatchObject({
      dealName: 'Acme renewal',
      company: 'Acme Corp',
      amount: 48000,
      currency: 'USD',
    });
  });

  it('takes what was typed when the prompt asked for the deal (only the save told of it)', () => {
    const saveAlone: ReflectionSource = {
      ...fromCrm,
      askDeal: true,
      deal: { dealName: 'HubSpot deal 42', amount: 48000 },
    };
    const built = lessonFromReflection(
      values({ dealName: ' Acme renewal ', company: 'Acme Corp' }),
      saveAlone,
      TEMPLATE_VERSION,
    );
    expect(built.ok && built.lesson).toMatchObject({
      dealName: 'Acme renewal',
      company: 'Acme Corp',
      amount: 48000,
    });
    // Left empty, the name the background gave it stands.
    const untyped = lessonFromReflection(values({}), saveAlone, TEMPLATE_VERSION);
    expect(untyped.ok && untyped.lesson.dealName).toBe('HubSpot deal 42');
  });

  it('uses the typed company when the CRM page showed none', () => {
    const built = lessonFromReflection(
      values({ company: 'Typed company' }),
      {
        ...fromCrm,
        deal: { dealName: 'Acme renewal' },
      },
      TEMPLATE_VERSION,
    );
    expect(built.ok && built.lesson.company).toBe('Typed company');
  });

  it('refuses a deal link that is not a web page', () => {
    const built = lessonFromReflection(
      values(),
      {
        ...fromCrm,
        dealUrl: 'javascript:alert(1)',
      },
      TEMPLATE_VERSION,
    );
    expect(built.ok).toBe(false);
  });
});
