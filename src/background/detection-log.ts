import { storage } from 'wxt/utils/storage';
import {
  appended,
  DetectionLogSchema,
  type DetectionEntry,
  DetectionEntrySchema,
} from '../detection/log';

/**
 * The detection log, kept in storage.local beside the settings (never sent anywhere): the
 * options page reads it, and browser tests wait on its decisions instead of sleeping. Its own
 * key, so writing it never wakes the content scripts' settings watchers.
 */
export const detectionLogItem = storage.defineItem<DetectionEntry[]>('local:detectionLog', {
  fallback: [],
});

/** Reads the log through its schema; a log that no longer parses starts again, empty. */
export async function readDetectionLog(): Promise<DetectionEntry[]> {
  const parsed = DetectionLogSchema.safeParse(await detectionLogItem.getValue());
  return parsed.success ? parsed.data : [];
}

export type DetectionLog = {
  add(entry: Omit<DetectionEntry, 'at'>): void;
  /** Empties the log, in turn with the writes before it (none of them puts entries back). */
  clear(): Promise<void>;
};

/**
 * The background's one writer of the log: entries are written in the order they were added,
 * one write at a time, so none is lost to another's read-modify-write. A failed write is
 * reported on the console and the next one tries again: the log is for diagnosis, and must
 * never stop a prompt.
 */
export function openDetectionLog(now: () => number = Date.now): DetectionLog {
  let writing: Promise<void> = Promise.resolve();
  return {
    add(entry) {
      const parsed = DetectionEntrySchema.safeParse({ ...entry, at: now() });
      if (!parsed.success)
        return console.warn('Rebound: detection log entry refused', parsed.error);
      writing = writing
        .then(async () =>
          detectionLogItem.setValue(appended(await readDetectionLog(), parsed.data)),
        )
        .catch((error: unknown) => console.warn('Rebound: detection log not written', error));
    },
    clear() {
      const cleared = writing.then(() => detectionLogItem.setValue([]));
      writing = cleared.catch(() => undefined);
      return cleared;
    },
  };
}
