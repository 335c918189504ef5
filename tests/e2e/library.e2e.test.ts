import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/lessons/schema';
import { generateLessons } from '../fixtures/lessons/generate';
import { launchExtension, type Extension } from './harness';
import { seedLessons } from './seed';

/**
 * Issue #10 item 2: the library on seeded lessons — search with highlighted matches, filters
 * that combine as chips kept in the URL (Back restores them), sort, and CRM text shown as text.
 * The library answers from its worker once it has read every lesson; `library-count` says which
 * query its numbers are for (`data-filter`) and whether they are final (`data-state`).
 */
let ext: Extension;
let page: Page;

const HOSTILE = '<img src=x onerror="document.title=`pwned`">Initech & Co';
const known = (overrides: Partial<Lesson>): Lesson => ({
  id: crypto.randomUUID(),
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  schemaVersion: 1,
  crm: 'pipedrive',
  dealName: 'Known deal',
  outcome: 'no-decision',
  answers: {},
  ...overrides,
});
const procurement = known({
  dealName: 'Umbrella Corp — RFP',
  reason: 'no-decision.no-access',
  amount: 9_999_999,
  currency: 'USD',
  answers: { whatHappened: 'Zyxwv procurement ran the tender and we never met the sponsor.' },
  tags: ['rfp-2026'],
});
const hostile = known({ crm: 'zoho', dealName: HOSTILE, answers: { whatHappened: 'Zyxwv.' } });

beforeAll(async () => {
  ext = await launchExtension();
  await seedLessons(ext, [...generateLessons(300, 3), procurement, hostile]);
  page = await ext.openPage('options.html#library');
});
afterAll(() => ext?.close());

const count = () => page.getByTestId('library-count');
/** Waits until the library shows the final answer for the URL's query, and returns its line. */
async function settled(query: string): Promise<string> {
  const line = page.locator(
    `[data-testid="library-count"][data-state="ready"][data-worker="ready"][data-filter="${query}"]`,
  );
  await line.waitFor({ timeout: 30_000 });
  return (await line.textContent()) ?? '';
}
const rowNames = () => page.locator('[data-testid="lesson-row"] .lesson-name').allTextContents();

describe('the library', () => {
  it('shows every lesson, then finds one by a word in its answers, the match marked', async () => {
    expect(await settled('')).toBe('302 lessons');
    await page.getByRole('searchbox', { name: 'Search lessons' }).fill('zyxwv procure');
    expect(await settled('q=zyxwv+procure')).toBe('1 of 302 lessons');
    expect(await rowNames()).toEqual(['Umbrella Corp — RFP']);
    const row = page.getByTestId('lesson-row').first();
    expect(await row.locator('mark').allTextContents()).toEqual(['Zyxwv', 'procurement']);
    expect(page.url()).toContain('#library?q=zyxwv+procure');
  });

  it('shows a hostile deal name as text', async () => {
    await page.getByRole('searchbox', { name: 'Search lessons' }).fill('zyxwv');
    expect(await settled('q=zyxwv')).toBe('2 of 302 lessons');
    expect(await rowNames()).toContain(HOSTILE);
    expect(await page.locator('[data-testid="lesson-row"] img').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
  });

  it('combines filters as chips kept in the URL; Back brings a removed chip back', async () => {
    await page.goto(`chrome-extension://${ext.extensionId}/options.html#library`);
    await settled('');
    await page.getByText('Filters', { exact: true }).click();
    await page.getByRole('checkbox', { name: 'Pipedrive' }).check();
    const pipedrive = await settled('crm=pipedrive');
    expect(pipedrive).toMatch(/^\d+ of 302 lessons$/);
    await page.getByLabel('Reason').selectOption({ label: 'No access to the decision maker' });
    const both = await settled('crm=pipedrive&reason=no-decision.no-access');
    expect(Number(both.split(' ')[0])).toBeLessThan(Number(pipedrive.split(' ')[0]));
    const chips = page.getByRole('list', { name: 'Active filters' });
    expect(await chips.locator('.chip span').allTextContents()).toEqual([
      'CRM: Pipedrive',
      'Reason: No access to the decision maker',
    ]);
    // Sorted by amount, the known deal's 9,999,999 comes first.
    await page.getByLabel('Sort').selectOption('amount');
    await settled('crm=pipedrive&reason=no-decision.no-access&sort=amount');
    expect((await rowNames())[0]).toBe('Umbrella Corp — RFP');

    await page.getByRole('button', { name: 'Remove filter: CRM: Pipedrive' }).click();
    await settled('reason=no-decision.no-access&sort=amount');
    await page.goBack();
    await settled('crm=pipedrive&reason=no-decision.no-access&sort=amount');
    expect(await chips.locator('.chip span').allTextContents()).toContain('CRM: Pipedrive');
  });

  it('says when nothing matches, and shows lessons again once the filters are cleared', async () => {
    await page.goto(
      `chrome-extension://${ext.extensionId}/options.html#library?tag=rfp-2026&crm=zoho`,
    );
    expect(await settled('crm=zoho&tag=rfp-2026')).toBe(
      'No lesson matches (of 302). Remove a filter or change the search.',
    );
    expect(await page.getByTestId('lesson-row').count()).toBe(0);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    expect(await settled('')).toBe('302 lessons');
    await expect.poll(() => page.getByTestId('lesson-row').count()).toBeGreaterThan(3);
  });

  it('keeps the filters when moving to Insights, which reads only the matching lessons', async () => {
    await page.goto(`chrome-extension://${ext.extensionId}/options.html#library?tag=rfp-2026`);
    expect(await settled('tag=rfp-2026')).toBe('1 of 302 lessons');
    await page.getByRole('link', { name: 'Insights' }).click();
    expect(page.url()).toContain('#insights?tag=rfp-2026');
    // The move is announced: the section's heading takes the focus, the tab's title names it.
    await expect
      .poll(() =>
        page.evaluate(
          () => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`,
        ),
      )
      .toBe('H2 Insights');
    expect(await page.title()).toMatch(/^Insights · /);
    expect(await page.getByRole('link', { name: 'Insights' }).getAttribute('aria-current')).toBe(
      'page',
    );
    const months = page.getByRole('article', { name: 'Lessons per month' });
    await months.getByText(/in all: 1\.$/).waitFor({ timeout: 30_000 });
    expect(await count().getAttribute('data-filter')).toBe('tag=rfp-2026');
  });
});
