import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewFor } from '../../src/lessons/review-schedule';
import { generateLessons } from '../fixtures/lessons/generate';
import {
  confirmImport,
  exportEverything,
  launchExtension,
  loseHubSpotDeal,
  previewImportOf,
  promptOn,
  putStoredRows,
  serveHubSpot,
  type Extension,
} from './harness';
import { recordRequests, type Recorded } from './requests';

/**
 * Issue #12 item 5: Rebound makes no request of its own. Every request the browser makes while
 * a loss is prompted and saved on the sandbox HubSpot, and the popup with its review, the library, insights,
 * the export and the import are used, is recorded; each must come from the CRM page itself.
 * Requests made on purpose from an extension page, its dedicated worker and the service worker
 * show that the recording sees every kind of maker (without them, a recorder that saw nothing
 * would pass).
 */
let ext: Extension;
let requests: Recorded[];
let prefix: string;
const CONTROL = 'https://control.rebound.test';
/** What the CRM pages are: the sandbox HubSpot at HubSpot's own hosts. */
const CRM_PAGE = /^https:\/\/app(-eu1)?\.hubspot\.com\//;
/** What the page console says when the extension's CSP refuses something. */
const cspViolations: string[] = [];

beforeAll(async () => {
  ext = await launchExtension();
  prefix = `chrome-extension://${ext.extensionId}/`;
  requests = recordRequests(ext.context);
  await serveHubSpot(ext.context);
  await ext.context.route(`${CONTROL}/**`, (route) => route.fulfill({ status: 204 }));
  ext.context.on('page', (page) =>
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    }),
  );
});
afterAll(() => ext?.close());

/**
 * Not network: the extension's own files (its pages' scripts, styles, workers, locale) are read
 * by the browser from the installed package on this device (`chrome-extension://<id>/…`, which
 * no server answers), so they are left out, and only they.
 */
const ownPackage = (url: string) => url.startsWith(prefix);

describe('no network of our own', () => {
  it('sees a request made from an extension page, its worker and the service worker', async () => {
    const page = await ext.openPage('popup.html');
    await page.evaluate((url) => fetch(url).then((r) => r.status), `${CONTROL}/from-page`);
    await ext.inWorker((url) => fetch(url).then((r) => r.status), `${CONTROL}/from-worker`);
    await page.close();
    // And from a page's dedicated worker: the library's search worker.
    const options = await ext.openPage('options.html#library');
    const search = options.workers()[0] ?? (await options.waitForEvent('worker'));
    await search.evaluate((url) => fetch(url).then((r) => r.status), `${CONTROL}/from-page-worker`);
    await options.close();
    await expect
      .poll(() => requests.filter((r) => r.url.startsWith(CONTROL)).map((r) => [r.url, r.from]))
      .toEqual([
        [`${CONTROL}/from-page`, `${prefix}popup.html`],
        [`${CONTROL}/from-worker`, 'worker'],
        [`${CONTROL}/from-page-worker`, `${prefix}options.html#library`],
      ]);
  });

  it('makes none while a loss is prompted and the popup, its review, the library, insights, export and import are used', async () => {
    const start = requests.length;
    // The prompt on a HubSpot loss, answered and saved.
    const crm = await loseHubSpotDeal(ext, { name: 'Umbrella — Renewal' });
    const prompt = promptOn(crm);
    await prompt.getByLabel('Outcome').selectOption({ label: 'Lost to a competitor' });
    await prompt.getByLabel('Main reason').selectOption({ label: 'Capability gap' });
    await prompt.getByRole('button', { name: 'Save' }).click();
    await prompt.getByRole('status').filter({ hasText: 'Lesson saved' }).waitFor();
    await crm.close();

    // The review: a lesson from nine days ago whose plan is due, answered in the popup.
    const nineDaysAgo = new Date(Date.now() - 9 * 86_400_000).toISOString();
    const [due] = generateLessons(1, 11).map((lesson) => ({
      ...lesson,
      dealName: 'Due for review',
      createdAt: nineDaysAgo,
      updatedAt: nineDaysAgo,
      answers: { planCue: 'the CFO joins a call', planAction: 'ask who signs' },
    }));
    await putStoredRows(ext, 'lessons', [due!]);
    await putStoredRows(ext, 'reviews', [reviewFor(due!, new Date())!]);
    const popup = await ext.openPage('popup.html');
    await popup.getByTestId('lesson-count').filter({ hasText: '2 lessons' }).waitFor();
    const reviewCard = popup.getByRole('article', { name: 'Due for review', exact: true });
    await reviewCard.getByRole('button', { name: 'Applied' }).click();
    await reviewCard.waitFor({ state: 'detached' });
    await popup.close();

    // Enough lessons for the library's worker and the insights' charts (uPlot) to have work.
    const options = await ext.openPage('options.html#library');
    await putStoredRows(ext, 'lessons', generateLessons(40, 5));
    await options.reload();
    await options
      .locator('[data-testid="library-count"][data-state="ready"][data-worker="ready"]')
      .waitFor();
    await options.goto(`${prefix}options.html#insights`);
    await options
      .locator('section[aria-labelledby="insights-title"] .chart canvas')
      .first()
      .waitFor();

    await options.goto(`${prefix}options.html#data`);
    const exported = await exportEverything(options, 'json');
    const file = JSON.parse(exported.toString('utf8')) as { lessons: { dealName: string }[] };
    expect(file.lessons).toHaveLength(42);
    file.lessons[0]!.dealName = 'Imported back';
    await previewImportOf(options, {
      name: 'back.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await confirmImport(options);
    await options.close();

    const made = requests.slice(start);
    const network = made.filter((r) => !ownPackage(r.url));
    // Everything on the network was asked for by the CRM page (its document and its saves).
    expect(network.filter((r) => !CRM_PAGE.test(r.from))).toEqual([]);
    // Positive controls: the CRM page's own requests were seen, and the package's files were.
    expect(
      network.some((r) => r.method === 'POST' || r.method === 'PUT' || r.method === 'PATCH'),
    ).toBe(true);
    expect(made.some((r) => r.url.startsWith(`${prefix}chunks/uPlot`))).toBe(true);
    expect(cspViolations).toEqual([]);
  });
});
