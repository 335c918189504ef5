import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseStage,
  hubspotDealUrl,
  launchExtension,
  loseHubSpotDeal,
  popupHealthFor,
  serveHubSpot,
  storedLessons,
  type Extension,
  type SandboxCrm,
} from './harness';
import { optionsNav } from './options-page';

let ext: Extension;
let sandbox: SandboxCrm;

beforeAll(async () => {
  ext = await launchExtension();
  sandbox = await serveHubSpot(ext.context);
});
afterAll(() => ext?.close());

/** How long the background may take to decide and write the log after the CRM answered. */
const LOGGED_MS = 5000;
/** The content script reports a deal page 1.5 s after it armed (src/detection/deal-seen.ts). */
const SEEN_MS = 5000;

describe('the detection log in the options page', () => {
  it('shows a loss that prompted and a save the CRM refused, as they happen', async () => {
    await loseHubSpotDeal(ext, { dealId: '880001', name: 'Initech — Log test' });

    const options = await ext.openPage('options.html#detection');
    const log = options.getByRole('region', { name: 'Detection' });
    const prompted = log
      .getByTestId('log-entry')
      .filter({ hasText: 'Initech — Log test' })
      .filter({ hasText: 'Prompted, on the evidence of' });
    await prompted.waitFor({ timeout: LOGGED_MS });
    expect(await prompted.getByText('Prompted', { exact: true }).count()).toBe(1);
    // options.html#detection shows the detection log alone, and the navigation marks it current.
    expect(await options.locator('main h2').allTextContents()).toEqual(['Detection']);
    expect(await optionsNav(options).locator('[aria-current="page"]').allTextContents()).toEqual([
      'Detection',
    ]);

    // The page stays open: the refused save in another tab shows up in it by itself.
    sandbox.saveStatus = 400;
    const refusedTab = await ext.context.newPage();
    await refusedTab.goto(hubspotDealUrl({ dealId: '880002', name: 'Hooli — Refused save' }));
    await chooseStage(refusedTab, 'Closed lost');
    const refused = log
      .getByTestId('log-entry')
      .filter({ hasText: 'Not prompted: the CRM refused the save (answered 400).' });
    await refused.waitFor({ timeout: LOGGED_MS });
    expect(await refused.getByText('Not prompted', { exact: true }).count()).toBe(1);
    sandbox.saveStatus = 200;
    await log
      .getByTestId('crm-health')
      .filter({ hasText: 'HubSpot' })
      .filter({ hasText: '1 prompted, 1 not prompted' })
      .waitFor();

    const [download] = await Promise.all([
      options.waitForEvent('download'),
      log.getByRole('button', { name: 'Export for a bug report' }).click(),
    ]);
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(exported).toContain('"decision": "refused-save"');
    expect(exported).not.toContain('Initech');
    expect(exported).not.toContain('880001');

    await log.getByRole('button', { name: 'Clear the log' }).click();
    await log.getByRole('alertdialog').getByRole('button', { name: 'Clear' }).click();
    await log.getByText('The detection log is cleared.').waitFor();
    expect(await log.getByTestId('log-entry').count()).toBe(0);
    await options.close();
    await refusedTab.close();
  });
});

describe('the popup health warning', () => {
  it('links to the detection log, which names what the page lacked', async () => {
    const { popup, crm, health } = await popupHealthFor(
      ext,
      hubspotDealUrl({ dealId: '880201', layout: 'redesigned' }),
    );
    const [options] = await Promise.all([
      ext.context.waitForEvent('page'),
      health.getByRole('link', { name: 'See what Rebound saw' }).click(),
    ]);
    await options.waitForLoadState();
    expect(new URL(options.url()).pathname + new URL(options.url()).hash).toBe(
      '/options.html#detection',
    );
    await options
      .getByTestId('crm-health')
      .filter({ hasText: 'HubSpot' })
      .filter({ hasText: 'stage field not found on a page' })
      .waitFor();
    await options.close();
    await crm.close();
    await popup.close();
  });
});

describe('"Missed a loss?" in the popup', () => {
  it('offers a deal that was opened but not lost, and starts its reflection prefilled', async () => {
    const dealUrl = hubspotDealUrl({
      dealId: '880101',
      name: 'Vandelay — Import pilot',
      company: 'Vandelay Industries',
    });
    const crm = await ext.context.newPage();
    await crm.goto(dealUrl);

    const popup = await ext.openPage('popup.html');
    const missed = popup.getByRole('region', { name: 'Missed a loss?' });
    const deal = missed.getByTestId('missed-deal').filter({ hasText: 'Vandelay — Import pilot' });
    await deal.waitFor({ timeout: SEEN_MS });
    expect(await deal.textContent()).toContain('HubSpot · last seen');

    const [reflect] = await Promise.all([
      ext.context.waitForEvent('page'),
      deal.getByRole('button', { name: 'Reflect on it' }).click(),
    ]);
    await reflect.waitForLoadState();
    await reflect.getByRole('heading', { name: 'Lost: Vandelay — Import pilot' }).waitFor();
    expect(await reflect.getByLabel('Deal', { exact: true }).inputValue()).toBe(
      'Vandelay — Import pilot',
    );
    expect(await reflect.getByLabel('Company').inputValue()).toBe('Vandelay Industries');

    await reflect.getByLabel('Outcome').selectOption({ label: 'No decision / stalled' });
    await reflect.getByLabel('Main reason').selectOption({ label: 'Champion left' });
    await reflect.getByLabel('…I will').fill('ask who else signs before the pilot starts');
    await reflect.getByRole('button', { name: 'Save' }).click();
    await reflect.getByText('Lesson saved.').waitFor();
    const lessons = await storedLessons(ext);
    expect(lessons.find((l) => l.dealId === '880101')).toMatchObject({
      crm: 'hubspot',
      dealName: 'Vandelay — Import pilot',
      company: 'Vandelay Industries',
      dealUrl,
    });
    await popup.close();
    await crm.close();
  });
});
