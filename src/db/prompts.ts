import type { PromptRecord, ReboundDatabase } from './database';

/**
 * How long one deal's loss counts as "the same loss". Re-saving a lost deal, a second tab or a
 * retried request inside this window never prompts again.
 */
export const SAME_LOSS_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

export function promptKey(crm: string, dealId: string): string {
  return `${crm}:${dealId}`;
}

/**
 * Records a prompt for this deal unless one was recorded within the window. Returns false when
 * the loss was already prompted for. Runs in a transaction so two tabs cannot both win.
 */
export async function claimPrompt(
  db: ReboundDatabase,
  record: Omit<PromptRecord, 'key' | 'status' | 'createdAt'>,
  now = new Date(),
): Promise<boolean> {
  const key = promptKey(record.crm, record.dealId);
  return db.transaction('rw', db.prompts, async () => {
    const previous = await db.prompts.get(key);
    // "Skip this deal" means never again; otherwise a loss counts once per window.
    if (previous?.status === 'skipped') return false;
    if (previous && now.getTime() - Date.parse(previous.createdAt) < SAME_LOSS_WINDOW_MS) {
      return false;
    }
    await db.prompts.put({ ...record, key, status: 'open', createdAt: now.toISOString() });
    return true;
  });
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
