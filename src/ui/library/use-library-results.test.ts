import { renderHook, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../lessons/lesson-filter';
import { resolveTemplate } from '../../lessons/template';
import type { LibraryWorker } from '../search/search-client';
import { useLibraryResults } from './use-library-results';

const template = resolveTemplate(undefined);

/** A ready worker that records what the page asks, in order. */
function fakeWorker(calls: string[]): LibraryWorker {
  return {
    status: { state: 'ready', count: 2 },
    refresh: () => calls.push('refresh'),
    remove: () => calls.push('remove'),
    query: async () => {
      calls.push('query');
      return { ids: ['a', 'b'], terms: [], total: 2 };
    },
  };
}

describe('useLibraryResults', () => {
  it('has the worker read a change before it asks again, so the answer is after the change', async () => {
    const calls: string[] = [];
    const worker = fakeWorker(calls);
    const { result, rerender } = renderHook(
      ({ key }) => useLibraryResults(EMPTY_FILTER, template, worker, { count: 2, key }),
      { initialProps: { key: '2:a' } },
    );
    await waitFor(() => expect(result.current.state).toBe('ready'));
    calls.length = 0;
    // A lesson deleted (or saved) elsewhere: the version changes.
    rerender({ key: '1:b' });
    await waitFor(() => expect(calls).toContain('query'));
    expect(calls).toEqual(['refresh', 'query']);
  });
});
