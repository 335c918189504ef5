import {
  WIN_SCHEMA_VERSION,
  WinInputSchema,
  WinSchema,
  type Win,
  type WinInput,
} from '../lessons/win-schema';
import type { ReboundDatabase, WinPromptRecord } from './database';
import { importNewer, type ImportCounts } from './import';
import { claimDeal } from './prompts';

/**
 * Validates and stores a win under `id` (the capture's id): new, or replacing the answers kept
 * so far as the user typed (its creation time stays). Throws a ZodError naming the bad field.
 */
export async function saveWin(
  db: ReboundDatabase,
  id: string,
  input: WinInput,
  now = new Date(),
): Promise<Win> {
  const stamp = now.toISOString();
  return db.transaction('rw', db.wins, async () => {
    const kept = await db.wins.get(id);
    const win = WinSchema.parse({
      ...WinInputSchema.parse(input),
      id,
      createdAt: kept?.createdAt ?? stamp,
      updatedAt: stamp,
      schemaVersion: WIN_SCHEMA_VERSION,
    });
    await db.wins.put(win);
    return win;
  });
}

/** Newest first. */
export function recentWins(db: ReboundDatabase): Promise<Win[]> {
  return db.wins.orderBy('createdAt').reverse().toArray();
}

export function countWins(db: ReboundDatabase): Promise<number> {
  return db.wins.count();
}

export function deleteWin(db: ReboundDatabase, id: string): Promise<void> {
  return db.wins.delete(id);
}

/** Stores wins from an import; a win already here is replaced only by a newer version. */
export function importWins(db: ReboundDatabase, wins: Win[]): Promise<ImportCounts> {
  return importNewer(db, db.wins, wins);
}

/**
 * Records a win capture for this deal unless one was offered within the same window as losses
 * (a retried save, a second tab, a re-save of the won deal). Its own table: a win claim never
 * stops a later loss of the same deal from prompting, nor the other way round.
 */
export function claimWinPrompt(
  db: ReboundDatabase,
  record: Pick<WinPromptRecord, 'winId' | 'crm' | 'dealId'>,
  now = new Date(),
): Promise<boolean> {
  return claimDeal(db, db.winPrompts, record, now);
}

export async function setWinPromptStatus(
  db: ReboundDatabase,
  winId: string,
  status: WinPromptRecord['status'],
): Promise<void> {
  await db.winPrompts.where('winId').equals(winId).modify({ status });
}
