import type { EntityTable, IDType } from 'dexie';
import type { ReboundDatabase } from './database';

export type ImportCounts = { added: number; updated: number; unchanged: number };

/**
 * Stores already-validated records (from an import), in one transaction. A record with an id
 * that is already here replaces it only when it is newer, so re-importing an old export never
 * undoes later edits.
 */
export function importNewer<T extends { id: string; updatedAt: string }>(
  db: ReboundDatabase,
  table: EntityTable<T, 'id'>,
  records: T[],
): Promise<ImportCounts> {
  return db.transaction('rw', table, async () => {
    const existing = await table.bulkGet(records.map((r) => r.id as IDType<T, 'id'>));
    const counts = { added: 0, updated: 0, unchanged: 0 };
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
