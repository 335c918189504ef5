import { describe, expect, it } from 'vitest';
import { describeIssue, LessonInputSchema, LessonSchema, type LessonInput } from './schema';

const input: LessonInput = {
  crm: 'hubspot',
  dealId: '42',
  dealName: 'Acme renewal',
  dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/42',
  outcome: 'no-decision',
  answers: { whatHappened: 'Budget was cut.' },
};

const problem = (value: unknown) => {
  const parsed = LessonInputSchema.safeParse(value);
  return parsed.success ? undefined : describeIssue(parsed.error);
};

describe('LessonInputSchema', () => {
  it('accepts a complete lesson and trims the deal name', () => {
    expect(LessonInputSchema.parse({ ...input, dealName: '  Acme renewal ' }).dealName).toBe(
      'Acme renewal',
    );
  });

  it.each<[string, Partial<Record<keyof LessonInput, unknown>>, string]>([
    ['no outcome', { outcome: undefined }, 'outcome: Choose how the deal ended'],
    ['an unknown outcome', { outcome: 'won' }, 'outcome: Choose how the deal ended'],
    ['an empty deal name', { dealName: ' ' }, 'dealName: Give the deal a name'],
    ['no CRM', { crm: '' }, 'crm:'],
    ['a javascript: link', { dealUrl: 'javascript:alert(1)' }, 'dealUrl:'],
    ['a data: link', { dealUrl: 'data:text/html,<b>x</b>' }, 'dealUrl:'],
    ['a non-finite amount', { amount: Number.POSITIVE_INFINITY }, 'amount:'],
    ['an over-long name', { dealName: 'x'.repeat(501) }, 'dealName:'],
    ['an answer that is not text', { answers: { whatHappened: 42 } }, 'answers.whatHappened:'],
  ])('refuses %s, naming the field', (_what, change, message) => {
    expect(problem({ ...input, ...change })).toContain(message);
  });

  it.each(['http://crm.example.com/deal/1', 'https://app.hubspot.com/contacts/1/record/0-3/42'])(
    'accepts the web link %s',
    (dealUrl) => {
      expect(problem({ ...input, dealUrl })).toBeUndefined();
    },
  );
});

describe('LessonSchema', () => {
  const stored = {
    ...input,
    id: '3f0e3c5e-8f7a-4d6b-9d1e-2a4b6c8d0e1f',
    createdAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-01-02T03:04:05.000Z',
    schemaVersion: 1,
  };

  it('accepts a stored lesson', () => {
    expect(LessonSchema.parse(stored)).toEqual(stored);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a malformed id', { id: 'lesson-1' }, 'id:'],
    ['a date that is not ISO', { createdAt: 'yesterday' }, 'createdAt:'],
    ['a future schema version', { schemaVersion: 2 }, 'schemaVersion:'],
  ])('refuses %s', (_what, change, message) => {
    const parsed = LessonSchema.safeParse({ ...stored, ...change });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeIssue(parsed.error)).toContain(message);
  });
});
