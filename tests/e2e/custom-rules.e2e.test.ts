import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOM_SETTLE_MS } from '../../src/crm/custom';
import {
  decisionAbout,
  launchExtension,
  promptOn,
  ROOT,
  storedLessons,
  type Extension,
} from './harness';
import { recordPermissionRequests } from './permission-requests';

/** A CRM Rebound has no adapter for (tests/fixtures/custom/deal.html says what it imitates). */
const HOST = 'https://crm.pipeline-pro.test';
const PATTERN = `${HOST}/deals/*`;
/** The same sandbox page as a CRM that names its deals by `?id=` only. */
const QUERY_HOST = 'https://crm.legacy-sales.test';
const QUERY_PATTERN = `${QUERY_HOST}/*`;
/** User rules have no save request to confirm them: the lost stage must hold CUSTOM_SETTLE_MS. */
const CUSTOM_PROMPT_MS = CUSTOM_SETTLE_MS + 2500;

let ext: Extension;
let saveStatus = 200;

beforeAll(async () => {
  ext = await launchExtension({ grantedHosts: [PATTERN, QUERY_PATTERN] });
  const page = readFileSync(join(ROOT, 'tests/fixtures/custom/deal.html'), 'utf8');
  for (const host of [HOST, QUERY_HOST]) {
    await ext.context.route(`${host}/**`, (route) =>
      new URL(route.request().url()).pathname.startsWith('/api/')
        ? route.fulfill({ status: saveStatus, contentType: 'application/json', body: '{}' })
        : route.fulfill({ status: 200, contentType: 'text/html', body: page }),
    );
  }
});
afterAll(() => ext?.close());

async function openDeal(id: number, query = ''): Promise<Page> {
  saveStatus = 200;
  const page = await ext.context.newPage();
  await page.goto(`${HOST}/deals/${id}${query}`);
  return page;
}

/** A deal of the Pipeline Pro rule, as the detection log names it (host and path). */
const customDeal = (id: number) => ({ crm: 'custom', dealId: `crm.pipeline-pro.test/deals/${id}` });

async function setStage(page: Page, stage: string): Promise<void> {
  await page.locator('.stage-picker').selectOption(stage);
}

describe('user rules for a CRM Rebound has never heard of', () => {
  let openedBefore: Page;

  it('explains what is wrong with a rule before saving it', async () => {
    const options = await ext.openPage('options.html#rules');
    await options.getByRole('button', { name: 'Add a CRM rule' }).click();
    await options.getByLabel('CRM name').fill('Pipeline Pro');
    await options.getByLabel('Deal page URL pattern').fill('crm.pipeline-pro.test');
    await options.getByRole('button', { name: 'Save rule' }).click();
    await options.getByText('Use a pattern like https://crm.example.com/deals/*').waitFor();
    await options.getByLabel('Deal page URL pattern').fill(PATTERN);
    await options.getByLabel('Stage element (CSS selector)').fill('.deal-stage[');
    await options.getByRole('button', { name: 'Save rule' }).click();
    await options.getByText('is not a valid CSS selector').waitFor();
    await options.close();
  });

  it('saves a rule, asking for that one site, and tests it on an open tab', async () => {
    openedBefore = await openDeal(41);
    const options = await ext.openPage('options.html#rules');
    const asked = await recordPermissionRequests(options);
    await options.getByRole('button', { name: 'Add a CRM rule' }).click();
    await options.getByLabel('CRM name').fill('Pipeline Pro');
    await options.getByLabel('Deal page URL pattern').fill(PATTERN);
    await options.getByLabel('Stage element (CSS selector)').fill('.deal-stage');
    await options.getByLabel('Text that means lost').fill('Lost');
    await options.getByLabel('Deal name (CSS selector, optional)').fill('.deal-title');
    await options.getByLabel('Amount (CSS selector, optional)').fill('.deal-amount');
    await options.getByRole('button', { name: 'Save rule' }).click();
    await options.getByText('Saved "Pipeline Pro"').waitFor();
    expect(await asked()).toEqual([{ origins: [PATTERN] }]);

    await options.getByRole('button', { name: 'Test on open tabs' }).click();
    const probe = options.getByTestId('rule-probe');
    await probe.waitFor();
    expect(await probe.textContent()).toContain('Wayne Enterprises — fleet tracking');
    expect(await probe.textContent()).toContain('stage: Negotiation');
    expect(await probe.textContent()).toContain('not lost');
    await options.close();
  });

  it('prompts when a deal is marked lost there, with what the rule reads', async () => {
    const page = await openDeal(42);
    await setStage(page, 'Lost');
    await promptOn(page).waitFor({ timeout: CUSTOM_PROMPT_MS });
    expect(await promptOn(page).getByRole('heading').textContent()).toBe(
      'Lost: Wayne Enterprises — fleet tracking',
    );
    await promptOn(page).getByLabel('Outcome').selectOption({ label: 'No decision / stalled' });
    await promptOn(page).getByRole('button', { name: 'Save' }).click();
    await promptOn(page).waitFor({ state: 'detached' });
    const [lesson] = await storedLessons(ext);
    expect(lesson).toMatchObject({
      crm: 'custom',
      dealId: 'crm.pipeline-pro.test/deals/42',
      dealName: 'Wayne Enterprises — fleet tracking',
      amount: 9900,
      currency: 'GBP',
      stageBefore: 'Negotiation',
    });
  });

  it('also works in the tab that was open before the rule existed, once the rule was tested there', async () => {
    await setStage(openedBefore, 'Lost');
    await promptOn(openedBefore).waitFor({ timeout: CUSTOM_PROMPT_MS });
  });

  it('does not prompt for a deal that loads lost, a won deal, or a refused save', async () => {
    const since = Date.now();
    const loadedLost = await openDeal(50, '?stage=Lost');
    const won = await openDeal(51);
    await setStage(won, 'Won');
    const refused = await openDeal(52);
    saveStatus = 500;
    await setStage(refused, 'Lost');
    await refused.getByText('Could not save the deal.').waitFor();
    // A user rule has no save to decide on, and none of these pages showed a loss: there is no
    // decision to wait for. The refused deal's tab was watching all along: the retry that
    // succeeds prompts. Its loss is reported CUSTOM_SETTLE_MS after it shows, as a wrong report
    // from the pages above would have been after theirs, which came first.
    saveStatus = 200;
    await setStage(refused, 'Negotiation');
    await setStage(refused, 'Lost');
    await promptOn(refused).waitFor({ timeout: CUSTOM_PROMPT_MS });
    await decisionAbout(ext, customDeal(52), { since });
    const decided = (await ext.detectionLog()).filter(
      (e) => e.kind === 'decision' && e.at >= since,
    );
    expect(decided.map((e) => [e.dealId, e.decision])).toEqual([
      [customDeal(52).dealId, 'prompted'],
    ]);
    for (const page of [loadedLost, won]) expect(await promptOn(page).count()).toBe(0);
  });
});

describe('user rules that name the deal by what the user points at', () => {
  it('tells two deals of a CRM that routes by ?id= apart: both prompt', async () => {
    const openQueryDeal = async (id: number) => {
      saveStatus = 200;
      const page = await ext.context.newPage();
      await page.goto(`${QUERY_HOST}/deal.php?id=${id}&name=Legacy deal ${id}`);
      return page;
    };
    const first = await openQueryDeal(7);
    const options = await ext.openPage('options.html#rules');
    await options.getByRole('button', { name: 'Add a CRM rule' }).click();
    await options.getByLabel('CRM name').fill('Legacy Sales');
    await options.getByLabel('Deal page URL pattern').fill(QUERY_PATTERN);
    await options.getByLabel('Stage element (CSS selector)').fill('.deal-stage');
    await options.getByLabel('Deal name (CSS selector, optional)').fill('.deal-title');
    await options
      .getByLabel('Which deal the page shows comes from')
      .selectOption({ label: 'a query parameter (e.g. ?id=42)' });
    await options.getByLabel('Query parameter').fill('id');
    await options.getByRole('button', { name: 'Save rule' }).click();
    await options.getByText('Saved "Legacy Sales"').waitFor();
    // The test probe says which deal the rule reads on the open tab.
    const rule = options.getByTestId('rule').filter({ hasText: 'Legacy Sales' });
    await rule.getByRole('button', { name: 'Test on open tabs' }).click();
    await rule.getByTestId('rule-probe').waitFor();
    expect(await rule.getByTestId('rule-probe').textContent()).toContain(
      'deal id: crm.legacy-sales.test ?id=7',
    );
    await options.close();

    // Identified by path, both would be "crm.legacy-sales.test/deal.php": the second loss
    // would count as the first deal's again and prompt nothing.
    await setStage(first, 'Lost');
    await promptOn(first).waitFor({ timeout: CUSTOM_PROMPT_MS });
    const second = await openQueryDeal(8);
    await setStage(second, 'Lost');
    await promptOn(second).waitFor({ timeout: CUSTOM_PROMPT_MS });
    expect(await promptOn(second).getByRole('heading').textContent()).toBe('Lost: Legacy deal 8');
  });
});
