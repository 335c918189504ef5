import { describe, expect, it } from 'vitest';
import type { Lesson } from '../lessons/schema';
import type { Win } from '../lessons/win-schema';
import { fromJson, toJson } from './json';
import { defaultTemplateSettings } from '../lessons/template';
import { addQuestion, addReason } from '../lessons/template-edit';

const lessons: Lesson[] = [
  {
    id: '3f0e3c5e-8f7a-4d6b-9d1e-2a4b6c8d0e1f',
    createdAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-01-03T03:04:05.000Z',
    schemaVersion: 1,
    crm: 'hubspot',
    dealId: '42',
    dealName: 'Acme, "the big one"\nrenewal 失注 ✓',
    dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/42',
    amount: 48000.5,
    currency: 'USD',
    company: 'Acme Corp',
    stageBefore: 'Contract sent',
    outcome: 'competitor',
    reason: 'other',
    answers: { whatHappened: '=cmd|x', reasonOther: 'Lost to a friend of the CEO' },
  },
  {
    id: '9b2d1c4e-1234-4abc-8def-0123456789ab',
    createdAt: '2026-02-01T00:00:00.000Z',
    updatedAt: '2026-02-01T00:00:00.000Z',
    schemaVersion: 1,
    crm: 'manual',
    dealName: 'Initech pilot',
    outcome: 'unknown',
    answers: {},
  },
];

/** An export file with one change, as another tool or an old version might write it. */
function fileWith(change: (file: Record<string, unknown>) => void): string {
  const file = JSON.parse(toJson(lessons)) as Record<string, unknown>;
  change(file);
  return JSON.stringify(file);
}

describe('JSON export', () => {
  it('reads back every field of every lesson', () => {
    expect(fromJson(toJson(lessons))).toEqual({ ok: true, lessons, wins: [], invalid: [] });
  });

  it("carries the user's questions and reasons, so their wording travels with the lessons", () => {
    const template = addReason(defaultTemplateSettings(), 'other', 'Acquired', '#123456', 'r-acq');
    expect(fromJson(toJson(lessons, { template }))).toEqual({
      ok: true,
      lessons,
      wins: [],
      template,
      invalid: [],
    });
  });

  it('refuses a file whose template is broken, and says where', () => {
    const result = fromJson(
      fileWith((file) => {
        file.template = { version: 0, questions: [], reasons: [] };
      }),
    );
    expect(result).toEqual({
      ok: false,
      error: 'The questions and reasons in the file cannot be read.',
    });
  });

  it('reads back an empty export', () => {
    expect(fromJson(toJson([]))).toEqual({ ok: true, lessons: [], wins: [], invalid: [] });
  });

  it('reads back every field of every win beside the lessons', () => {
    const wins: Win[] = [
      {
        id: '5c9a7e2b-3d4f-4a1b-9c8d-7e6f5a4b3c2d',
        createdAt: '2026-02-01T10:00:00.000Z',
        updatedAt: '2026-02-02T10:00:00.000Z',
        schemaVersion: 1,
        crm: 'hubspot',
        dealId: '43',
        dealName: 'Globex <expansion> "won" ✓',
        dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/43',
        amount: 9900.99,
        currency: 'EUR',
        company: 'Globex',
        stageBefore: 'Contract sent',
        answers: { difference: 'Mutual plan\nsigned early', againCue: 'an RFP', nearlyLost: '' },
      },
    ];
    const file = toJson(lessons, { wins });
    expect(fromJson(file)).toEqual({ ok: true, lessons, wins, invalid: [] });
    expect(JSON.parse(file)).toMatchObject({ formatVersion: 2, wins });
  });

  it('imports a file from before wins existed (no wins field)', () => {
    expect(fromJson(fileWith((file) => delete file.wins))).toEqual({
      ok: true,
      lessons,
      wins: [],
      invalid: [],
    });
  });

  it('leaves out a bad win, naming the field, and keeps the rest', () => {
    const result = fromJson(
      fileWith(
        (file) => (file.wins = [{ id: 'nope', crm: 'hubspot', dealName: 'x', answers: {} }]),
      ),
    );
    expect(result).toEqual({
      ok: true,
      lessons,
      wins: [],
      invalid: [{ list: 'wins', number: 1, reason: '“What worked” note 1: Id is not valid.' }],
    });
  });

  it('reads a format version 1 file, from before tags and edit history', () => {
    const v1 = fileWith((file) => (file.formatVersion = 1));
    expect(fromJson(v1)).toEqual({ ok: true, lessons, wins: [], invalid: [] });
  });

  it('keeps tags and edit history (format version 2)', () => {
    const tagged: Lesson = {
      ...lessons[0]!,
      tags: ['enterprise', 'Q4; push'],
      history: [{ at: '2026-01-03T03:04:05.000Z', field: 'answers.whatHappened' }],
    };
    expect(fromJson(toJson([tagged]))).toEqual({
      ok: true,
      lessons: [tagged],
      wins: [],
      invalid: [],
    });
  });

  it('counts the records it has checked', () => {
    const many = Array.from({ length: 2500 }, () => ({ ...lessons[1]!, id: crypto.randomUUID() }));
    const seen: [number, number][] = [];
    fromJson(toJson(many), (done, total) => seen.push([done, total]));
    expect(seen).toEqual([
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
  });

  it('says which format and version it is, and when it was made', () => {
    const file = JSON.parse(toJson(lessons, {}, new Date('2026-03-04T05:06:07.000Z')));
    expect(file).toMatchObject({
      format: 'rebound-lessons',
      formatVersion: 2,
      exportedAt: '2026-03-04T05:06:07.000Z',
    });
  });

  it('refuses a file that is not JSON', () => {
    expect(fromJson('{"format": "rebound-lessons",')).toEqual({
      ok: false,
      error: 'The file is not valid JSON.',
    });
  });

  it.each<[string, string, string]>([
    ['another format', fileWith((f) => (f.format = 'other-app')), 'This is not a Rebound export.'],
    [
      'a newer format version',
      fileWith((f) => (f.formatVersion = 3)),
      'This version of Rebound reads export format versions up to 2.',
    ],
    ['a missing lesson list', fileWith((f) => delete f.lessons), 'The list of lessons is missing.'],
    ['a missing export date', fileWith((f) => delete f.exportedAt), 'Export date is missing.'],
    ['a plain list of lessons', JSON.stringify(lessons), 'This is not a Rebound export.'],
  ])('refuses %s, saying what is wrong in words', (_what, text, message) => {
    expect(fromJson(text)).toEqual({ ok: false, error: message });
  });

  it.each<[string, string, number, string]>([
    [
      'a lesson with a bad outcome',
      fileWith((f) => ((f.lessons as Lesson[])[0]!.outcome = 'won' as Lesson['outcome'])),
      1,
      'Record 1: Outcome “won” is not one Rebound knows.',
    ],
    [
      'a bad field in the second lesson',
      fileWith((f) => ((f.lessons as Lesson[])[1]!.dealUrl = 'javascript:alert(1)')),
      2,
      'Record 2: Deal link is not a web address (http or https).',
    ],
    [
      'a lesson with an empty deal name',
      fileWith((f) => ((f.lessons as Lesson[])[1]!.dealName = ' ')),
      2,
      'Record 2: Deal name is empty.',
    ],
    [
      'an answer over the limit, named by its question',
      fileWith((f) => ((f.lessons as Lesson[])[0]!.answers.whatHappened = 'x'.repeat(20_001))),
      1,
      'Record 1: The answer to “What actually happened?” is longer than 20000 characters.',
    ],
    [
      'a lesson that is not a record',
      fileWith((f) => ((f.lessons as unknown[])[1] = 'Initech pilot')),
      2,
      'Record 2: It is not a record Rebound can read.',
    ],
  ])('leaves out %s, saying what is wrong in words, and keeps the other', (_w, text, n, reason) => {
    const read = fromJson(text);
    expect(read).toEqual({
      ok: true,
      lessons: lessons.filter((_, i) => i !== n - 1),
      wins: [],
      invalid: [{ list: 'lessons', number: n, reason }],
    });
  });

  it("names an answer by the file's own wording of its question", () => {
    const template = addQuestion(
      defaultTemplateSettings(),
      'Who signed instead?',
      'quick',
      'q-who',
    );
    const file = JSON.parse(toJson(lessons, { template }));
    file.lessons[1].answers['q-who'] = 'x'.repeat(20_001);
    const read = fromJson(JSON.stringify(file));
    expect(read.ok && read.invalid.map((i) => i.reason)).toEqual([
      'Record 2: The answer to “Who signed instead?” is longer than 20000 characters.',
    ]);
  });

  it('numbers lessons and notes on won deals each from 1, lessons first', () => {
    const file = JSON.parse(toJson(lessons));
    file.wins = [{ ...file.lessons[1], outcome: undefined, dealUrl: 'ftp://x' }];
    file.lessons[1].crm = '';
    const read = fromJson(JSON.stringify(file));
    expect(read.ok && read.invalid.map((i) => i.reason)).toEqual([
      'Record 2: CRM is empty.',
      '“What worked” note 1: Deal link is not a web address (http or https).',
    ]);
  });

  describe('a file with invalid lessons', () => {
    /** An export of `count` good lessons, with `spoil` applied to some of them. */
    const exportOf = (count: number, spoil: (lesson: Record<string, unknown>, i: number) => void) =>
      fileWith((file) => {
        file.lessons = Array.from({ length: count }, (_, i) => {
          const lesson: Record<string, unknown> = { ...lessons[1], id: crypto.randomUUID() };
          spoil(lesson, i);
          return lesson;
        });
      });

    const reasons = (text: string) => {
      const read = fromJson(text);
      return read.ok ? read.invalid.map((r) => r.reason) : read.error;
    };

    it('names a record by its number from 1 and the field in words, importing the others', () => {
      const text = exportOf(1713, (lesson, i) => i === 1712 && delete lesson.schemaVersion);
      const read = fromJson(text);
      expect(read.ok && read.lessons).toHaveLength(1712);
      expect(reasons(text)).toEqual(['Record 1713: Format version is missing.']);
    });

    it('names every invalid record, in file order', () => {
      const text = exportOf(10, (lesson, i) => {
        if (i % 2 === 0) delete lesson.createdAt;
        if (i === 4) lesson.outcome = 'lost';
      });
      expect(reasons(text)).toEqual([
        'Record 1: Date written is missing.',
        'Record 3: Date written is missing.',
        'Record 5: Outcome “lost” is not one Rebound knows.',
        'Record 7: Date written is missing.',
        'Record 9: Date written is missing.',
      ]);
    });
  });
});
