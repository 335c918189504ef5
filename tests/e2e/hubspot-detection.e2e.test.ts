import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORRELATION_WINDOW_MS, PAGE_GRACE_MS } from '../../src/detection/correlator';
import {
  chooseStage,
  decisionAbout,
  expectNoPrompt,
  expectPrompt,
  expectPromptedOnce,
  hubspotDealUrl,
  launchExtension,
  promptOn,
  serveHubSpot,
  type Extension,
  type SandboxCrm,
} from './harness';

let ext: Extension;
let sandbox: SandboxCrm;
let nextDeal = 5000;

beforeAll(async () => {
  ext = await launchExtension();
  sandbox = await serveHubSpot(ext.context);
});
afterAll(() => ext?.close());

/** A deal page of its own per test, so one test's prompt never dedupes another's. */
async function openDeal(options: Parameters<typeof hubspotDealUrl>[0] = {}) {
  sandbox.saveStatus = 200;
  const page = await ext.context.newPage();
  await page.goto(hubspotDealUrl({ dealId: String(nextDeal++), ...options }));
  return page;
}

/** The deal a record page shows, as the detection log names it (the record id in its path). */
function dealOn(page: Page) {
  return { crm: 'hubspot', dealId: new URL(page.url()).pathname.split('/').at(-1)! };
}

describe('HubSpot: a deal marked closed-lost', () => {
  it('opens one prompt, named for the deal, once the save succeeds', async () => {
    const page = await openDeal({ name: 'Globex — Analytics pilot' });
    const since = Date.now();
    await chooseStage(page, 'Closed lost');
    await expectPrompt(page);
    expect(await promptOn(page).getAttribute('role')).toBe('dialog');
    await expect(promptOn(page).getByRole('heading').textContent()).resolves.toContain(
      'Globex — Analytics pilot',
    );
    await expectPromptedOnce(ext, page, dealOn(page), since);
    expect(sandbox.saves.at(-1)?.body).toMatchObject({
      propertyValues: [{ name: 'dealstage', value: 'closedlost' }],
    });
  });

  it('works on the EU data centre host too', async () => {
    const page = await openDeal({ host: 'app-eu1.hubspot.com' });
    await chooseStage(page, 'Closed lost');
    await expectPrompt(page);
  });

  it('counts a custom pipeline stage labelled "Closed lost" although its id is numeric', async () => {
    const page = await openDeal({ pipeline: 'custom', stage: '1029385' });
    await chooseStage(page, 'Closed lost');
    await expectPrompt(page);
    expect(sandbox.saves.at(-1)?.body).toMatchObject({ propertyValues: [{ value: '1029387' }] });
  });
});

describe('HubSpot: a bulk edit that marks several deals lost', () => {
  it('opens one panel at a time, saying how many follow, and each deal once', async () => {
    const page = await openDeal();
    const ids = [String(nextDeal++), String(nextDeal++), String(nextDeal++)];
    // The list view's bulk edit: one batch request setting dealstage on every selected deal
    // (the shape of HubSpot's batch update, `inputs: [{ id, properties }]`), sent by the page.
    await page.evaluate(async (ids) => {
      await fetch('/api/crm/v3/objects/deals/batch/update?portalId=20261125', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          inputs: ids.map((id) => ({ id, properties: { dealstage: 'closedlost' } })),
        }),
      });
    }, ids);
    await expectPrompt(page, PAGE_GRACE_MS);
    await expect.poll(() => page.locator('rebound-prompt').count()).toBe(1);
    await expect(promptOn(page).getByTestId('bulk-more').textContent()).resolves.toContain(
      '2 more deals were marked lost just now',
    );
    const decisions = await Promise.all(
      ids.map((dealId) => decisionAbout(ext, { crm: 'hubspot', dealId })),
    );
    expect(decisions.map((d) => d.decision).sort()).toEqual([
      'prompted',
      'queued-bulk',
      'queued-bulk',
    ]);
    // Later on the first (it closes once the background has its answer): the next one opens,
    // and says one more follows.
    await promptOn(page).getByRole('button', { name: 'Later' }).click();
    await expect
      .poll(() => promptOn(page).getByTestId('bulk-more').textContent())
      .toContain('1 more deal was marked lost just now');
    await promptOn(page).getByRole('button', { name: 'Later' }).click();
    await expectPrompt(page);
    await expect.poll(() => promptOn(page).getByTestId('bulk-more').count()).toBe(0);
    await promptOn(page).getByRole('button', { name: 'Later' }).click();
    await expect.poll(() => page.locator('rebound-prompt').count()).toBe(0);
  });
});

describe('HubSpot: no prompt', () => {
  it('when a deal page loads already closed-lost (and it still prompts once the deal is reopened and lost)', async () => {
    const since = Date.now();
    const page = await openDeal({ stage: 'closedlost' });
    // Loading sends no save and reports no change: there is no decision to wait for. The
    // watcher was live all along: a real loss on the same page prompts, and only that one.
    await chooseStage(page, 'Contract sent');
    await chooseStage(page, 'Closed lost');
    await expectPromptedOnce(ext, page, dealOn(page), since);
  });

  it('when a custom pipeline deal is marked won (and a loss after it prompts)', async () => {
    const page = await openDeal({ pipeline: 'custom', stage: '1029385' });
    const since = Date.now();
    await chooseStage(page, 'Closed won');
    // A numeric stage id cannot say lost or not: the page was asked and showed no loss.
    await expectNoPrompt(ext, page, dealOn(page), { since, decision: 'no-page-evidence' });
    const lossAt = Date.now();
    await chooseStage(page, 'Closed lost');
    await expectPromptedOnce(ext, page, dealOn(page), lossAt);
  });

  it('when the CRM answers the save with 500 (and the retry that succeeds prompts)', async () => {
    const page = await openDeal();
    sandbox.saveStatus = 500;
    const since = Date.now();
    await chooseStage(page, 'Closed lost');
    await page.getByRole('alert').filter({ hasText: "couldn't be saved" }).waitFor();
    await expectNoPrompt(ext, page, dealOn(page), { since, decision: 'refused-save' });
    sandbox.saveStatus = 200;
    await chooseStage(page, 'Closed lost');
    await expectPromptedOnce(ext, page, dealOn(page), since);
  });

  it('when the page shows Closed lost at once but the save is then refused: the page alone is no loss (the retry prompts)', async () => {
    const page = await openDeal({ optimistic: '1' });
    const since = Date.now();
    // A window of a second, so what becomes of the page's report is seen now, not in 15 s.
    await ext.setCorrelationWindow(1000);
    try {
      sandbox.saveStatus = 500;
      await chooseStage(page, 'Closed lost');
      await page.getByRole('alert').filter({ hasText: "couldn't be saved" }).waitFor();
      await expectNoPrompt(ext, page, dealOn(page), { since, decision: 'refused-save' });
      // The page showed the loss, but no save confirmed it: its report ends unconfirmed.
      const ended = await decisionAbout(ext, dealOn(page), {
        since,
        accept: (entry) => entry.decision === 'unconfirmed-page',
      });
      expect(ended.at - since).toBeLessThan(CORRELATION_WINDOW_MS);
    } finally {
      sandbox.saveStatus = 200;
      await ext.setCorrelationWindow(undefined);
    }
    await chooseStage(page, 'Closed lost');
    await expectPromptedOnce(ext, page, dealOn(page), since);
  });

  it('when a second tab of the same deal saves the same loss', async () => {
    const dealId = String(nextDeal++);
    const first = await openDeal({ dealId });
    const second = await openDeal({ dealId });
    const since = Date.now();
    await chooseStage(first, 'Closed lost');
    await expectPrompt(first);
    // The second tab still shows the old stage; losing the deal there is the same loss.
    const secondAt = Date.now();
    await chooseStage(second, 'Closed lost');
    await expectNoPrompt(ext, second, dealOn(second), { since: secondAt, decision: 'duplicate' });
    // The deal's one prompt is the first tab's.
    await expectPromptedOnce(ext, first, dealOn(first), since);
  });
});
