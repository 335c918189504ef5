import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { launchExtension, snap, type Extension } from './harness';

/**
 * Issue #10 item 4: Insights draws its charts from the stored lessons, each beside a summary in
 * words and a table of the same numbers, and passes axe. Opened at `options.html#insights`, the
 * route of the options app's Insights section.
 */
let ext: Extension;
let options: Page;

beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(() => ext?.close());

const SECTION = 'section[aria-labelledby="insights-title"]';
const DAY_MS = 86_400_000;

/** 19 lessons of the last 60 days: 11 Price / value, 5 Went dark, 3 No access. */
function seededLessons() {
  const reasons = [
    ...Array<string>(11).fill('competitor.price-value'),
    ...Array<string>(5).fill('no-decision.went-dark'),
    ...Array<string>(3).fill('no-decision.no-access'),
  ];
  return reasons.map((reason, i) => {
    const at = new Date(Date.now() - (1 + ((i * 7) % 60)) * DAY_MS).toISOString();
    return {
      id: crypto.randomUUID(),
      createdAt: at,
      updatedAt: at,
      schemaVersion: 1,
      crm: 'hubspot',
      dealName: `Seeded deal ${i}`,
      outcome: 'competitor',
      reason,
      feeling: (i % 5) + 1,
      amount: 1000,
      currency: 'EUR',
      answers: i % 2 ? { planCue: 'a pricing page visit', planAction: 'send the ROI case' } : {},
    };
  });
}

/** Puts rows into the lessons store of the database the options page has opened. */
function seed(page: Page, lessons: object[]): Promise<void> {
  return page.evaluate(
    (lessons) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('rebound');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('lessons', 'readwrite');
          for (const lesson of lessons) tx.objectStore('lessons').put(lesson);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    lessons,
  );
}

const card = (page: Page, title: string): Locator =>
  page.locator(SECTION).getByRole('article', { name: title });

/** The table's body rows, opened under "Show as table", as text per cell. */
async function tableRows(article: Locator): Promise<string[][]> {
  await article.getByText('Show as table').click();
  const table = article.getByRole('table');
  await table.waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
    );
}

/** How many pixels of the chart's canvas are exactly this colour (inside a bar, not its edge). */
function pixelsOf(article: Locator, [r, g, b]: [number, number, number]): Promise<number> {
  return article.locator('canvas').evaluate(
    (canvas, [r, g, b]) => {
      const c = canvas as HTMLCanvasElement;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4)
        if (data[i] === r && data[i + 1] === g && data[i + 2] === b && data[i + 3] === 255) count++;
      return count;
    },
    [r, g, b],
  );
}

describe('insights', () => {
  it('says there is nothing yet, then charts the stored lessons with summaries and tables', async () => {
    options = await ext.openPage('options.html#insights');
    const section = options.locator(SECTION);
    await section.getByText(/No lessons yet/).waitFor();

    await seed(options, seededLessons());
    await options.reload();

    const reasons = card(options, 'Reasons over time');
    await reasons
      .getByText('Most frequent reason in the last 90 days: Price / value, 11 of 19.')
      .waitFor();
    // The bars are drawn in the reason's own colour (Price / value: #d64545).
    await expect.poll(() => pixelsOf(reasons, [0xd6, 0x45, 0x45])).toBeGreaterThan(50);
    expect(await reasons.locator('.chart').getAttribute('aria-hidden')).toBe('true');
    const columns = await reasons.locator('thead th').allTextContents();
    expect(columns).toEqual([
      'Month',
      'Price / value',
      'Went dark',
      'No access to the decision maker',
    ]);
    const rows = await tableRows(reasons);
    const sum = (column: number) => rows.reduce((total, row) => total + Number(row[column]), 0);
    expect([sum(1), sum(2), sum(3)]).toEqual([11, 5, 3]);

    const months = card(options, 'Lessons per month');
    await months.getByText(/^Lessons this month: \d+; last month: \d+; in all: 19\.$/).waitFor();
    const perMonth = await tableRows(months);
    expect(perMonth.reduce((total, row) => total + Number(row[1]), 0)).toBe(19);
    expect(perMonth.length).toBeGreaterThanOrEqual(2);

    const euros = card(options, 'Amount lost by reason (EUR)');
    expect(await tableRows(euros)).toEqual([
      ['Price / value', '€11,000', '11'],
      ['Went dark', '€5,000', '5'],
      ['No access to the decision maker', '€3,000', '3'],
    ]);
    await card(options, 'Losses within my control')
      .getByText('Within my control in the last 90 days: 3 of 19 losses with a reason.')
      .waitFor();
    await card(options, 'If-then plans written')
      .getByText('If-then plans written in the last 90 days: 9 of 19 lessons.')
      .waitFor();
    expect(await section.textContent()).not.toMatch(/win rate|\bwon\b/i);
    await snap(options, 'insights');
  });

  it('passes axe with every table open, in light and dark mode', async () => {
    const closed = options.locator(`${SECTION} details:not([open]) summary`);
    // Each click opens one: the list of closed ones shrinks by one each time.
    for (let left = await closed.count(); left > 0; left--) await closed.first().click();
    expect(await closed.count()).toBe(0);
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      await expectAccessible(options, `insights, ${colorScheme}`, SECTION);
    }
  });
});
