// zod/mini: the content script reads these settings at load, and must stay small (issue #8).
import { z } from 'zod/mini';
import { browser } from 'wxt/browser';
import { DEFAULT_LOST_LABELS, DEFAULT_WON_LABELS } from './stage-labels';
import { SETTINGS_KEYS } from './keys';

/**
 * The items detection reads, with the plain storage API: WXT's storage module (with its
 * migration locks) is a third of the content script's size otherwise.
 */
const DETECTION_KEYS: string[] = [
  SETTINGS_KEYS.lostLabels,
  SETTINGS_KEYS.wonLabels,
  SETTINGS_KEYS.ask,
];

/** Stage labels (plain text or /regex/flags). */
export const LabelsSchema = z.array(z.string().check(z.maxLength(200))).check(z.maxLength(200));

/**
 * Opt-in: when a deal is marked won, a three-question "what worked" capture. Off by default,
 * so nothing changes for people who did not ask for it. Shown and saved with the other "when
 * Rebound asks" settings; defined here because detection reads it.
 */
export const CaptureWinsSchema = z._default(z.boolean(), false);

/** What detection takes of the "when Rebound asks" item: its other fields do not matter here. */
const AskPartSchema = z.object({ captureWins: CaptureWinsSchema });

/** What detection reads of the settings. */
export type DetectionSettings = {
  lostLabels: string[];
  wonLabels: string[];
  captureWins: boolean;
};

/**
 * Each part as stored, or its default when none was saved or it does not parse (the options page
 * tells the user about unreadable settings; a CRM page cannot). One unreadable part leaves the
 * others as saved.
 */
function detectionFrom(stored: Record<string, unknown>): DetectionSettings {
  const lost = LabelsSchema.safeParse(stored[SETTINGS_KEYS.lostLabels]);
  const won = LabelsSchema.safeParse(stored[SETTINGS_KEYS.wonLabels]);
  const ask = AskPartSchema.safeParse(stored[SETTINGS_KEYS.ask] ?? {});
  return {
    lostLabels: lost.success ? lost.data : [...DEFAULT_LOST_LABELS],
    wonLabels: won.success ? won.data : [...DEFAULT_WON_LABELS],
    captureWins: ask.success && ask.data.captureWins,
  };
}

export async function loadDetectionSettings(): Promise<DetectionSettings> {
  return detectionFrom(await browser.storage.local.get(DETECTION_KEYS));
}

/**
 * Calls `onChange` with the detection settings after each write of an item they come from.
 * A write is not a change: the caller compares what it uses (a dailyCap saved with
 * `captureWins` unchanged writes the same item).
 */
export function watchDetectionSettings(
  onChange: (settings: DetectionSettings) => void,
): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !DETECTION_KEYS.some((key) => key in changes)) return;
    // Read whole: a change names only the items written.
    void loadDetectionSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
