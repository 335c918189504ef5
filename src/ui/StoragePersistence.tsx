import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { requestPersistence, type Persistence, type PersistenceEnv } from '../db/persistence';
import { t } from '../i18n/t';

type Props = {
  /** Undefined until the browser has answered. */
  persistence: Persistence | undefined;
  /** The user asked again and the browser still said no. */
  refused: boolean;
  onAsk: () => void;
};

/** Whether the browser may delete the lessons to free space, and a way to ask it not to. */
export function StoragePersistenceLine({ persistence, refused, onAsk }: Props) {
  if (!persistence) return null;
  if (persistence.persistent)
    return (
      <p class="muted" data-testid="storage-persistence">
        {t('storage_persistent')}
      </p>
    );
  return (
    <p class="row" data-testid="storage-persistence">
      <span class="status error">{t('storage_not_persistent')}</span>
      {persistence.canAsk && (
        <button type="button" onClick={onAsk}>
          {t('storage_ask_again')}
        </button>
      )}
      {refused && <span role="status">{t('storage_ask_refused')}</span>}
    </p>
  );
}

/** This page's browser: its navigator.storage, and the manifest's unlimitedStorage. */
function browserEnv(): PersistenceEnv {
  return {
    storage: globalThis.navigator?.storage,
    // Safari's unlimitedStorage covers storage.local only, not IndexedDB.
    exemptByUnlimitedStorage: () =>
      import.meta.env.SAFARI
        ? Promise.resolve(false)
        : browser.permissions.contains({ permissions: ['unlimitedStorage'] }),
  };
}

/** Asks for persistent storage when the page opens, and again when the user says so. */
export function StoragePersistence() {
  const [persistence, setPersistence] = useState<Persistence>();
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    void requestPersistence(browserEnv()).then(setPersistence);
  }, []);
  const ask = async () => {
    const answer = await requestPersistence(browserEnv());
    setPersistence(answer);
    setRefused(!answer.persistent);
  };
  return (
    <StoragePersistenceLine persistence={persistence} refused={refused} onAsk={() => void ask()} />
  );
}
