import { describe, expect, it, vi } from 'vitest';
import { requestPersistence, type StorageManagerLike } from './persistence';

/** A navigator.storage that answers as told, and counts how often it was asked. */
function fakeStorage(answers: { persisted?: boolean; persist?: boolean | Error }) {
  const storage = {
    persisted: vi.fn(async () => answers.persisted ?? false),
    persist: vi.fn(async () => {
      if (answers.persist instanceof Error) throw answers.persist;
      return answers.persist ?? false;
    }),
  };
  return storage;
}
const exempt = (answer: boolean) => () => Promise.resolve(answer);

describe('requestPersistence', () => {
  it('does not ask again when the data is already persistent', async () => {
    const storage = fakeStorage({ persisted: true });
    expect(await requestPersistence({ storage, exemptByUnlimitedStorage: exempt(false) })).toEqual({
      persistent: true,
      canAsk: false,
    });
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('asks, and is persistent when the browser says yes', async () => {
    const storage = fakeStorage({ persist: true });
    expect(await requestPersistence({ storage, exemptByUnlimitedStorage: exempt(false) })).toEqual({
      persistent: true,
      canAsk: false,
    });
    expect(storage.persist).toHaveBeenCalledOnce();
  });

  it('counts unlimitedStorage as persistent where it exempts from eviction (Chromium)', async () => {
    const storage = fakeStorage({ persisted: false, persist: false });
    expect(await requestPersistence({ storage, exemptByUnlimitedStorage: exempt(true) })).toEqual({
      persistent: true,
      canAsk: false,
    });
    // Asked all the same: a browser that grants it is better than one that only exempts.
    expect(storage.persist).toHaveBeenCalledOnce();
  });

  it('is not persistent when the browser says no, and can be asked again', async () => {
    const storage = fakeStorage({ persisted: false, persist: false });
    expect(await requestPersistence({ storage, exemptByUnlimitedStorage: exempt(false) })).toEqual({
      persistent: false,
      canAsk: true,
    });
  });

  it('is not persistent when asking throws', async () => {
    const storage = fakeStorage({ persist: new DOMException('Not allowed', 'SecurityError') });
    expect(await requestPersistence({ storage, exemptByUnlimitedStorage: exempt(false) })).toEqual({
      persistent: false,
      canAsk: true,
    });
  });

  it.each<[string, StorageManagerLike | undefined]>([
    ['no navigator.storage', undefined],
    ['only persisted(), as in a service worker', { persisted: async () => false }],
  ])('is not persistent, and has nothing to ask, with %s', async (_what, storage) => {
    expect(await requestPersistence({ storage, exemptByUnlimitedStorage: exempt(false) })).toEqual({
      persistent: false,
      canAsk: false,
    });
  });
});
