import { act, renderHook } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { hashOf, parseHash, useHashRoute } from './use-hash-route';

afterEach(() => history.replaceState(null, '', '#'));

describe('hash routes', () => {
  it('reads a route and its query, and writes them back', () => {
    expect(parseHash('#library?crm=hubspot&q=cfo')).toEqual({
      route: 'library',
      query: 'crm=hubspot&q=cfo',
    });
    expect(parseHash('')).toEqual({ route: '', query: '' });
    expect(hashOf({ route: 'detection', query: '' })).toBe('#detection');
    expect(hashOf(parseHash('#library?tag=q4'))).toBe('#library?tag=q4');
  });

  it('follows Back and links, and replaces the URL without a history step when asked', async () => {
    const { result } = renderHook(() => useHashRoute());
    const before = history.length;
    act(() => result.current[1]({ route: 'library', query: 'q=c' }, { replace: true }));
    expect(location.hash).toBe('#library?q=c');
    expect(result.current[0]).toEqual({ route: 'library', query: 'q=c' });
    expect(history.length).toBe(before);
    await act(async () => {
      location.hash = '#insights';
      await new Promise((resolve) =>
        window.addEventListener('hashchange', resolve, { once: true }),
      );
    });
    expect(result.current[0].route).toBe('insights');
  });
});
