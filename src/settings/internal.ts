import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { SKIP_STREAK_ASKED_KEY } from './keys';
import { settingsMoved } from './move-v1';

/**
 * Whether the background has asked, after several skips in a row, if the user wants to be asked
 * less often. Its own item, not a setting: never shown, never exported, and written alone, so
 * writing it cannot change any setting.
 */
const skipStreakAskedItem = storage.defineItem<unknown>(`local:${SKIP_STREAK_ASKED_KEY}`);

/** An unreadable value reads as "not asked": at worst the question comes once more. */
export async function skipStreakAsked(): Promise<boolean> {
  // Version 1 kept it among the settings: read once it has been moved out.
  await settingsMoved();
  return z.boolean().safeParse(await skipStreakAskedItem.getValue()).data ?? false;
}

export async function markSkipStreakAsked(): Promise<void> {
  await skipStreakAskedItem.setValue(true);
}
