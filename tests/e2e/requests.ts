import type { BrowserContext, Request } from 'playwright-core';

/** One request the browser made, and what made it. */
export type Recorded = {
  url: string;
  method: string;
  /**
   * `worker` for the extension's service worker; for a tab loading a page, that page (the
   * navigation belongs to what it loads: the tab's URL is still the one it leaves, about:blank
   * for a new tab); else the URL of the page whose frame asked.
   */
  from: 'worker' | string;
};

/**
 * Records every request of the browser context: pages' frames (CRM pages and extension pages,
 * and their dedicated workers, which Playwright reports under their page) and service workers
 * (Playwright enables the Network domain on each service worker it attaches to, and reports
 * their requests on the context with `serviceWorker()` set). A request whose maker cannot be
 * told is recorded as made by `unknown`, which no test allows.
 */
export function recordRequests(context: BrowserContext): Recorded[] {
  const seen: Recorded[] = [];
  const from = (request: Request): string => {
    if (request.serviceWorker()) return 'worker';
    try {
      const frame = request.frame();
      if (request.isNavigationRequest() && frame === frame.page().mainFrame()) return request.url();
      return frame.page().url();
    } catch {
      return 'unknown';
    }
  };
  context.on('request', (request) =>
    seen.push({ url: request.url(), method: request.method(), from: from(request) }),
  );
  return seen;
}
