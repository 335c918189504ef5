import type { ReboundDatabase } from '../db/database';
import { allLessonPages, lessonPages } from '../db/lesson-pages';
import { recentWins } from '../db/wins';
import { csvWriter, UTF8_BOM } from '../export/csv';
import { jsonParts } from '../export/json';
import { markdownParts } from '../export/markdown';
import { notesZip } from '../export/notes';
import { resolveTemplate, type TemplateSettings } from '../lessons/template';
import type { Win } from '../lessons/win-schema';

export const EXPORT_FORMATS = ['json', 'csv', 'md', 'zip'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const TYPES: Record<ExportFormat, string> = {
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
  md: 'text/markdown;charset=utf-8',
  zip: 'application/zip',
};

export type ExportRequest = {
  format: ExportFormat;
  /** Exactly these lessons, in this order ("what you see"); without, every lesson (oldest first) and win. */
  ids?: readonly string[];
  /** CSV only: a UTF-8 byte order mark first, so Excel reads accents and emoji. */
  bom?: boolean;
  template: TemplateSettings | undefined;
  signal: AbortSignal;
  onProgress: (done: number, total: number) => void;
  now?: Date;
};

export type ExportResult = { blob: Blob; filename: string; lessons: number; wins: number };

/**
 * Writes an export page by page: lessons are read a thousand at a time, each page serialised
 * and handed to the Blob as one more part, so neither the records nor the text are ever held
 * whole. Checks `signal` between pages (cancel throws its reason). The "what worked" notes go
 * with an export of everything, in the formats that carry them (JSON and Markdown).
 */
export async function exportLessons(
  db: ReboundDatabase,
  request: ExportRequest,
): Promise<ExportResult> {
  const { format, signal, now = new Date() } = request;
  const total = request.ids?.length ?? (await db.lessons.count());
  const withWins = request.ids === undefined && (format === 'json' || format === 'md');
  const wins: Win[] = withWins ? await recentWins(db) : [];
  const template = resolveTemplate(request.template);
  const parts: BlobPart[] = [];
  let count = 0;

  const write = {
    json: () => ({
      start: () => parts.push(jsonParts.head({ template: request.template }, now)),
      page: (page: Parameters<typeof jsonParts.records>[0]) =>
        parts.push(jsonParts.records(page, count === 0)),
      end: () => parts.push(jsonParts.between, jsonParts.records(wins, true), jsonParts.tail),
    }),
    csv: () => {
      const csv = csvWriter(template);
      return {
        start: () => {},
        page: (page: Parameters<typeof csv.rows>[0]) => parts.push(csv.rows(page)),
        // The header is known once every row is written; it goes first.
        end: () => parts.unshift(...(request.bom ? [UTF8_BOM] : []), csv.header()),
      };
    },
    md: () => ({
      start: () => parts.push(markdownParts.head(total, now)),
      page: (page: Parameters<typeof markdownParts.lessons>[0]) =>
        parts.push(markdownParts.lessons(page, template)),
      end: () => parts.push(markdownParts.wins(wins)),
    }),
    zip: () => {
      const zip = notesZip(template, (chunk) => parts.push(chunk as Uint8Array<ArrayBuffer>));
      return { start: () => {}, page: zip.add, end: zip.end };
    },
  }[format]();

  signal.throwIfAborted();
  write.start();
  request.onProgress(0, total);
  const pages = request.ids ? lessonPages(db, request.ids) : allLessonPages(db);
  for await (const page of pages) {
    signal.throwIfAborted();
    write.page(page);
    count += page.length;
    request.onProgress(count, total);
  }
  write.end();
  const day = now.toISOString().slice(0, 10);
  return {
    blob: new Blob(parts, { type: TYPES[format] }),
    filename: `rebound-lessons-${day}.${format}`,
    lessons: count,
    wins: wins.length,
  };
}
