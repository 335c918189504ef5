import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLessons } from '../fixtures/lessons/generate';
import { expectAccessible } from './axe';
import {
  loseHubSpotDeal,
  launchExtension,
  putStoredRows,
  serveHubSpot,
  storedRows,
  yourData,
  type Extension,
} from './harness';
import { createDatabase } from './seed';

/**
 * Issue #12 item 7 in the built extension: "Delete all data" in the options page's "Your
 * data" offers the JSON export first, deletes nothing when cancelled, and once confirmed leaves
 * the library, the popup and "Missed a loss?" empty.
 */
let ext: Extension;
const TABLES = ['lessons', 'prompts', 'drafts', 'wins', 'winPrompts'];
const LESSONS = generateLessons(3, 12);

beforeAll(async () => {
  ext = await launchExtension();
  await serveHubSpot(ext.context);
  // The database (and its tables) exists before rows are seeded.
  await createDatabase(ext);
});
afterAll(() => ext?.close());

const rowCounts = async () =>
  Promise.all(TABLES.map(async (table) => (await storedRows(ext, table)).length));

describe('Delete all data', () => {
  it('deletes nothing when cancelled, and everything once confirmed', async () => {
    await putStoredRows(ext, 'lessons', LESSONS);
    // A loss prompted (its prompt and draft), and its deal among the recent deals.
    const crm = await loseHubSpotDeal(ext, { name: 'Initech — Renewal' });
    await expect
      .poll(async () => ((await ext.storedLocal('recentDeals')) as unknown[] | undefined) ?? [], {
        timeout: 10_000,
      })
      .toHaveLength(1);
    await crm.close();
    const options = await ext.openPage('options.html#data');
    const section = yourData(options);
    await section.getByRole('button', { name: 'Delete all data…' }).click();
    const dialog = options.getByRole('dialog', { name: 'Delete everything Rebound keeps?' });
    await dialog.waitFor();
    await expectAccessible(
      options,
      'the Delete all data dialog',
      '[data-testid="delete-all-dialog"]',
    );
    // Modal: the focus is in the dialog, not on the page behind it.
    expect(await options.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(
      true,
    );

    // The export offered first is everything, as JSON.
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      dialog.getByTestId('export-start').click(),
    ]);
    await dialog.locator('[data-testid="export-status"][data-state="done"]').waitFor();
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      lessons: unknown[];
    };
    expect(exported.lessons).toHaveLength(3);

    // Cancelled: the dialog closes, nothing was sent, everything is still there.
    await dialog.getByRole('checkbox', { name: /I understand/ }).check();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await section.getByTestId('delete-all-status').getAttribute('data-state')).toBe('idle');
    const before = await rowCounts();
    expect(before[0]).toBe(3);
    expect(before[1]).toBeGreaterThan(0); // the prompt
    expect(before[2]).toBeGreaterThan(0); // its draft
    expect(await ext.storedLocal('recentDeals')).toHaveLength(1);
    expect(await ext.storedLocal('askSettings')).toBeDefined();

    // Confirmed: deleted, and said so.
    await section.getByRole('button', { name: 'Delete all data…' }).click();
    await expect
      .poll(() => dialog.getByRole('button', { name: 'Delete everything' }).isDisabled())
      .toBe(true);
    await dialog.getByRole('checkbox', { name: /I understand/ }).check();
    await dialog.getByRole('button', { name: 'Delete everything' }).click();
    const status = section.getByTestId('delete-all-status');
    await expect
      .poll(async () => [await status.getAttribute('data-state'), await status.textContent()], {
        timeout: 10_000,
      })
      .toEqual(['done', expect.stringMatching(/was deleted/)]);
    expect(await rowCounts()).toEqual([0, 0, 0, 0, 0]);
    for (const key of ['recentDeals', 'detectionLog', 'askSettings']) {
      expect(await ext.storedLocal(key)).toBeUndefined();
    }

    // What the user sees: an empty library, an empty popup, no "Missed a loss?".
    await options.goto(options.url().replace('#data', '#library'));
    await options.getByTestId('library-count').filter({ hasText: 'No lessons yet' }).waitFor();
    const popup = await ext.openPage('popup.html');
    await popup.getByTestId('empty-state').waitFor();
    expect(await popup.getByTestId('draft').count()).toBe(0);
    expect(await popup.getByRole('region', { name: 'Missed a loss?' }).count()).toBe(0);
    await popup.close();
    await options.close();
  });
});
