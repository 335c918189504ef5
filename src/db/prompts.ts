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
