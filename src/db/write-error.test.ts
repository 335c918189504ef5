import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { describeWriteError } from './write-error';

describe('describeWriteError', () => {
  it('reads a full disk through Dexie’s AbortError wrapper and says what to do', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const wrapped = new Dexie.AbortError('Transaction aborted', quota);
    const failure = describeWriteError(wrapped);
    expect(failure.kind).toBe('full');
    expect(failure.message).toMatch(/no room left/);
    expect(failure.message).toMatch(/export/i);
  });

  it('says a closed database needs a reload', () => {
    expect(describeWriteError(new Dexie.DatabaseClosedError('closed')).kind).toBe('closed');
  });

  it('keeps the browser’s own words for anything else', () => {
    const failure = describeWriteError(new Error('Disk I/O error'));
    expect(failure.kind).toBe('other');
    expect(failure.message).toContain('Disk I/O error');
  });
});
