// zod/mini: the content script reads these settings at load, and must stay small (issue #8).
import { z } from 'zod/mini';
import { browser } from 'wxt/browser';
import { DEFAULT_LOST_LABELS, DEFAULT_WON_LABELS } from '../crm/stage-labels';

/** Where the settings are stored: store.ts defines WXT's versioned item on this key. */
export const SETTINGS_KEY = 'local:settings' as const;
/**
 * The key in storage.local under that item. Read here with the plain storage API: WXT's
 * storage module (with its migration locks) is a third of the content script's size otherwise.
 */
const STORED_KEY = 'settings';

const LabelsSchema = z.array(z.string().check(z.maxLength(200))).check(z.maxLength(200));

/**
 * The settings detection needs, as fields of SettingsSchema (schema.ts composes them there, so
 * they are defined once). Parsed alone, so the content script need not carry classic zod and
 * the template schema just to read its labels.
 */
export const DetectionSettingsSchema = z.object({
  /** Stage labels that mean lost, in any CRM (plain text or /regex/flags). */
  lostLabels: LabelsSchema,
  /**
   * Opt-in: when a deal is marked won, a three-question "what worked" capture. Off by default,
   * so nothing changes for people who did not ask for it.
   */
  captureWins: z._default(z.boolean(), false),
  /** Stage labels that mean won, for that capture (plain text or /regex/flags). */
  wonLabels: z._default(LabelsSchema, () => [...DEFAULT_WON_LABELS]),
});
export type DetectionSettings = z.infer<typeof DetectionSettingsSchema>;

function parseDetection(value: unknown): DetectionSettings | undefined {
  const parsed = DetectionSettingsSchema.safeParse(value ?? { lostLabels: DEFAULT_LOST_LABELS });
  return parsed.success ? parsed.data : undefined;
}

/**
 * The detection settings as stored, or the defaults when none were saved or they do not parse
 * (the options page tells the user about unreadable settings; a CRM page cannot).
 */
export async function loadDetectionSettings(): Promise<DetectionSettings> {
  return (
    parseDetection((await browser.storage.local.get(STORED_KEY))[STORED_KEY]) ??
    parseDetection({ lostLabels: DEFAULT_LOST_LABELS })!
  );
}

/** Calls `onChange` with each readable change of the stored settings. */
export function watchDetectionSettings(
  onChange: (settings: DetectionSettings) => void,
): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(STORED_KEY in changes)) return;
    const parsed = parseDetection(changes[STORED_KEY]!.newValue);
    if (parsed) onChange(parsed);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
