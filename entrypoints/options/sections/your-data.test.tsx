import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { database } from '../../../src/db/database';
import { fromCsv } from '../../../src/export/csv';
import { toJson } from '../../../src/export/json';
import { readExportFile } from '../../../src/export/read-file';
import type { Lesson } from '../../../src/lessons/schema';
import { lessonId, testLesson } from '../../../src/lessons/lesson.test-helper';
import { ExportPanel } from '../../../src/ui/ExportPanel';
import { ImportPanel } from './ImportPanel';

const lesson = (n: number, fields: Partial<Lesson> = {}) =>
  testLesson({
    id: lessonId(n),
    createdAt: `2026-01-0${n}T00:00:00.000Z`,
    updatedAt: '2026-02-01T00:00:00.000Z',
    dealName: `Deal ${n}`,
    ...fields,
  });

let downloads: Blob[];
beforeEach(async () => {
  fakeBrowser.reset();
  await database().lessons.clear();
  await database().wins.clear();
  downloads = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    downloads.push(blob as Blob);
    return 'blob:test';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const status = (testId: string) => screen.getByTestId(testId);

describe('ExportPanel', () => {
  it('exports exactly the lessons it is given, as CSV with a BOM, and says so', async () => {
    await database().lessons.bulkAdd([lesson(1), lesson(2), lesson(3)]);
    render(<ExportPanel ids={[lesson(3).id, lesson(1).id]} label="Export these 2 lessons" />);
    expect(screen.getByRole('heading', { name: 'Export these 2 lessons' })).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Format' }), {
      target: { value: 'csv' },
    });
    expect(screen.getByText(/edit history is in the JSON export only/)).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'UTF-8 BOM for Excel' }));
    fireEvent.click(screen.getByTestId('export-start'));
    await waitFor(() => expect(status('export-status').dataset.state).toBe('done'));
    expect(status('export-status').textContent).toBe('Exported 2 lessons as CSV.');
    const bytes = new Uint8Array(await downloads[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const read = fromCsv(await downloads[0]!.text());
    expect(read.ok && read.lessons.map((l) => l.dealName)).toEqual(['Deal 3', 'Deal 1']);
  });

  it('exports everything, with the notes on won deals, when given no ids', async () => {
    await database().lessons.bulkAdd([lesson(1), lesson(2)]);
    render(<ExportPanel />);
    fireEvent.click(screen.getByTestId('export-start'));
    await waitFor(() => expect(status('export-status').dataset.state).toBe('done'));
    expect(status('export-status').textContent).toBe('Exported 2 lessons as JSON.');
    const read = readExportFile(await downloads[0]!.text());
    expect(read.ok && read.lessons).toHaveLength(2);
  });
});

/** Chooses a file in the import panel, read in the page instead of a worker. */
async function chooseFile(text: string, name = 'team.json') {
  render(
    <ImportPanel
      parse={async (file, onProgress) => readExportFile(await file.text(), onProgress)}
    />,
  );
  const input = screen.getByTestId('import-file');
  Object.defineProperty(input, 'files', { value: [new File([text], name)], configurable: true });
  fireEvent.change(input);
  return screen.findByTestId('import-preview');
}

describe('ImportPanel', () => {
  const file = () => {
    const parsed = JSON.parse(
      toJson([
        lesson(1, { dealName: 'Deal 1 edited later', updatedAt: '2026-03-01T00:00:00.000Z' }),
        lesson(4),
        lesson(5),
        lesson(6),
      ]),
    );
    parsed.lessons[3].dealName = ' ';
    return JSON.stringify(parsed);
  };

  it('previews what the file would do and writes nothing until Import', async () => {
    await database().lessons.add(lesson(1));
    const preview = await chooseFile(file());
    expect(preview.textContent).toContain('New lessons: 2');
    expect(preview.textContent).toContain('Already here: 1 (1 of them newer in the file)');
    expect(preview.textContent).toContain('Cannot be read: 1');
    expect(screen.getByTestId('import-invalid').textContent).toBe('Record 4: Deal name is empty.');
    expect(await database().lessons.count()).toBe(1);
    fireEvent.click(screen.getByRole('radio', { name: /Skip them/ }));
    fireEvent.click(screen.getByTestId('import-confirm'));
    await waitFor(() => expect(status('import-status').dataset.state).toBe('done'));
    expect(status('import-status').textContent).toBe(
      'Imported team.json: 2 new, 0 updated, 1 already here. Left out, as they cannot be read: 1.',
    );
    expect((await database().lessons.get(lesson(1).id))?.dealName).toBe('Deal 1');
    expect(await database().lessons.count()).toBe(3);
  });

  it('writes nothing when the preview is cancelled', async () => {
    await chooseFile(file());
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(status('import-status').dataset.state).toBe('cancelled');
    expect(status('import-status').textContent).toBe('Nothing was imported from team.json.');
    expect(screen.queryByTestId('import-preview')).toBeNull();
    expect(await database().lessons.count()).toBe(0);
  });

  it('says why a file that is not an export cannot be imported', async () => {
    render(<ImportPanel parse={async (f) => readExportFile(await f.text())} />);
    const input = screen.getByTestId('import-file');
    Object.defineProperty(input, 'files', { value: [new File(['{"a": 1}'], 'x.json')] });
    fireEvent.change(input);
    await waitFor(() => expect(status('import-status').dataset.state).toBe('error'));
    expect(status('import-status').textContent).toBe(
      'This is not a Rebound export. Nothing was imported from x.json.',
    );
  });
});
