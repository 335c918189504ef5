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
   * fails. Only its writers' pages and the background write settings, one section each, so
   * no other page writes the same item in the moment between this read and write.
   */
  update(change: (current: T) => T): Promise<T>;
  /** Calls `onChange` with each later value written, as `load` reads it. */
  watch(onChange: (loaded: Loaded<T>) => void): () => void;
};

/**
 * A settings item of one concern, versioned (a later version adds WXT migrations here). Stored
 * values that no longer parse are not silently replaced: the fallback is used for now and
 * `problem` says why, for the section that owns the item to show until it is saved again.
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
  return {
    load,
    update(change) {
      const run = last.then(async () => {
        const current = (await load()).value;
        const changed = change(current);
        if (changed === current) return current;
        const next = z.parse(schema, changed);
        await item.setValue(next);
        return next;
      });
      last = run.catch(() => undefined);
      return run;
    },
    watch: (onChange) => item.watch((value) => onChange(read(value))),
  };
}
