import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Panels } from './run-content';

/**
 * A content script's page for tests: WXT's context tied to `page` (aborting it is leaving the
 * page), and panels that never load (what they show is not what these tests look at).
 */
export function contentPage(page: AbortController): { ctx: ContentScriptContext; panels: Panels } {
  const ctx = {
    signal: page.signal,
    isInvalid: false,
    addEventListener: (target: EventTarget, type: string, listener: EventListener) =>
      target.addEventListener(type, listener, { signal: page.signal }),
    onInvalidated: (fn: () => void) => page.signal.addEventListener('abort', fn),
  } as unknown as ContentScriptContext;
  const panels: Panels = {
    open: () => {},
    openWin: () => {},
    preload: () => {},
    showMatches: () => {},
    readDealContext: () => Promise.reject(new Error('No panel in this test')),
  };
  return { ctx, panels };
}
