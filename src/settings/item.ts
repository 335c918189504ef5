import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { describeIssue } from '../lessons/schema';
import { t } from '../i18n/t';
import { settingsMoved } from './move-v1';

/** An item as read: `problem` says why the stored value could not be used, when it could not. */
export type Loaded<T> = { value: T; problem?: string };

/** One concern's settings in storage.local, read through its schema. */
export type SettingsItem<T> = {
  load(): Promise<Loaded<T>>;
  /**
   * Saves `change` applied to the value stored now, not to a copy read earlier: two saves of
   * this item in this page or worker run one after the other, each on what the other wrote.
   * Resolves to what was saved; rejects when `change` or the schema refuses it, or the write
   * fails, and while the stored value cannot be read: `change` would see the defaults, and
   * saving them would erase what is stored (every rule, for one rule added). Two pages can still
   * write the same item in the moment between this read and write (two options tabs): the later
   * write wins, as it would a moment later.
   */
  update(change: (current: T) => T): Promise<T>;
  /** Replaces a stored value that cannot be read with the defaults, at the user's word. */
  replaceUnreadable(): Promise<T>;
  /** Calls `onChange` with each later value written, as `load` reads it. */
  watch(onChange: (loaded: Loaded<T>) => void): () => void;
};

/**
 * A settings item of one concern, versioned (a later version adds WXT migrations here). Stored
 * values that no longer parse are never replaced unasked: the fallback is used for now, and
 * `problem` says why, for the section that owns the item to show with the choice to replace it.
 * Refused whole, not entry by entry: a list kept in part would be saved without the entries it
 * could not read, the same loss a little smaller, and what could not be read is the user's to
 * look at (an export, an older version) before they choose to let it go.
 */
export function defineSettingsItem<T>(
  key: string,
  schema: z.core.$ZodType<T>,
  fallback: () => T,
): SettingsItem<T> {
  const item = storage.defineItem<unknown>(`local:${key}`, { version: 1 });
  const read = (stored: unknown): Loaded<T> => {
    if (stored === null || stored === undefined) return { value: fallback() };
    const parsed = z.safeParse(schema, stored);
    return parsed.success
      ? { value: parsed.data }
      : { value: fallback(), problem: t('settings_unreadable', describeIssue(parsed.error)) };
  };
  const load = async (): Promise<Loaded<T>> => {
    const notMoved = await settingsMoved();
    const stored = await item.getValue();
    // Version 1's settings are still in their old item: the defaults stand in, and say so.
    return notMoved && stored === null ? { value: fallback(), problem: notMoved } : read(stored);
  };
  let last: Promise<unknown> = Promise.resolve();
  const queued = (write: () => Promise<T>) => {
    const run = last.then(write);
    last = run.catch(() => undefined);
    return run;
  };
  return {
    load,
    update: (change) =>
      queued(async () => {
        const { value: current, problem } = await load();
        if (problem) throw new Error(t('settings_save_refused'));
        const changed = change(current);
        if (changed === current) return current;
        const next = z.parse(schema, changed);
        await item.setValue(next);
        return next;
      }),
    replaceUnreadable: () =>
      queued(async () => {
        const next = z.parse(schema, fallback());
        await item.setValue(next);
        return next;
      }),
    watch: (onChange) => item.watch((value) => onChange(read(value))),
  };
}
