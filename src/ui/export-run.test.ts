import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReboundDatabase } from '../db/database';
import { fromCsv } from '../export/csv';
import { readExportFile } from '../export/read-file';
import { OUTCOME_IDS } from '../lessons/outcomes';
import { LessonSchema, type Lesson } from '../lessons/schema';
import { lessonId, testLesson } from '../lessons/lesson.test-helper';
import type { Win } from '../lessons/win-schema';
import { exportLessons, type ExportFormat } from './export-run';
import { commitImport, previewImport } from './import-file';

beforeEach(() => fakeBrowser.reset());

const databases: ReboundDatabase[] = [];
const freshDb = () => {
  const db = new ReboundDatabase(`test-${crypto.randomUUID()}`);
  databases.push(db);
  return db;
};
afterEach(async () => {
  await Promise.all(databases.splice(0).map((db) => db.delete()));
});

/** CRM text at its worst: markup, formulas, quotes, line breaks, YAML- and CSV-looking text. */
const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("https://evil.example")',
  "'=1+1",
  "''+cmd",
  '@SUM(A1)',
  '-2+3',
  '\t=tab',
  '"quoted", with, commas',
  'line one\nline two\r\nline three\rend',
  '---\nkey: value\n...',
  'yes',
  '; ; \\;',
  ' padded ',
  '\uFEFFbom',
  '😀👩‍👩‍👧 失注 Société',
];
const text = (max: number) =>
  fc.oneof(
    fc.constantFrom(...HOSTILE),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 60) }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: Math.min(max, 60) }),
  );
const longText = fc.oneof(
  text(200),
  fc.string({ unit: 'grapheme', minLength: 1000, maxLength: 3000 }),
);
const iso = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString());
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** A lesson as it is stored: random, then through the schema (trimmed names and tags). */
const lessonArb: fc.Arbitrary<Lesson> = fc
  .record({
    id: fc.uuid({ version: 4 }),
    createdAt: iso,
    updatedAt: iso,
    schemaVersion: fc.constant(1 as const),
    crm: fc.oneof(fc.constantFrom('hubspot', 'salesforce', 'manual'), text(40)),
    dealId: optional(text(200)),
    dealName: text(500),
    dealUrl: optional(fc.webUrl({ withQueryParameters: true, withFragments: true })),
    amount: optional(
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
    ),
    currency: optional(text(10)),
    company: optional(text(500)),
    stageBefore: optional(text(200)),
    outcome: fc.constantFrom(...OUTCOME_IDS),
    reason: optional(fc.oneof(fc.constantFrom('competitor.price-value', 'other'), text(200))),
    secondaryReason: optional(text(200)),
    confidence: optional(fc.constantFrom('guess' as const, 'fairly-sure' as const)),
    feeling: optional(fc.integer({ min: 1, max: 5 })),
    crmLostReason: optional(text(500)),
    mode: optional(fc.constantFrom('quick' as const, 'deep' as const)),
    templateVersion: optional(fc.integer({ min: 1, max: 99 })),
    answers: fc.dictionary(
      fc.oneof(
        fc.constantFrom('whatHappened', 'planCue', 'planAction', 'reasonOther'),
        fc.stringMatching(/^[a-z][a-zA-Z0-9_-]{0,20}$/),
      ),
      longText,
      { maxKeys: 5 },
    ),
    tags: optional(fc.array(text(40), { minLength: 1, maxLength: 5 })),
    history: optional(
      fc.array(
        fc.record({
          at: iso,
          field: fc.constantFrom('dealName', 'answers.whatHappened'),
          previous: optional(text(200)),
        }),
        { maxLength: 3 },
      ),
    ),
  })
  .map((candidate) => LessonSchema.safeParse(candidate))
  .filter((parsed) => parsed.success && (parsed.data.tags?.length ?? 1) > 0)
  .map((parsed) => parsed.data!);

/** Unique ids: a file holding two copies of one id imports one of them (src/db/import.ts). */
const lessonsArb = fc.uniqueArray(lessonArb, { maxLength: 6, selector: (l) => l.id });

async function exportText(db: ReboundDatabase, format: ExportFormat, ids?: string[]) {
  const result = await exportLessons(db, {
    format,
    ids,
    template: undefined,
    signal: new AbortController().signal,
    onProgress: () => {},
  });
  return { ...result, text: await result.blob.text() };
}

/** Exports `lessons` from one database and imports the file into an empty one. */
async function roundTrip(lessons: Lesson[], format: 'json' | 'csv') {
  const from = freshDb();
  await from.lessons.bulkAdd(lessons);
  const { text } = await exportText(from, format);
  const read = readExportFile(text);
  if (!read.ok) throw new Error(read.error);
  expect(read.invalid).toEqual([]);
  const into = freshDb();
  const status = await commitImport(into, await previewImport(into, 'file', read), true);
  expect(status.error).toBe(false);
  return into.lessons.toArray();
}

const byId = (a: Lesson, b: Lesson) => a.id.localeCompare(b.id);

describe('export then import into an empty database', () => {
  it('gives back identical lessons through JSON', async () => {
    await fc.assert(
      fc.asyncProperty(lessonsArb, async (lessons) => {
        expect((await roundTrip(lessons, 'json')).sort(byId)).toEqual([...lessons].sort(byId));
      }),
      { numRuns: 60 },
    );
  });

  it('gives back every field CSV carries (all but the edit history)', async () => {
    await fc.assert(
      fc.asyncProperty(lessonsArb, async (lessons) => {
        const carried = lessons.map(({ history: _history, ...rest }) => rest);
        expect((await roundTrip(lessons, 'csv')).sort(byId)).toEqual(carried.sort(byId));
      }),
      { numRuns: 60 },
    );
  });
});

const lesson = (n: number, fields: Partial<Lesson> = {}) =>
  testLesson({
    id: lessonId(n),
    createdAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    updatedAt: '2026-02-01T00:00:00.000Z',
    dealName: `Deal ${n}`,
    ...fields,
  });
const win: Win = {
  id: '5c9a7e2b-3d4f-4a1b-9c8d-7e6f5a4b3c2d',
  createdAt: '2026-02-01T10:00:00.000Z',
  updatedAt: '2026-02-01T10:00:00.000Z',
  schemaVersion: 1,
  crm: 'hubspot',
  dealName: 'Globex',
  answers: { difference: 'A mutual plan.' },
};

describe('exportLessons', () => {
  it('writes everything, oldest first, with the wins, in pages with progress', async () => {
    const db = freshDb();
    await db.lessons.bulkAdd(Array.from({ length: 2500 }, (_, i) => lesson(i)));
    await db.wins.add(win);
    const seen: [number, number][] = [];
    const result = await exportLessons(db, {
      format: 'json',
      template: undefined,
      signal: new AbortController().signal,
      onProgress: (done, total) => seen.push([done, total]),
      now: new Date('2026-03-04T00:00:00.000Z'),
    });
    expect(seen).toEqual([
      [0, 2500],
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
    expect(result).toMatchObject({
      filename: 'rebound-lessons-2026-03-04.json',
      lessons: 2500,
      wins: 1,
    });
    const read = readExportFile(await result.blob.text());
    expect(read.ok && read.lessons[0]!.dealName).toBe('Deal 0');
    expect(read.ok && read.wins).toEqual([win]);
  });

  it('writes exactly the lessons asked for, in that order, and no wins', async () => {
    const db = freshDb();
    await db.lessons.bulkAdd([lesson(1), lesson(2), lesson(3)]);
    await db.wins.add(win);
    const ids = [lesson(3).id, lesson(1).id];
    const { text, lessons, wins } = await exportText(db, 'json', ids);
    const read = readExportFile(text);
    expect(read.ok && read.lessons.map((l) => l.id)).toEqual(ids);
    expect([lessons, wins]).toEqual([2, 0]);
  });

  it('starts a CSV with a BOM only when asked, and the header first', async () => {
    const db = freshDb();
    await db.lessons.bulkAdd([lesson(1, { answers: { legacy: 'old question' } })]);
    const run = (bom: boolean) =>
      exportLessons(db, {
        format: 'csv',
        bom,
        template: undefined,
        signal: new AbortController().signal,
        onProgress: () => {},
      });
    const withBom = new Uint8Array(await (await run(true)).blob.arrayBuffer());
    expect([...withBom.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const plain = await (await run(false)).blob.text();
    expect(plain.startsWith('id,createdAt,')).toBe(true);
    expect(plain.split('\r\n')[0]).toContain('answers.legacy');
    expect(fromCsv(plain)).toMatchObject({
      ok: true,
      lessons: [lesson(1, { answers: { legacy: 'old question' } })],
    });
  });

  it('stops at the next page when cancelled, with the signal’s reason', async () => {
    const db = freshDb();
    await db.lessons.bulkAdd(Array.from({ length: 2500 }, (_, i) => lesson(i)));
    const controller = new AbortController();
    const run = exportLessons(db, {
      format: 'md',
      template: undefined,
      signal: controller.signal,
      onProgress: (done) => done >= 1000 && controller.abort(new Error('cancelled by the user')),
    });
    await expect(run).rejects.toThrow('cancelled by the user');
  });
});
