import { t } from '../i18n/t';

/** Why a write to the browser's storage failed, in the words shown to the user. */
export type WriteFailure = { kind: 'full' | 'closed' | 'other'; message: string };

/** Dexie wraps the browser's error (an AbortError's `inner`, a bulk error's `failures`). */
function causes(error: unknown): { name?: string; message?: string }[] {
  const found: { name?: string; message?: string }[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const e = current as { name?: unknown; message?: unknown; inner?: unknown; failures?: unknown };
    found.push({
      name: typeof e.name === 'string' ? e.name : undefined,
      message: typeof e.message === 'string' ? e.message : undefined,
    });
    current = e.inner ?? (Array.isArray(e.failures) ? e.failures[0] : undefined);
  }
  return found;
}

/**
 * Reads a failed IndexedDB or storage write (a full disk, a closed database, anything else) as
 * a sentence that says what to do. Every writer shows this: a failed write is never silent.
 */
export function describeWriteError(error: unknown): WriteFailure {
  const all = causes(error);
  const names = all.map((c) => c.name ?? '');
  const text = all.map((c) => c.message ?? '').join(' ');
  if (names.includes('QuotaExceededError') || /quota|disk is full|no space/i.test(text)) {
    return { kind: 'full', message: t('write_error_full') };
  }
  if (names.includes('DatabaseClosedError') || names.includes('InvalidStateError')) {
    return { kind: 'closed', message: t('write_error_closed') };
  }
  const own = all.find((c) => c.message)?.message ?? String(error);
  return { kind: 'other', message: t('write_error_other', own.slice(0, 200)) };
}
