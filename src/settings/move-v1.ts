import { browser } from 'wxt/browser';
import { t } from '../i18n/t';
import { SETTINGS_KEYS, SKIP_STREAK_ASKED_KEY } from './keys';

/**
 * Version 1 kept every setting in one WXT item (`local:settings`, its version meta under
 * `settings$`), saved whole by each options section: saving one section wrote back every other
 * section's fields as that section had last read them.
 */
export const V1_KEY = 'settings';

/** Version 1's fields of the "when Rebound asks" item. */
const ASK_FIELDS = ['minAmount', 'dailyCap', 'kindLine', 'captureWins'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Version 1's settings as the items that replace it, each value as it was stored, unparsed: a
 * field that did not parse before does not parse after, and its item says so to its section
 * rather than reading as the defaults. Fields that were never saved are left out.
 */
export function itemsFromV1(old: Record<string, unknown>): Record<string, unknown> {
  const ask = Object.fromEntries(ASK_FIELDS.filter((f) => f in old).map((f) => [f, old[f]]));
  const items: Record<string, unknown> = {
    [SETTINGS_KEYS.lostLabels]: old.lostLabels,
    [SETTINGS_KEYS.wonLabels]: old.wonLabels,
    [SETTINGS_KEYS.ask]: Object.keys(ask).length > 0 ? ask : undefined,
    [SETTINGS_KEYS.template]: old.template,
    [SETTINGS_KEYS.customRules]: old.customRules,
    // Background state, never a setting: only its "already asked" is worth keeping.
    [SKIP_STREAK_ASKED_KEY]: old.skipStreakAsked === true ? true : undefined,
  };
  return Object.fromEntries(Object.entries(items).filter(([, value]) => value !== undefined));
}

/**
 * Moves version 1's settings into their own items, then removes the old item: left, it would
 * be a second, stale copy of every setting, and a reason to run this again. An item that
 * already exists is never overwritten (a move cut short and run again, or a section saved
 * meanwhile). A value no version of Rebound wrote (not an object) is left where it is.
 */
export async function moveSettingsV1(): Promise<void> {
  const targets = [...Object.values(SETTINGS_KEYS), SKIP_STREAK_ASKED_KEY];
  const stored = await browser.storage.local.get([V1_KEY, ...targets]);
  const old = stored[V1_KEY];
  if (!isRecord(old)) return;
  const missing = Object.entries(itemsFromV1(old)).filter(([key]) => stored[key] === undefined);
  if (missing.length > 0) await browser.storage.local.set(Object.fromEntries(missing));
  await browser.storage.local.remove([V1_KEY, `${V1_KEY}$`]);
}

/** How long a page waits for the background to move version 1's settings before it says so. */
export const MOVE_WAIT_MS = 10_000;

const failure = (error: unknown) =>
  t('settings_unreadable', error instanceof Error ? error.message : String(error));

/**
 * Resolves once version 1's item is gone (moved by the background, or never there), or after
 * `MOVE_WAIT_MS` to what to tell the user. Listening starts before the first look, so a move
 * that ends in between is not missed.
 */
function movedByBackground(): Promise<string | undefined> {
  return new Promise((resolve) => {
    const done = (problem?: string) => {
      browser.storage.onChanged.removeListener(onChanged);
      clearTimeout(timer);
      resolve(problem);
    };
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && V1_KEY in changes && !isRecord(changes[V1_KEY]?.newValue)) done();
    };
    browser.storage.onChanged.addListener(onChanged);
    const timer = setTimeout(() => done(t('settings_not_moved')), MOVE_WAIT_MS);
    browser.storage.local.get(V1_KEY).then(
      (stored) => !isRecord(stored[V1_KEY]) && done(),
      (error: unknown) => done(failure(error)),
    );
  });
}

let moved: Promise<string | undefined> | undefined;
let movesHere = false;

/**
 * The move, once per page or worker, awaited before any item is read there. Only the
 * background moves (`moveSettingsHere`): the move reads, then writes what is missing, and two
 * contexts doing so at once could write version 1's value over a save made in between. Every
 * other context waits for it. Resolves to what to tell the user when it failed or did not come
 * (tried again at the next read; the old item stays until its settings are copied).
 */
export function settingsMoved(): Promise<string | undefined> {
  return (moved ??= (
    movesHere ? moveSettingsV1().then(() => undefined, failure) : movedByBackground()
  ).then((problem) => {
    if (problem) moved = undefined;
    return problem;
  }));
}

/** Makes this context (the background, at startup) the one that moves, and moves. */
export function moveSettingsHere(): Promise<string | undefined> {
  movesHere = true;
  moved = undefined;
  return settingsMoved();
}
