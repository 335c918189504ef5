import { randomUUID } from 'node:crypto';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomRuleSchema } from '../../src/settings/schema';
import {
  clickByRole,
  clickPromptButton,
  choosePromptOption,
  expectFirefoxPromptedOnce,
  expectNoFirefoxPrompt,
  fillPromptField,
  launchFirefoxExtension,
  until,
  waitForPrompt,
  type FirefoxExtension,
} from './firefox';
import { decisionAbout, hubspotDealUrl, type DealOptions } from './harness';
import { pipedriveDealUrl, type PipedriveDeal } from './pipedrive.sandbox';
import { hubspotReply, newSandbox, pipedriveReply } from './sandbox-replies';

/*
 * Issue #12: the loop a user lives through, in Firefox ESR with the built Firefox add-on, on
 * the sandbox HubSpot and Pipedrive (the Chromium tests' sandboxes). One browser for the file.
 */
let ext: FirefoxExtension;
const hubspot = newSandbox();
const pipedrive = newSandbox();
let nextDeal = 880_000;

/** A CRM Rebound has no adapter for (tests/fixtures/custom/deal.html), for a user rule. */
const CUSTOM_HOST = 'https://crm.pipeline-pro.test';
const CUSTOM_PATTERN = `${CUSTOM_HOST}/deals/*`;

beforeAll(async () => {
  ext = await launchFirefoxExtension({ grantedHosts: [CUSTOM_PATTERN] });
});
afterAll(() => ext?.close());

async function openHubSpotDeal(options: DealOptions = {}): Promise<Page> {
  hubspot.saveStatus = 200;
  const page = await ext.crmPage((request, fixture) => hubspotReply(hubspot, request, fixture));
  await page.goto(hubspotDealUrl({ dealId: String(nextDeal++), ...options }));
  return page;
}

async function openPipedriveDeal(options: Omit<PipedriveDeal, 'dealId'> = {}): Promise<Page> {
  pipedrive.saveStatus = 200;
  const page = await ext.crmPage((request, fixture) => pipedriveReply(pipedrive, request, fixture));
  await page.goto(pipedriveDealUrl({ dealId: String(nextDeal++), ...options }));
  return page;
}

/** HubSpot's stage dropdown, as a user chooses in it. */
async function chooseStage(page: Page, label: string) {
  await page.click('[data-test-id="dropdown-toggle"]');
  await clickByRole(page, 'option', label);
}

/** Pipedrive's header "Lost" button, then its modal's reason and confirmation. */
async function markPipedriveLost(page: Page) {
  await clickByRole(page, 'button', 'Lost');
  const reason = await page.waitForSelector(
    '[role="dialog"] ::-p-aria([name="Lost reason"][role="combobox"])',
  );
  await reason!.select('Price too high');
  await page.locator('[role="dialog"] ::-p-aria([name="Mark as lost"][role="button"])').click();
}

const hubspotDeal = (page: Page) => ({
  crm: 'hubspot',
  dealId: new URL(page.url()).pathname.split('/').at(-1)!,
});
const pipedriveDeal = (page: Page) => ({
  crm: 'pipedrive',
  dealId: new URL(page.url()).pathname.split('/')[2]!,
});

/** Answers the prompt briefly and saves it; resolves once the prompt has gone. */
async function answerAndSave(page: Page, plan: string) {
  await choosePromptOption(page, 'Outcome', 'Lost to a competitor');
  await choosePromptOption(page, 'Main reason', 'Price / value');
  await fillPromptField(page, '…I will', plan);
  await clickPromptButton(page, 'Save');
  await until('the prompt to close after saving', async () => !(await page.$('rebound-prompt')));
}

/** The text of an extension page once `selector` shows `text`. */
async function extensionPageShows(page: Page, selector: string, text: string) {
  return until(`"${text}" in ${selector}`, () =>
    page.evaluate(
      (selector, text) =>
        [...document.querySelectorAll(selector)].some((el) => el.textContent?.includes(text)),
      selector,
      text,
    ),
  );
}

/** The popup and the options library both list the lesson of `dealName`, with its plan. */
async function expectLessonListed(dealName: string, plan: string) {
  const popup = await ext.openPage('popup.html');
  await extensionPageShows(popup, '[aria-label="Recent lessons"] li', dealName);
  await extensionPageShows(popup, '[aria-label="Recent lessons"] li', plan);
  await popup.close();
  const options = await ext.openPage('options.html#library');
  await extensionPageShows(options, '[data-testid="lesson-row"]', dealName);
  await options.close();
}

describe('Firefox: the loop on HubSpot', () => {
  it('prompts on a loss the CRM saved, keeps the answers as a lesson, and lists it in the popup and the library', async () => {
    const page = await openHubSpotDeal({ name: 'Initech — Payroll migration', amount: '$9,000' });
    await chooseStage(page, 'Closed lost');
    await waitForPrompt(page);
    const entry = await decisionAbout(ext, hubspotDeal(page));
    // Firefox's webRequest reads the save's body: the save itself says lost.
    expect(entry).toMatchObject({ decision: 'prompted', evidence: 'save + page' });
    await answerAndSave(page, 'ask for the economic buyer in week one');
    const lesson = (await ext.storedLessons()).find((l) => l.dealId === hubspotDeal(page).dealId);
    expect(lesson).toMatchObject({
      crm: 'hubspot',
      dealName: 'Initech — Payroll migration',
      amount: 9000,
      outcome: 'competitor',
      reason: 'competitor.price-value',
      answers: { planAction: 'ask for the economic buyer in week one' },
    });
    await expectLessonListed('Initech — Payroll migration', 'ask for the economic buyer');
    await page.close();
  });
});

describe('Firefox: no prompt on HubSpot', () => {
  it('when a deal page loads already closed-lost (and it prompts once the deal is reopened and lost)', async () => {
    const since = Date.now();
    const page = await openHubSpotDeal({ stage: 'closedlost' });
    // Loading sends no save and reports no change: no decision to wait for. The watcher was
    // live all along: a real loss on the same page prompts, and only that one.
    await chooseStage(page, 'Contract sent');
    await chooseStage(page, 'Closed lost');
    await expectFirefoxPromptedOnce(ext, page, hubspotDeal(page), since);
    await page.close();
  });

  it('when the deal is marked Closed won (and a loss after it prompts)', async () => {
    const page = await openHubSpotDeal();
    const since = Date.now();
    await chooseStage(page, 'Closed won');
    await expectNoFirefoxPrompt(ext, page, hubspotDeal(page), since, 'not-lost');
    const lossAt = Date.now();
    await chooseStage(page, 'Closed lost');
    await expectFirefoxPromptedOnce(ext, page, hubspotDeal(page), lossAt);
    await page.close();
  });

  it('when HubSpot refuses the save with 500 (and the retry that succeeds prompts)', async () => {
    const page = await openHubSpotDeal();
    hubspot.saveStatus = 500;
    const since = Date.now();
    await chooseStage(page, 'Closed lost');
    await expectNoFirefoxPrompt(ext, page, hubspotDeal(page), since, 'refused-save');
    hubspot.saveStatus = 200;
    await chooseStage(page, 'Closed lost');
    await expectFirefoxPromptedOnce(ext, page, hubspotDeal(page), since);
    await page.close();
  });
});

describe('Firefox: the loop on Pipedrive', () => {
  it('prompts once the v2 PATCH save succeeds, reading its body, and lists the lesson', async () => {
    const page = await openPipedriveDeal({ title: 'Globex — Data platform', api: 'v2' });
    await markPipedriveLost(page);
    await waitForPrompt(page);
    const log = await ext.detectionLog();
    // Chromium's webRequest shows no PATCH body; Firefox's does, so the save alone says lost.
    expect(
      log.find((e) => e.kind === 'save' && e.dealId === pipedriveDeal(page).dealId),
    ).toMatchObject({ lost: true, status: 200 });
    await answerAndSave(page, 'price the pilot first');
    const lesson = (await ext.storedLessons()).find((l) => l.dealId === pipedriveDeal(page).dealId);
    expect(lesson).toMatchObject({ crm: 'pipedrive', dealName: 'Globex — Data platform' });
    await expectLessonListed('Globex — Data platform', 'price the pilot first');
    await page.close();
  });

  it('shows no prompt for a deal that loads lost (and prompts once it is reopened and lost)', async () => {
    const since = Date.now();
    const page = await openPipedriveDeal({ status: 'lost', reason: 'No decision' });
    // Loading sends no save and reports no change: no decision to wait for. The watchers were
    // live all along: a real loss on the same page prompts, and it is the deal's only prompt.
    await clickByRole(page, 'button', 'Reopen');
    await markPipedriveLost(page);
    await expectFirefoxPromptedOnce(ext, page, pipedriveDeal(page), since);
    await page.close();
  });

  it('shows no prompt for a won deal: its v2 save says so itself (and a loss after it prompts)', async () => {
    const page = await openPipedriveDeal({ api: 'v2' });
    const since = Date.now();
    await clickByRole(page, 'button', 'Won');
    // Chromium cannot read this PATCH body and has to ask the page; Firefox reads "won" in it.
    await expectNoFirefoxPrompt(ext, page, pipedriveDeal(page), since, 'not-lost');
    const lossAt = Date.now();
    await clickByRole(page, 'button', 'Reopen');
    await markPipedriveLost(page);
    await expectFirefoxPromptedOnce(ext, page, pipedriveDeal(page), lossAt);
    await page.close();
  });

  it('shows no prompt when Pipedrive refuses the save with 500 (and the retry that succeeds prompts)', async () => {
    const page = await openPipedriveDeal();
    pipedrive.saveStatus = 500;
    const since = Date.now();
    await markPipedriveLost(page);
    await expectNoFirefoxPrompt(ext, page, pipedriveDeal(page), since, 'refused-save');
    pipedrive.saveStatus = 200;
    await markPipedriveLost(page);
    await expectFirefoxPromptedOnce(ext, page, pipedriveDeal(page), since);
    await page.close();
  });
});

describe('Firefox: a user rule for a CRM Rebound has no adapter for', () => {
  it('registers its content script at run time, and that script prompts on a loss there', async () => {
    const rule = CustomRuleSchema.parse({
      id: randomUUID(),
      name: 'Pipeline Pro',
      urlPattern: CUSTOM_PATTERN,
      stageSelector: '.deal-stage',
      lostText: 'Lost',
      dealNameSelector: '.deal-title',
    });
    type Api = {
      storage: { local: { set(items: object): Promise<void> } };
      scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> };
    };
    // Saved as the options page saves rules (one storage item); the background hears of it.
    await ext.inExtension(
      (rules) =>
        (globalThis as unknown as { browser: Api }).browser.storage.local.set({
          customRules: rules,
        }),
      [rule],
    );
    await until('the rule to be registered (scripting.registerContentScripts)', () =>
      ext.inExtension(
        (pattern) =>
          (globalThis as unknown as { browser: Api }).browser.scripting
            .getRegisteredContentScripts()
            .then((scripts) => scripts.some((script) => script.matches?.includes(pattern))),
        CUSTOM_PATTERN,
      ),
    );
    const page = await ext.crmPage((request, fixture) =>
      new URL(request.url).pathname.startsWith('/api/')
        ? { status: 200, contentType: 'application/json', body: '{}' }
        : { status: 200, contentType: 'text/html', body: fixture('custom/deal.html') },
    );
    await page.goto(`${CUSTOM_HOST}/deals/42`);
    await page.select('.stage-picker', 'Lost');
    // A user rule has no save to confirm it: the loss counts once the page has shown it a while.
    await waitForPrompt(page);
    expect(
      await decisionAbout(ext, { crm: 'custom', dealId: 'crm.pipeline-pro.test/deals/42' }),
    ).toMatchObject({ decision: 'prompted' });
    await page.close();
  });
});
