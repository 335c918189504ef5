/** The part of `navigator.storage` this uses; either method may be missing (`persist` is not
 * in a service worker's navigator, and older browsers have neither). */
export type StorageManagerLike = {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
};

export type PersistenceEnv = {
  storage: StorageManagerLike | undefined;
  /**
   * Whether this browser exempts Rebound's storage from eviction because the extension holds
   * `unlimitedStorage`. Chromium does (its extension docs: "exempts extensions from both quota
   * restrictions and eviction") yet still answers false to `persisted()` and `persist()` for an
   * extension page (Chromium 156, measured); Firefox grants persistent storage with it, so
   * `persisted()` already says true there.
   */
  exemptByUnlimitedStorage: () => Promise<boolean>;
};

/** Whether the browser keeps Rebound's data when the disk runs low, and if asking can help. */
export type Persistence = { persistent: boolean; canAsk: boolean };

/** A storage answer; a browser that throws (or lacks the method) has not said yes. */
async function yes(ask: () => Promise<boolean> | undefined): Promise<boolean> {
  try {
    return (await ask()) === true;
  } catch {
    return false;
  }
}

/**
 * Asks the browser to keep Rebound's data under storage pressure (an extension page only: a
 * service worker has no `persist`), and says whether it will. The lessons are the only copy,
 * so anything short of a yes is shown as "may be deleted".
 */
export async function requestPersistence(env: PersistenceEnv): Promise<Persistence> {
  const { storage } = env;
  const persistent =
    (await yes(() => storage?.persisted?.())) ||
    (await yes(() => storage?.persist?.())) ||
    (await yes(env.exemptByUnlimitedStorage));
  return { persistent, canAsk: !persistent && typeof storage?.persist === 'function' };
}
