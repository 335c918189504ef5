/**
 * The key in storage.local of each settings item: one per concern, each saved by the options
 * section that shows it (version 1 kept them all in one item, see move-v1.ts).
 */
export const SETTINGS_KEYS = {
  /** The lost stage labels (read by detection). */
  lostLabels: 'lostLabels',
  /** The won stage labels, for the opt-in capture of wins (read by detection). */
  wonLabels: 'wonLabels',
  /** When Rebound asks; detection reads its `captureWins`. */
  ask: 'askSettings',
  /** The user's questions and reasons; absent until they edit them. */
  template: 'templateSettings',
  /** The user's rules for CRMs Rebound has no adapter for. */
  customRules: 'customRules',
  /** Lessons that come back: review, badge, reminder, second look, similar deals, cue plans. */
  comeBack: 'comeBackSettings',
} as const;

/** Not a setting: the background's note that it asked about the skip streak (internal.ts). */
export const SKIP_STREAK_ASKED_KEY = 'skipStreakAsked';
