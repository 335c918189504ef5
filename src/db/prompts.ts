import type { EntityTable, IDType } from 'dexie';
import type { PromptRecord, ReboundDatabase } from './database';

/**
 * How long one deal's loss counts as "the same loss". Re-saving a lost deal, a second tab or a
 * retried request inside this window never prompts again.
 */
export const SAME_LOSS_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

export function promptKey(crm: string, dealId: string): string {
  return `${crm}:${dealId}`;
}

type DealClaim = { key: string; crm: string; dealId: string; createdAt: string; status: string };

/**
 * Claims a deal in `table` unless it was claimed within the window (or `refused` says the last
 * claim still stands). Returns false when it was. Runs in a transaction so two tabs cannot both
 * win. Losses and wins each have their own table, so neither blocks the other.
 */
export async function claimDeal<T extends DealClaim>(
  db: ReboundDatabase,
  table: EntityTable<T, 'key'>,
  record: Omit<T, 'key' | 'status' | 'createdAt'>,
  now = new Date(),
  refused: (previous: T) => boolean = () => false,
): Promise<boolean> {
  const key = promptKey(record.crm, record.dealId);
  return db.transaction('rw', table, async () => {
    const previous = await table.get(key as IDType<T, 'key'>);
    if (previous && refused(previous)) return false;
    if (previous && now.getTime() - Date.parse(previous.createdAt) < SAME_LOSS_WINDOW_MS) {
      return false;
    }
    await table.put({ ...record, key, status: 'open', createdAt: now.toISOString() } as T);
    return true;
  });
}

/** Records a prompt for this loss unless the deal was prompted for within the window. */
export function claimPrompt(
  db: ReboundDatabase,
  record: Omit<PromptRecord, 'key' | 'status' | 'createdAt'>,
  now = new Date(),
): Promise<boolean> {
  // "Skip this deal" means never again; otherwise a loss counts once per window.
  return claimDeal(db, db.prompts, record, now, (previous) => previous.status === 'skipped');
}

export async function setPromptStatus(
  db: ReboundDatabase,
  lossId: string,
  status: PromptRecord['status'],
): Promise<void> {
  await db.prompts.where('lossId').equals(lossId).modify({ status });
}

/** Prompts claimed since local midnight (for the daily cap). */
export function promptsToday(db: ReboundDatabase, now = new Date()): Promise<number> {
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  return db.prompts.where('createdAt').aboveOrEqual(midnight.toISOString()).count();
}

/** How many of the latest prompts in a row the user skipped. */
export async function skippedInARow(db: ReboundDatabase): Promise<number> {
  let count = 0;
  await db.prompts
    .orderBy('createdAt')
    .reverse()
    .until((prompt) => prompt.status !== 'skipped')
    .each(() => void count++);
  return count;
}
