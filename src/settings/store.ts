import { storage } from 'wxt/utils/storage';
import { describeIssue } from '../lessons/schema';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, SettingsSchema, type Settings } from './schema';
import { t } from '../i18n/t';
import { SETTINGS_KEY } from './detection';

/**
 * Settings live in storage.local (content scripts read them too). Versioned: a later version
 * adds a migration here and keeps this one.
 */
export const settingsItem = storage.defineItem<Settings>(SETTINGS_KEY, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
});

export type LoadedSettings = { settings: Settings; problem?: string };

/**
 * Reads the settings through the schema. Stored settings that no longer parse are not silently
 * replaced: the defaults are used for now and `problem` says why, for the options page to show.
 */
export async function loadSettings(): Promise<LoadedSettings> {
  const parsed = SettingsSchema.safeParse(await settingsItem.getValue());
  return parsed.success
    ? { settings: parsed.data }
    : {
        settings: DEFAULT_SETTINGS,
        problem: t('settings_unreadable', describeIssue(parsed.error)),
      };
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(SettingsSchema.parse(settings));
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => {
    const parsed = SettingsSchema.safeParse(value);
    if (parsed.success) onChange(parsed.data);
  });
}
