import type { EntityTable, IDType } from 'dexie';
import type { ReboundDatabase } from './database';

/** A record of the file left out for another with the same id; both by 1-based record number. */
export type SkippedCopy = { skipped: number; kept: number };

/**
 * What an import stored: `added + updated + unchanged` is the number of distinct ids in the
 * file, and `skipped` names every record left out for a copy with the same id.
 */
export type ImportCounts = {
  added: number;
  updated: number;
  unchanged: number;
  skipped: SkippedCopy[];
};

type Versioned = { id: string; updatedAt: string };

/**
 * One record per id: the most recently changed copy, the later one in the file when they were
 * changed at the same time — the same rule an import applies against the copy already here.
 */
export function newestPerId<T extends Versioned>(
  records: T[],
): { records: T[]; skipped: SkippedCopy[] } {
  const kept = new Map<string, number>();
  records.forEach((record, i) => {
    const other = kept.get(record.id);
    if (other === undefined || record.updatedAt >= records[other]!.updatedAt)
      kept.set(record.id, i);
  });
  const skipped = records.flatMap((record, i) => {
    const keep = kept.get(record.id)!;
    return keep === i ? [] : [{ skipped: i + 1, kept: keep + 1 }];
  });
  return { records: [...kept.values()].sort((a, b) => a - b).map((i) => records[i]!), skipped };
}

/**
 * Stores already-validated records (from an import), in one transaction. A record with an id
 * that is already here replaces it only when it is newer, so re-importing an old export never
 * undoes later edits; copies with the same id inside the file are left out by the same rule
 * and named, so the counts are what was stored.
 */
export function importNewer<T extends Versioned>(
  db: ReboundDatabase,
  table: EntityTable<T, 'id'>,
  file: T[],
): Promise<ImportCounts> {
  const { records, skipped } = newestPerId(file);
  return db.transaction('rw', table, async () => {
    const existing = await table.bulkGet(records.map((r) => r.id as IDType<T, 'id'>));
    const counts = { added: 0, updated: 0, unchanged: 0, skipped };
    const toPut: T[] = [];
    records.forEach((record, i) => {
      const current = existing[i];
      if (!current) counts.added++;
      else if (record.updatedAt > current.updatedAt) counts.updated++;
      else return void counts.unchanged++;
      toPut.push(record);
    });
    await table.bulkPut(toPut);
    return counts;
  });
}
