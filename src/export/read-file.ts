import { fromCsv } from './csv';
import { fromJson, type ParsedFile } from './json';

/** A file read for import: its records, or why it cannot be imported at all. */
export type ReadFile = ({ ok: true } & ParsedFile) | { ok: false; error: string };

/**
 * Reads a Rebound export, JSON (every format version) or Rebound's own CSV, told apart by their
 * first character: a JSON export is an object.
 */
export function readExportFile(
  text: string,
  onProgress: (done: number, total: number) => void = () => {},
): ReadFile {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trimStart().startsWith('{')) return fromJson(body, onProgress);
  const csv = fromCsv(body, onProgress);
  return csv.ok ? { ok: true, lessons: csv.lessons, wins: [], invalid: csv.invalid } : csv;
}
