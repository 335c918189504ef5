import type { Page } from 'playwright-core';

/**
 * Records what an extension page asks the browser for with `permissions.request` (still asked:
 * the request goes through), and gives what it asked so far. For the rules' host tests: a rule
 * asks for its one site, and a refused rule asks for nothing.
 */
export async function recordPermissionRequests(page: Page): Promise<() => Promise<unknown[]>> {
  await page.evaluate(() => {
    type Request = (request: { origins?: string[] }) => Promise<boolean>;
    const { permissions } = (
      globalThis as unknown as { chrome: { permissions: { request: Request } } }
    ).chrome;
    const original = permissions.request.bind(permissions);
    const asked: unknown[] = [];
    Object.assign(window, { asked });
    permissions.request = (request) => {
      asked.push(request);
      return original(request);
    };
  });
  return () => page.evaluate(() => (window as unknown as { asked: unknown[] }).asked);
}
