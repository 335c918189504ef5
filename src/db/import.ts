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
 * What importing a file's records would do, worked out before anything is written: `fresh`
 * records have ids not here yet, `newer` ones replace a copy here changed earlier, `notNewer`
 * counts those whose copy here is as new or newer (they are never written), and `skipped`
 * names the copies with the same id inside the file that were left out.
 */
export type ImportPlan<T> = { fresh: T[]; newer: T[]; notNewer: number; skipped: SkippedCopy[] };

export async function planImport<T extends Versioned>(
  table: EntityTable<T, 'id'>,
  file: T[],
): Promise<ImportPlan<T>> {
  const { records, skipped } = newestPerId(file);
  const existing = await table.bulkGet(records.map((r) => r.id as IDType<T, 'id'>));
  const plan: ImportPlan<T> = { fresh: [], newer: [], notNewer: 0, skipped };
  records.forEach((record, i) => {
    const current = existing[i];
    if (!current) plan.fresh.push(record);
    else if (record.updatedAt > current.updatedAt) plan.newer.push(record);
    else plan.notNewer++;
  });
  return plan;
}

/** What writing a plan stores: the newer copies only when the user chose to replace them. */
function planCounts<T>(plan: ImportPlan<T>, replaceNewer: boolean): ImportCounts {
  return {
    added: plan.fresh.length,
    updated: replaceNewer ? plan.newer.length : 0,
    unchanged: plan.notNewer + (replaceNewer ? 0 : plan.newer.length),
    skipped: plan.skipped,
  };
}

/**
 * Writes a plan; call it inside a transaction over `table` so a refused write leaves nothing.
 * `bulkAdd` for the new records: one added here since the plan was made fails the write
 * instead of being overwritten unseen.
 */
export async function writePlan<T extends Versioned>(
  table: EntityTable<T, 'id'>,
  plan: ImportPlan<T>,
  replaceNewer: boolean,
): Promise<ImportCounts> {
  await table.bulkAdd(plan.fresh);
  if (replaceNewer) await table.bulkPut(plan.newer);
  return planCounts(plan, replaceNewer);
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
  return db.transaction('rw', table, async () =>
    writePlan(table, await planImport(table, file), true),
  );
}
