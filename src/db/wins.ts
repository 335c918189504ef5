import { winFromCapture } from '../lessons/win-capture';
import { WIN_SCHEMA_VERSION, WinSchema, type Win } from '../lessons/win-schema';
import type { WinEvent } from '../messaging/messages';
import type { ReboundDatabase, WinPromptRecord } from './database';
import { importNewer, type ImportCounts } from './import';
import { claimDeal } from './prompts';

/** The capture offered for a win, by the win's id. */
const captureOf = (db: ReboundDatabase, winId: string) =>
  db.winPrompts.where('winId').equals(winId).first();

/**
 * Keeps the answers of a win capture as its win, stored under the win's id, in one transaction
 * with the capture's state. The deal comes from the background's own copy of the won deal (kept
 * when the win was claimed), never from the sender: the panel in the CRM page sends only the
 * win's id and the answers. As the user types (`done` false) the answers replace the ones kept
 * so far (the win's creation time stays); with `done` the capture is marked saved as well, or
 * neither is kept. From then on the win stays as it was saved: a retry, a double click or a late
 * keystroke's write changes nothing. Throws a ZodError naming a bad field.
 *
 * False when there is no open capture to keep it under (let go, or never asked about here).
 */
export function saveWinAnswers(
  db: ReboundDatabase,
  winId: string,
  answers: Record<string, string>,
  done: boolean,
  now = new Date(),
): Promise<boolean> {
  const stamp = now.toISOString();
  return db.transaction('rw', [db.winPrompts, db.wins], async () => {
    const capture = await captureOf(db, winId);
    if (capture?.status === 'saved') return true;
    if (capture?.status !== 'open' || !capture.win) return false;
    const kept = await db.wins.get(winId);
    const win = WinSchema.parse({
      ...winFromCapture(capture.win, answers),
      id: winId,
      createdAt: kept?.createdAt ?? stamp,
      updatedAt: stamp,
      schemaVersion: WIN_SCHEMA_VERSION,
    });
    await db.wins.put(win);
    if (done) await closeCapture(db, capture, 'saved');
    return true;
  });
}

/**
 * "Not now" with nothing written: the capture is let go (the deal is not asked about again) and
 * what was kept while typing (since erased) removed, in one transaction. A saved win stays.
 */
export function dismissWin(db: ReboundDatabase, winId: string): Promise<void> {
  return db.transaction('rw', [db.winPrompts, db.wins], async () => {
    const capture = await captureOf(db, winId);
    if (capture?.status !== 'open') return;
    await closeCapture(db, capture, 'dismissed');
    await db.wins.delete(winId);
  });
}

/** The claim stays (it stops the deal asking again); its copy of the deal is needed no more. */
async function closeCapture(
  db: ReboundDatabase,
  capture: WinPromptRecord,
  status: Exclude<WinPromptRecord['status'], 'open'>,
): Promise<void> {
  // Dexie removes a property updated to undefined.
  await db.winPrompts.update(capture.key, { status, win: undefined });
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
 * (a retried save, a second tab, a re-save of the won deal), keeping the won deal as confirmed:
 * the win is built from it. Its own table: a win claim never stops a later loss of the same deal
 * from prompting, nor the other way round.
 */
export function claimWinPrompt(
  db: ReboundDatabase,
  win: WinEvent,
  now = new Date(),
): Promise<boolean> {
  return claimDeal(
    db,
    db.winPrompts,
    { winId: win.winId, crm: win.crm, dealId: win.dealId, win },
    now,
  );
}
