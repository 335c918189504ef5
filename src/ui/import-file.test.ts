import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReboundDatabase } from '../db/database';
import { toJson } from '../export/json';
import type { Lesson } from '../lessons/schema';
import { addReason } from '../lessons/template-edit';
import { defaultTemplateSettings } from '../lessons/template';
import { templateItem } from '../settings/store';
import type { Win } from '../lessons/win-schema';
import { readExportFile } from '../export/read-file';
import { commitImport, previewImport } from './import-file';

/** What the import panel does with a chosen file: read it, preview it, write it. */
async function importFile(
  db: ReboundDatabase,
  file: { name: string; text: string },
  replaceNewer = true,
) {
  const read = readExportFile(file.text);
  if (!read.ok) return { error: true, text: read.error };
  return commitImport(db, await previewImport(db, file.name, read), replaceNewer);
}

const lesson = (id: string, updatedAt: string, dealName: string): Lesson => ({
  id,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt,
  schemaVersion: 1,
  crm: 'hubspot',
  dealName,
  outcome: 'competitor',
  answers: {},
});
const win = (id: string): Win => ({
  id,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  schemaVersion: 1,
  crm: 'hubspot',
  dealName: 'Globex expansion',
  answers: { difference: 'A mutual plan.' },
});
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const W = '00000000-0000-4000-8000-0000000000f1';

let db: ReboundDatabase;
beforeEach(() => {
  fakeBrowser.reset();
  db = new ReboundDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('importFile', () => {
  it('says what it added, and the counts are what was stored', async () => {
    const text = toJson([lesson(A, '2026-01-02T00:00:00.000Z', 'Acme')], { wins: [win(W)] });
    expect(await importFile(db, { name: 'lessons.json', text })).toEqual({
      error: false,
      text:
        'Imported lessons.json: 1 new, 0 updated, 0 already here. ' +
        '“What worked” notes: 1 new, 0 updated, 0 already here.',
    });
    expect(await db.lessons.count()).toBe(1);
    expect(await db.wins.count()).toBe(1);
  });

  it('names the copies with the same id it left out, and counts only what it stored', async () => {
    const text = toJson([
      lesson(A, '2026-01-02T00:00:00.000Z', 'Acme as exported first'),
      lesson(A, '2026-01-05T00:00:00.000Z', 'Acme edited later'),
      lesson(B, '2026-01-02T00:00:00.000Z', 'Initech'),
    ]);
    const status = await importFile(db, { name: 'merged.json', text });
    expect(status).toEqual({
      error: false,
      text:
        'Imported merged.json: 2 new, 0 updated, 0 already here. ' +
        'Record 1 was left out: record 2 has the same id and was used instead.',
    });
    expect(await db.lessons.count()).toBe(2);
    expect((await db.lessons.get(A))?.dealName).toBe('Acme edited later');
  });

  it('does the same for notes on won deals, numbered among the notes', async () => {
    const newer = {
      ...win(W),
      updatedAt: '2026-01-03T00:00:00.000Z',
      answers: { difference: 'x' },
    };
    const text = toJson([], { wins: [newer, win(W)] });
    expect((await importFile(db, { name: 'wins.json', text })).text).toBe(
      'Imported wins.json: 0 new, 0 updated, 0 already here. ' +
        '“What worked” notes: 1 new, 0 updated, 0 already here. ' +
        '“What worked” note 2 was left out: note 1 has the same id and was used instead.',
    );
    expect((await db.wins.get(W))?.answers).toEqual({ difference: 'x' });
  });

  it('names the first three copies left out and counts the rest', async () => {
    const copies = Array.from({ length: 6 }, (_, i) =>
      lesson(A, `2026-01-0${i + 1}T00:00:00.000Z`, `Acme, edit ${i + 1}`),
    );
    const { text } = await importFile(db, { name: 'many.json', text: toJson(copies) });
    expect(text).toBe(
      'Imported many.json: 1 new, 0 updated, 0 already here. ' +
        'Record 1 was left out: record 6 has the same id and was used instead. ' +
        'Record 2 was left out: record 6 has the same id and was used instead. ' +
        'Record 3 was left out: record 6 has the same id and was used instead. ' +
        '2 more records were left out for copies with the same id.',
    );
  });

  it('imports the valid records of a file and says how many it left out', async () => {
    const file = JSON.parse(
      toJson([
        lesson(A, '2026-01-02T00:00:00.000Z', 'Acme'),
        lesson(B, '2026-01-02T00:00:00.000Z', 'Initech'),
      ]),
    );
    delete file.lessons[0].schemaVersion;
    const status = await importFile(db, { name: 'old.json', text: JSON.stringify(file) });
    expect(status).toEqual({
      error: false,
      text: 'Imported old.json: 1 new, 0 updated, 0 already here. Left out, as they cannot be read: 1.',
    });
    expect(await db.lessons.toCollection().primaryKeys()).toEqual([B]);
  });

  describe('the preview', () => {
    const C = '00000000-0000-4000-8000-00000000000c';
    const D = '00000000-0000-4000-8000-00000000000d';
    beforeEach(async () => {
      await db.lessons.bulkAdd([
        lesson(A, '2026-01-05T00:00:00.000Z', 'Acme as edited here'),
        lesson(B, '2026-01-05T00:00:00.000Z', 'Initech as edited here'),
      ]);
    });
    /** A file with two new lessons, one newer than here, one older, and one invalid. */
    const fileText = () => {
      const file = JSON.parse(
        toJson([
          lesson(A, '2026-01-09T00:00:00.000Z', 'Acme edited in the file'),
          lesson(B, '2026-01-01T00:00:00.000Z', 'Initech, an old copy'),
          lesson(C, '2026-01-02T00:00:00.000Z', 'Globex'),
          lesson(D, '2026-01-02T00:00:00.000Z', 'Hooli'),
          lesson(crypto.randomUUID(), '2026-01-02T00:00:00.000Z', 'Bad'),
        ]),
      );
      file.lessons[4].outcome = 'won';
      return JSON.stringify(file);
    };
    const preview = async () => {
      const read = readExportFile(fileText());
      if (!read.ok) throw new Error(read.error);
      return previewImport(db, 'team.json', read);
    };

    it('counts new, already here (and newer), invalid with its reason, writing nothing', async () => {
      const seen = await preview();
      expect(seen.lessons.fresh.map((l) => l.id)).toEqual([C, D]);
      expect(seen.lessons.newer.map((l) => l.dealName)).toEqual(['Acme edited in the file']);
      expect(seen.lessons.notNewer).toBe(1);
      expect(seen.invalid).toEqual([
        { list: 'lessons', number: 5, reason: 'Record 5: Outcome “won” is not one Rebound knows.' },
      ]);
      expect(await db.lessons.count()).toBe(2);
    });

    it('replaces only the lessons that are newer in the file, when chosen', async () => {
      const status = await commitImport(db, await preview(), true);
      expect(status.text).toMatch(/^Imported team\.json: 2 new, 1 updated, 1 already here\./);
      expect((await db.lessons.get(A))?.dealName).toBe('Acme edited in the file');
      expect((await db.lessons.get(B))?.dealName).toBe('Initech as edited here');
      expect(await db.lessons.count()).toBe(4);
    });

    it('keeps every lesson already here when the user skips them', async () => {
      const status = await commitImport(db, await preview(), false);
      expect(status.text).toMatch(/^Imported team\.json: 2 new, 0 updated, 2 already here\./);
      expect((await db.lessons.get(A))?.dealName).toBe('Acme as edited here');
      expect(await db.lessons.count()).toBe(4);
    });

    it('writes nothing at all when one write of the transaction fails', async () => {
      vi.spyOn(db.lessons, 'bulkPut').mockRejectedValue(new Error('Disk on fire'));
      const status = await commitImport(db, await preview(), true);
      expect(status.error).toBe(true);
      expect(status.text).toMatch(/Nothing was imported from team\.json\.$/);
      expect((await db.lessons.toArray()).map((l) => l.dealName).sort()).toEqual([
        'Acme as edited here',
        'Initech as edited here',
      ]);
    });
  });

  it('shows why the browser refused the write, and stores no lesson when the notes fail', async () => {
    // What Dexie gives when the disk is full: its AbortError around the browser's error.
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    vi.spyOn(db.wins, 'bulkAdd').mockRejectedValue(
      new Dexie.AbortError('Transaction aborted', quota),
    );
    const text = toJson([lesson(A, '2026-01-02T00:00:00.000Z', 'Acme')], { wins: [win(W)] });
    const status = await importFile(db, { name: 'lessons.json', text });
    expect(status).toEqual({
      error: true,
      text:
        "Your browser has no room left for Rebound's data. Free some disk space, or export and " +
        'delete old lessons, then try again. Nothing was imported from lessons.json.',
    });
    expect(await db.lessons.count()).toBe(0);
    expect(await db.wins.count()).toBe(0);
  });

  it('adds the questions and reasons that came with the lessons', async () => {
    const template = addReason(defaultTemplateSettings(), 'other', 'Acquired', '#123456', 'r-acq');
    const text = toJson([lesson(A, '2026-01-02T00:00:00.000Z', 'Acme')], { template });
    expect((await importFile(db, { name: 'lessons.json', text })).error).toBe(false);
    expect((await templateItem.load()).value?.reasons).toContainEqual(
      expect.objectContaining({ id: 'r-acq', label: 'Acquired' }),
    );
  });

  it('says so when the lessons are stored but their questions and reasons are not', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(
      new Error('QUOTA_BYTES quota exceeded'),
    );
    const template = addReason(defaultTemplateSettings(), 'other', 'Acquired', '#123456', 'r-acq');
    const text = toJson([lesson(A, '2026-01-02T00:00:00.000Z', 'Acme')], { template });
    const status = await importFile(db, { name: 'lessons.json', text });
    expect(status.error).toBe(true);
    expect(status.text).toMatch(
      /^Imported lessons\.json: 1 new, 0 updated, 0 already here\. The questions and reasons that came with the file were not saved: Your browser has no room left/,
    );
    expect(await db.lessons.count()).toBe(1);
  });
});
