import type { z } from 'zod';

/**
 * A value an extension page keeps in its tab's sessionStorage: in the extension's origin (no
 * site can read it), it survives a reload or crash of the page and a closed tab reopened, and
 * goes with the browsing session. Read through `schema`, like anything stored. Storage that is
 * full or blocked keeps nothing: the value is still in memory, and the page says it is not saved.
 */
export function sessionStash<T>(key: string, schema: z.ZodType<T>) {
  return {
    read(): T | undefined {
      try {
        const raw = sessionStorage.getItem(key);
        return raw === null ? undefined : schema.safeParse(JSON.parse(raw)).data;
      } catch {
        return undefined;
      }
    },
    keep(value: T): void {
      try {
        sessionStorage.setItem(key, JSON.stringify(value));
      } catch {
        // Full or blocked: see above.
      }
    },
    clear(): void {
      try {
        sessionStorage.removeItem(key);
      } catch {
        // Blocked: nothing was kept there either.
      }
    },
  };
}
