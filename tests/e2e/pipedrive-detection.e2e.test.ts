import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoPrompt,
  expectPrompt,
  expectPromptedOnce,
  launchExtension,
  promptOn,
  storedLessons,
  type Extension,
  type SandboxCrm,
} from './harness';
import {
  BOARD_DEALS,
  boardCard,
  confirmLost,
  dragCard,
  lostModal,
  markDealLost,
  pipedriveBoardUrl,
  pipedriveDealUrl,
  servePipedrive,
  type PipedriveBoard,
  type PipedriveDeal,
} from './pipedrive.sandbox';

let ext: Extension;
let sandbox: SandboxCrm;
let nextDeal = 41_000;
let nextBoard = 52_000;

beforeAll(async () => {
  ext = await launchExtension();
  sandbox = await servePipedrive(ext.context);
});
afterAll(() => ext?.close());

/** A deal page of its own per test, so one test's prompt never dedupes another's. */
async function openDeal(options: Omit<PipedriveDeal, 'dealId'> & { dealId?: string } = {}) {
  sandbox.saveStatus = 200;
  const page = await ext.context.newPage();
  await page.goto(pipedriveDealUrl({ dealId: String(nextDeal++), ...options }));
  return page;
}

/** A board of its own per test: its cards' deal ids are `first`, `first + 1` … */
async function openBoard(options: Omit<PipedriveBoard, 'first'> = {}) {
  sandbox.saveStatus = 200;
  const first = nextBoard;
  nextBoard += 10;
  const page = await ext.context.newPage();
  await page.goto(pipedriveBoardUrl({ first, ...options }));
  return { page, first };
}

/** A deal as the detection log names it. */
const deal = (dealId: string | number) => ({ crm: 'pipedrive', dealId: String(dealId) });
/** The deal a deal page shows (`/deal/<id>`). */
const dealOn = (page: Page) => deal(new URL(page.url()).pathname.split('/')[2]!);
/** A board card's deal: the cards' ids follow the board's `first` in BOARD_DEALS order. */
const cardDeal = (first: number, card: keyof typeof BOARD_DEALS) =>
  deal(first + Object.keys(BOARD_DEALS).indexOf(card));

const header = (page: Page) => page.locator('[data-test="deal-details-header"]');
const statusBadge = (page: Page) => page.locator('[data-test="deal-status-badge"]');
const saveError = (page: Page) =>
  page.getByRole('alert').filter({ hasText: 'The deal was not updated' });

async function lessonFor(dealId: string) {
  return (await storedLessons(ext)).find((lesson) => lesson.dealId === dealId);
}

/** Answers the prompt briefly and saves it, so the stored lesson shows what was read. */
async function saveLesson(page: Page) {
  const prompt = promptOn(page);
  await prompt.getByLabel('Outcome').selectOption({ label: 'Lost to a competitor' });
  await prompt.getByLabel('Main reason').selectOption({ label: 'Price / value' });
  await prompt.getByLabel('…I will').fill('price the pilot first');
  await prompt.getByRole('button', { name: 'Save' }).click();
  await prompt.waitFor({ state: 'detached' });
}

describe('Pipedrive deal page: Lost → "Mark as lost"', () => {
  it('opens one prompt, named for the deal, once the v1 save succeeds', async () => {
    const page = await openDeal({ title: 'Initech — Fleet tracking rollout' });
    const dealId = new URL(page.url()).pathname.split('/')[2]!;
    const since = Date.now();
    await markDealLost(page, 'Lost to competitor');
    await expectPrompt(page);
    expect(await promptOn(page).getByRole('heading').first().textContent()).toContain(
      'Initech — Fleet tracking rollout',
    );
    expect(await promptOn(page).textContent()).toContain('Initech · was Proposal made');
    await expectPromptedOnce(ext, page, deal(dealId), since);
    expect(sandbox.saves.at(-1)).toMatchObject({
      method: 'PUT',
      url: expect.stringContaining(`/api/v1/deals/${dealId}`),
      body: { status: 'lost', lost_reason: 'Lost to competitor' },
    });
    // What the user sees in Pipedrive: the Lost badge and the reason, no Won/Lost buttons.
    expect(await statusBadge(page).textContent()).toBe('Lost');
    expect(await header(page).getByText('Lost to competitor').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Won', exact: true }).count()).toBe(0);
  });

  it('keeps the deal title, value, currency, organization and stage in the lesson', async () => {
    const page = await openDeal({
      title: 'Vandelay — Import ledger',
      value: '€12,500',
      org: 'Vandelay Industries',
      stage: '5',
    });
    const dealId = new URL(page.url()).pathname.split('/')[2]!;
    await markDealLost(page);
    await expectPrompt(page);
    await saveLesson(page);
    expect(await lessonFor(dealId)).toMatchObject({
      crm: 'pipedrive',
      dealName: 'Vandelay — Import ledger',
      amount: 12500,
      currency: 'EUR',
      company: 'Vandelay Industries',
      stageBefore: 'Negotiations started',
      dealUrl: expect.stringContaining(`acme.pipedrive.com/deal/${dealId}`),
    });
  });

  it('works when the app saves through the v2 API (PATCH, whose body Chromium does not show)', async () => {
    const page = await openDeal({ api: 'v2' });
    const dealId = new URL(page.url()).pathname.split('/')[2]!;
    const since = Date.now();
    await markDealLost(page);
    await expectPromptedOnce(ext, page, deal(dealId), since);
    expect(sandbox.saves.at(-1)).toMatchObject({
      method: 'PATCH',
      url: expect.stringContaining(`/api/v2/deals/${dealId}`),
      body: { status: 'lost' },
    });
  });

  it('says the stage the deal was moved to on the page before it was lost', async () => {
    const page = await openDeal();
    const since = Date.now();
    await page.locator('[data-test="pipeline-stage"]', { hasText: 'Negotiations started' }).click();
    await page
      .locator('[data-test="pipeline-stage"][aria-current="step"]', {
        hasText: 'Negotiations started',
      })
      .waitFor();
    expect(sandbox.saves.at(-1)?.body).toEqual({ stage_id: 5 });
    // A save of stage_id alone is no stage save to the observer: nothing to decide. The loss
    // after it is the deal's only prompt, and it names the stage the page showed then.
    await markDealLost(page);
    await expectPromptedOnce(ext, page, dealOn(page), since);
    expect(await promptOn(page).textContent()).toContain('was Negotiations started');
  });

  it('works with a free-text lost reason', async () => {
    const page = await openDeal({ reasons: 'free' });
    await markDealLost(page, 'Went with an in-house build');
    await expectPrompt(page);
    expect(sandbox.saves.at(-1)?.body).toEqual({
      status: 'lost',
      lost_reason: 'Went with an in-house build',
    });
  });
});

describe('Pipedrive board: a card dropped on "Lost"', () => {
  it('opens one prompt for the dragged deal once the v2 save succeeds, and the card leaves', async () => {
    const { page, first } = await openBoard();
    const since = Date.now();
    await dragCard(page, BOARD_DEALS.globex, 'Lost');
    await lostModal(page).waitFor();
    await confirmLost(page, 'No budget');
    await expectPrompt(page);
    expect(await promptOn(page).getByRole('heading').first().textContent()).toContain(
      BOARD_DEALS.globex,
    );
    expect(await promptOn(page).textContent()).toContain('Globex · was Proposal made');
    await expectPromptedOnce(ext, page, cardDeal(first, 'globex'), since);
    expect(sandbox.saves.at(-1)).toMatchObject({
      method: 'PATCH',
      url: expect.stringContaining(`/api/v2/deals/${first}`),
      body: { status: 'lost', lost_reason: 'No budget' },
    });
    expect(await boardCard(page, BOARD_DEALS.globex).count()).toBe(0);
    await saveLesson(page);
    expect(await lessonFor(String(first))).toMatchObject({
      dealName: BOARD_DEALS.globex,
      amount: 48000,
      currency: 'USD',
      company: 'Globex',
      stageBefore: 'Proposal made',
      dealUrl: expect.stringContaining('/pipeline/1/user/everyone'),
    });
  });

  it('names the right deal when another card was dragged before', async () => {
    const { page, first } = await openBoard({ reasons: 'free' });
    // A card moved to another stage first, then a different card lost.
    await dragCard(page, BOARD_DEALS.umbrella, 'Contact made');
    await expect.poll(() => sandbox.saves.at(-1)?.body).toEqual({ stage_id: 2 });
    await dragCard(page, BOARD_DEALS.stark, 'Lost');
    await confirmLost(page, 'Chose a competitor');
    await expectPrompt(page);
    expect(await promptOn(page).getByRole('heading').first().textContent()).toContain(
      BOARD_DEALS.stark,
    );
    expect(sandbox.saves.at(-1)?.url).toContain(`/api/v2/deals/${first + 3}`);
  });
});

describe('Pipedrive deal page: no prompt', () => {
  it('when the deal page loads already lost (and it still prompts once the deal is reopened and lost)', async () => {
    const since = Date.now();
    const page = await openDeal({ status: 'lost', reason: 'No decision' });
    expect(await statusBadge(page).textContent()).toBe('Lost');
    // Loading sends no save and reports no change: no decision to wait for. The watchers were
    // live all along: a real loss on the same page prompts, and it is the deal's only prompt.
    await page.getByRole('button', { name: 'Reopen' }).click();
    await page.getByRole('button', { name: 'Lost', exact: true }).waitFor();
    await markDealLost(page);
    await expectPromptedOnce(ext, page, dealOn(page), since);
  });

  it('when the "Mark as lost" modal is cancelled', async () => {
    const page = await openDeal();
    const savesBefore = sandbox.saves.length;
    const since = Date.now();
    await page.getByRole('button', { name: 'Lost', exact: true }).click();
    await lostModal(page).getByLabel('Lost reason').selectOption('No budget');
    await lostModal(page).getByRole('button', { name: 'Cancel' }).click();
    await lostModal(page).waitFor({ state: 'hidden' });
    // A cancelled modal sends nothing: no decision to wait for. The real loss after it is the
    // deal's only prompt (one from the cancel, however late, would be a second).
    expect(sandbox.saves.length).toBe(savesBefore);
    await markDealLost(page);
    await expectPromptedOnce(ext, page, dealOn(page), since);
  });

  it('when Pipedrive answers the save with 500 (the deal stays open)', async () => {
    const page = await openDeal();
    sandbox.saveStatus = 500;
    const since = Date.now();
    await markDealLost(page);
    await saveError(page).waitFor();
    expect(await page.getByRole('button', { name: 'Lost', exact: true }).count()).toBe(1);
    expect(await statusBadge(page).count()).toBe(0);
    await expectNoPrompt(ext, page, dealOn(page), { since, decision: 'refused-save' });
    // The retry that succeeds is the real loss, and the deal's only prompt.
    sandbox.saveStatus = 200;
    await markDealLost(page);
    await expectPromptedOnce(ext, page, dealOn(page), since);
  });

  // The v2 API's PATCH body is hidden from webRequest: the later win's save cannot say it is not
  // a loss, so only the page (showing Won) keeps the refused loss's report from pairing with it.
  it('when a refused loss is followed by marking the deal Won (v2 API)', async () => {
    const page = await openDeal({ api: 'v2' });
    sandbox.saveStatus = 500;
    const since = Date.now();
    await markDealLost(page);
    await saveError(page).waitFor();
    await expectNoPrompt(ext, page, dealOn(page), { since, decision: 'refused-save' });
    sandbox.saveStatus = 200;
    const wonAt = Date.now();
    await page.getByRole('button', { name: 'Won', exact: true }).click();
    await statusBadge(page).filter({ hasText: 'Won' }).waitFor();
    await expectNoPrompt(ext, page, dealOn(page), { since: wonAt, decision: 'no-page-evidence' });
    // Reopened and lost for real, it prompts: the deal's only prompt.
    await page.getByRole('button', { name: 'Reopen' }).click();
    await page.getByRole('button', { name: 'Lost', exact: true }).waitFor();
    await markDealLost(page);
    await expectPromptedOnce(ext, page, dealOn(page), since);
  });

  it('when the header shows Lost at once but the save is then refused (the retry prompts)', async () => {
    const page = await openDeal({ optimistic: '1' });
    sandbox.saveStatus = 500;
    const since = Date.now();
    await markDealLost(page);
    await saveError(page).waitFor();
    expect(await statusBadge(page).count()).toBe(0);
    await expectNoPrompt(ext, page, dealOn(page), { since, decision: 'refused-save' });
    sandbox.saveStatus = 200;
    await markDealLost(page);
    await expectPromptedOnce(ext, page, dealOn(page), since);
  });
});

describe('Pipedrive board: no prompt', () => {
  it('when the drop on "Lost" is cancelled (and a later drop still prompts)', async () => {
    const { page, first } = await openBoard();
    const savesBefore = sandbox.saves.length;
    const since = Date.now();
    await dragCard(page, BOARD_DEALS.hooli, 'Lost');
    await lostModal(page).getByRole('button', { name: 'Cancel' }).click();
    await lostModal(page).waitFor({ state: 'hidden' });
    // A cancelled drop sends nothing: no decision to wait for. The later drop is the deal's
    // only prompt (one from the cancel, however late, would be a second).
    expect(sandbox.saves.length).toBe(savesBefore);
    expect(await boardCard(page, BOARD_DEALS.hooli).count()).toBe(1);
    await dragCard(page, BOARD_DEALS.hooli, 'Lost');
    await confirmLost(page, 'No decision');
    await expectPromptedOnce(ext, page, cardDeal(first, 'hooli'), since);
  });

  it('when the card is dropped on "Delete" or moved to another stage (and a later loss still prompts)', async () => {
    const { page, first } = await openBoard();
    const since = Date.now();
    await dragCard(page, BOARD_DEALS.stark, 'Delete');
    await boardCard(page, BOARD_DEALS.stark).waitFor({ state: 'detached' });
    expect(sandbox.saves.at(-1)?.method).toBe('DELETE');
    await dragCard(page, BOARD_DEALS.globex, 'Negotiations started');
    await expect.poll(() => sandbox.saves.at(-1)?.body).toEqual({ stage_id: 5 });
    // The board saves through v2, whose PATCH body Chromium does not show: the page was asked
    // about the deal and showed no loss.
    const globex = cardDeal(first, 'globex');
    await expectNoPrompt(ext, page, globex, { since, decision: 'no-page-evidence' });
    await dragCard(page, BOARD_DEALS.hooli, 'Lost');
    await confirmLost(page, 'No decision');
    await expectPromptedOnce(ext, page, cardDeal(first, 'hooli'), since);
  });

  it('when the board takes the card off at once and puts it back as the save is refused (then it is won)', async () => {
    const { page, first } = await openBoard({ optimistic: '1' });
    const globex = cardDeal(first, 'globex');
    sandbox.saveStatus = 500;
    const since = Date.now();
    await dragCard(page, BOARD_DEALS.globex, 'Lost');
    await confirmLost(page, 'No budget');
    await saveError(page).waitFor();
    expect(await boardCard(page, BOARD_DEALS.globex).count()).toBe(1);
    await expectNoPrompt(ext, page, globex, { since, decision: 'refused-save' });
    sandbox.saveStatus = 200;
    const wonAt = Date.now();
    await dragCard(page, BOARD_DEALS.globex, 'Won');
    await boardCard(page, BOARD_DEALS.globex).waitFor({ state: 'detached' });
    await expectNoPrompt(ext, page, globex, { since: wonAt, decision: 'no-page-evidence' });
    // The same optimistic board prompts for a loss that stands.
    await dragCard(page, BOARD_DEALS.hooli, 'Lost');
    await confirmLost(page, 'No decision');
    await expectPromptedOnce(ext, page, cardDeal(first, 'hooli'), since);
  });
});
