import { useEffect, useState } from 'preact/hooks';
import type { Loaded, SettingsItem } from '../settings/item';

/** One settings item, kept current when it changes in another section or page. */
export function useSettingsItem<T>(item: SettingsItem<T>): Loaded<T> | undefined {
  const [loaded, setLoaded] = useState<Loaded<T>>();
  useEffect(() => {
    let live = true;
    // A change seen before the first read is newer than what that read may bring.
    void item.load().then((first) => live && setLoaded((seen) => seen ?? first));
    const unwatch = item.watch((next) => live && setLoaded(next));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return loaded;
}

/**
 * What the user is editing of one settings item: made from the stored value once, when it is
 * first read, so a save elsewhere (another section, another page) never throws it away.
 */
export function useDraftOf<T, D>(loaded: Loaded<T> | undefined, draftOf: (value: T) => D) {
  const [draft, setDraft] = useState<D>();
  useEffect(() => {
    if (loaded && draft === undefined) setDraft(draftOf(loaded.value));
  }, [loaded, draft, draftOf]);
  return [draft, setDraft] as const;
}
