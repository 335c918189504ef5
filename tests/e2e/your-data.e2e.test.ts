import { randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromCsv } from '../../src/export/csv';
import { toJson } from '../../src/export/json';
import type { Lesson } from '../../src/lessons/schema';
import {
  clearStoredRows,
  confirmImport,
  exportEverything,
  launchExtension,
  previewImportOf,
  putStoredRows,
  storedLessons,
  yourData,
  type Extension,
} from './harness';

/**
 * Issue #10 items 5 and 6 in the built extension: the zip of notes and the CSV with a BOM
 * from seeded lessons, and an import that previews before it writes (parsed in a Web Worker).
 */
let ext: Extension;

beforeAll(async () => {
  ext = await launchExtension();
  // The library opens the database (and creates its tables) before rows are seeded; "Your
  // data" opens it only when it exports or imports.
  const options = await ext.openPage('options.html#library');
  await options.getByTestId('library-count').filter({ hasText: 'No lessons yet' }).waitFor();
  await options.close();
});
afterAll(() => ext?.close());

const seeded = (n: number, fields: Partial<Lesson> = {}): Lesson => ({
  id: randomUUID(),
  createdAt: `2026-03-0${n}T10:00:00.000Z`,
  updatedAt: `2026-03-0${n}T10:00:00.000Z`,
  schemaVersion: 1,
  crm: 'hubspot',
  dealId: String(n),
  dealName: `Deal ${n}`,
  company: 'Acme',
  outcome: 'competitor',
  reason: 'competitor.price-value',
  answers: { whatHappened: `Lost deal ${n}.` },
  ...fields,
});

const LESSONS = [
  seeded(1, { dealName: 'Acme: "Q4" / <EMEA> renewal', tags: ['enterprise', 'Q4 push'] }),
  seeded(2, { company: 'CON', dealName: 'Société 🚀 — 失注', amount: 1200, currency: 'EUR' }),
  seeded(3, { dealName: '---\nevil: true', company: undefined }),
];

async function seed(lessons: Lesson[]) {
  await clearStoredRows(ext, 'lessons');
  await putStoredRows(ext, 'lessons', lessons);
}

describe('Your data', () => {
  it('exports a zip of one note per lesson, with safe names and front matter', async () => {
    await seed(LESSONS);
    const options = await ext.openPage('options.html#data');
    const zipped = await exportEverything(options, 'zip');
    const files = unzipSync(new Uint8Array(zipped));
    expect(Object.keys(files).sort()).toEqual([
      '2026-03-01 Acme Acme Q4 EMEA renewal.md',
      '2026-03-02 CON Société 🚀 — 失注.md',
      '2026-03-03 --- evil true.md',
    ]);
    const note = strFromU8(files['2026-03-03 --- evil true.md']!);
    expect(note.startsWith(`---\nid: "${LESSONS[2]!.id}"\n`)).toBe(true);
    expect(note).toContain('deal: "---\\nevil: true"\n');
    const tagged = strFromU8(files['2026-03-01 Acme Acme Q4 EMEA renewal.md']!);
    expect(tagged).toContain('tags:\n  - "enterprise"\n  - "Q4 push"\n---\n');
    await expect
      .poll(() => yourData(options).getByTestId('export-status').textContent())
      .toBe('Exported 3 lessons as ZIP.');
    await options.close();
  });

  it('exports a CSV with a BOM for Excel that reads back every lesson', async () => {
    await seed(LESSONS);
    const options = await ext.openPage('options.html#data');
    const bytes = await exportEverything(options, 'csv', { bom: true });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const read = fromCsv(bytes.toString('utf8'));
    const byId = (a: Lesson, b: Lesson) => a.id.localeCompare(b.id);
    expect(read.ok && read.lessons.sort(byId)).toEqual([...LESSONS].sort(byId));
    await options.close();
  });

  it('previews an import (new, already here, invalid) and writes what the user chose', async () => {
    const here = seeded(4, { dealName: 'Initech as it is here' });
    await seed([here]);
    const newer = {
      ...here,
      dealName: 'Initech as edited later',
      updatedAt: '2026-04-01T00:00:00.000Z',
    };
    const fresh = [seeded(5, { dealName: 'Globex' }), seeded(6, { dealName: 'Hooli' })];
    const file = JSON.parse(toJson([newer, ...fresh, seeded(7)]));
    file.lessons[3].outcome = 'won';
    const options = await ext.openPage('options.html#data');
    const preview = await previewImportOf(options, {
      name: 'team.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await expect
      .poll(() => preview.getByTestId('import-count-new').textContent())
      .toBe('New lessons: 2');
    expect(await preview.getByTestId('import-count-here').textContent()).toBe(
      'Already here: 1 (1 of them newer in the file)',
    );
    expect(await preview.getByTestId('import-count-invalid').textContent()).toBe(
      'Cannot be read: 1',
    );
    expect(await preview.getByTestId('import-invalid').textContent()).toBe(
      'Record 4: Outcome “won” is not one Rebound knows.',
    );
    // Nothing is written before the user confirms.
    expect(await storedLessons(ext)).toHaveLength(1);
    await preview.getByLabel('Replace the ones that are newer in the file').check();
    await confirmImport(options);
    const stored = await storedLessons(ext);
    expect(stored.map((l) => l.dealName).sort()).toEqual([
      'Globex',
      'Hooli',
      'Initech as edited later',
    ]);
    expect(await yourData(options).getByTestId('import-status').textContent()).toBe(
      'Imported team.json: 2 new, 1 updated, 0 already here. Left out, as they cannot be read: 1.',
    );
    await options.close();
  });
});
