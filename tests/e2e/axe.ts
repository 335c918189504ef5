import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT } from './harness';

/** axe-core, run in the page by the browser tests (issue #10 item 8: axe on every section). */
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

type Violation = { id: string; impact: string | null; help: string; targets: string[] };

/**
 * Runs axe-core in the page (the whole document, or one element and what is inside it,
 * open shadow roots included) and returns its violations.
 */
async function axe(page: Page, selector?: string): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // A <script> tag is enough on the CRM page; extension pages' CSP forbids inline scripts,
    // so there the same file is evaluated through the DevTools protocol (not subject to CSP).
    await page.addScriptTag({ path: AXE }).catch(() => page.evaluate(readFileSync(AXE, 'utf8')));
    await page.waitForFunction(() => 'axe' in window);
  }
  return page.evaluate(async (selector) => {
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    const context = selector ? document.querySelector(selector) : document;
    if (!context) throw new Error(`Nothing matches ${selector}`);
    const results = await axe.run(context as Element, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  }, selector);
}

/** No serious or critical violations; a failure lists each one with where it is. */
export async function expectAccessible(
  page: Page,
  where: string,
  selector?: string,
): Promise<void> {
  const serious = (await axe(page, selector)).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  const report = serious
    .map((v) => `  ${v.id} (${v.impact}): ${v.help}\n    ${v.targets.join('\n    ')}`)
    .join('\n');
  expect(serious, `axe on ${where}:\n${report}`).toEqual([]);
}
