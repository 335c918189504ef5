import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KANBAN_SETTLE_MS } from '../../src/crm/zoho';
import {
  expectNoPrompt,
  expectPrompt,
  expectPromptedOnce,
  launchExtension,
  promptOn,
  type Extension,
} from './harness';
import {
  chooseHeaderStage,
  dragCard,
  editStageInline,
  giveReasonForLoss,
  kanbanCard,
  kanbanColumn,
  reasonPopup,
  serveZoho,
  shownStage,
  zohoDealUrl,
  zohoKanbanUrl,
  type KanbanDeal,
  type ZohoDealOptions,
  type ZohoSandbox,
} from './zoho.sandbox';

let ext: Extension;
let sandbox: ZohoSandbox;
/** Zoho record ids are 19 digits; each test has deals of its own, so no prompt dedupes another's. */
let nextDeal = 4876876000000100000n;
const newDealId = () => String(nextDeal++);

beforeAll(async () => {
  ext = await launchExtension();
  sandbox = await serveZoho(ext.context);
});
afterAll(() => ext?.close());

function resetSandbox() {
  sandbox.saveStatus = 200;
  sandbox.saveRecord = 'success';
  sandbox.saveDelayMs = 150;
}

async function openDeal(options: Partial<ZohoDealOptions> = {}): Promise<Page> {
  resetSandbox();
  const page = await ext.context.newPage();
  await page.goto(zohoDealUrl({ dealId: newDealId(), ...options }));
  return page;
}

async function openKanban(deals: KanbanDeal[], host?: string): Promise<Page> {
  resetSandbox();
  const page = await ext.context.newPage();
  await page.goto(zohoKanbanUrl(deals, host));
  return page;
}

/** Loses the deal on its record page with the header's picker, answering the reason popup. */
async function loseInHeader(page: Page, stage = 'Closed Lost'): Promise<void> {
  await chooseHeaderStage(page, stage);
  await giveReasonForLoss(page);
}

/**
 * A card dropped into a lost column counts once it stayed there KANBAN_SETTLE_MS (the board
 * moves cards before the server answers): its prompt is due that much later than a record
 * page's.
 */
const expectKanbanPrompt = (page: Page) => expectPrompt(page, KANBAN_SETTLE_MS);

/** A deal as the detection log names it (its record id). */
const deal = (dealId: string) => ({ crm: 'zoho', dealId });
/** The deal a record page shows (`…/tab/Potentials/<id>`). */
const dealOn = (page: Page) => deal(new URL(page.url()).pathname.split('/').at(-1)!);

function cardInColumn(page: Page, name: string, stage: string) {
  return kanbanColumn(page, stage).locator('[data-zcqa="kanban_card"]').filter({ hasText: name });
}

describe('Zoho CRM: a deal moved to a lost stage on its record page', () => {
  it('opens one prompt, named for the deal, once the header picker saves Closed Lost with a reason', async () => {
    const page = await openDeal({ name: 'Globex — Analytics pilot' });
    const since = Date.now();
    await chooseHeaderStage(page, 'Closed Lost');
    await expect(reasonPopup(page).isVisible()).resolves.toBe(true);
    await giveReasonForLoss(page, 'Lost to Competitor');
    await expectPrompt(page);
    await expect(promptOn(page).getByRole('heading').textContent()).resolves.toContain(
      'Globex — Analytics pilot',
    );
    // The account and the stage the deal left, as the record page showed them.
    await expect(promptOn(page).textContent()).resolves.toContain(
      'Acme Corp · was Negotiation/Review',
    );
    await expectPromptedOnce(ext, page, dealOn(page), since);
    expect(sandbox.saves.at(-1)).toMatchObject({
      method: 'PUT',
      url: 'https://crm.zoho.com/crm/v2.2/Deals',
      body: { data: [{ Stage: 'Closed Lost', Reason_For_Loss__s: 'Lost to Competitor' }] },
    });
  });

  it('prompts for "Closed-Lost to Competition" too, saved by editing the Stage field inline', async () => {
    const page = await openDeal();
    await editStageInline(page, 'Closed-Lost to Competition');
    await giveReasonForLoss(page);
    await expectPrompt(page);
    expect(sandbox.saves.at(-1)?.body).toMatchObject({
      data: [{ Stage: 'Closed-Lost to Competition' }],
    });
  });

  it('works on the EU data centre host, in a layout that shows the stage only in Deal Information', async () => {
    const page = await openDeal({ host: 'crm.zoho.eu', layout: 'compact' });
    await expect(page.locator('[data-zcqa="dv_stage_value"]').count()).resolves.toBe(0);
    await editStageInline(page, 'Closed Lost');
    await giveReasonForLoss(page);
    await expectPrompt(page);
    expect(sandbox.saves.at(-1)?.url).toBe('https://crm.zoho.eu/crm/v2.2/Deals');
  });

  it('works when the header has no stage picker, only the stage-history bar, in an org that asks no reason', async () => {
    const page = await openDeal({ host: 'crm.zoho.in', layout: 'bar', reason: '0' });
    await editStageInline(page, 'Closed Lost');
    await expectPrompt(page);
    await expect(
      page.locator('[data-zcqa="dv_stage_history"] [aria-current="step"]').textContent(),
    ).resolves.toBe('Closed Lost');
  });
});

describe('Zoho CRM: a deal card dropped into a lost column of the Kanban view', () => {
  it('opens one prompt, named for the deal, once the save succeeds', async () => {
    const id = newDealId();
    const page = await openKanban([
      {
        id,
        stage: 'Negotiation/Review',
        name: 'Umbrella — Fleet renewal',
        amount: '$72,500.00',
        account: 'Umbrella Corp',
      },
      { id: newDealId(), stage: 'Qualification', name: 'Hooli — Pilot' },
    ]);
    const since = Date.now();
    await dragCard(page, 'Umbrella — Fleet renewal', 'Closed Lost');
    await expectKanbanPrompt(page);
    await expect(promptOn(page).getByRole('heading').textContent()).resolves.toContain(
      'Umbrella — Fleet renewal',
    );
    await expect(promptOn(page).textContent()).resolves.toContain(
      'Umbrella Corp · was Negotiation/Review',
    );
    await expectPromptedOnce(ext, page, deal(id), since);
    expect(sandbox.saves.at(-1)).toMatchObject({
      method: 'POST',
      url: 'https://crm.zoho.com/crm/org20261125/kanbanview/updaterecord',
      body: { module: 'Potentials', recordId: id, Stage: 'Closed Lost' },
    });
  });

  it('prompts for the Closed-Lost to Competition column, on the Australian data centre host', async () => {
    const page = await openKanban(
      [{ id: newDealId(), stage: 'Proposal/Price Quote', name: 'Wayne — Security audit' }],
      'crm.zoho.com.au',
    );
    await dragCard(page, 'Wayne — Security audit', 'Closed-Lost to Competition');
    await expectKanbanPrompt(page);
    expect(sandbox.saves.at(-1)?.url).toMatch(/^https:\/\/crm\.zoho\.com\.au\/crm\//);
  });
});

describe('Zoho CRM: no prompt', () => {
  it('when a record page loads already Closed Lost (and it prompts once the deal is reopened and lost)', async () => {
    const since = Date.now();
    const page = await openDeal({ stage: 'Closed Lost' });
    // Loading sends no save and reports no change: no decision to wait for. The watcher was
    // live all along: a real loss on the same page prompts, the deal's only prompt.
    await chooseHeaderStage(page, 'Negotiation/Review');
    await expect.poll(() => shownStage(page).textContent()).toBe('Negotiation/Review');
    await loseInHeader(page);
    await expectPromptedOnce(ext, page, dealOn(page), since);
  });

  it('when the user cancels the Reason for loss popup (nothing is saved)', async () => {
    const page = await openDeal();
    const savesBefore = sandbox.saves.length;
    const since = Date.now();
    await chooseHeaderStage(page, 'Closed Lost');
    await reasonPopup(page).getByRole('button', { name: 'Cancel' }).click();
    await reasonPopup(page).waitFor({ state: 'hidden' });
    // A cancelled popup sends nothing: no decision to wait for. The real loss after it is the
    // deal's only prompt (one from the cancel, however late, would be a second).
    expect(sandbox.saves.length).toBe(savesBefore);
    await expect(shownStage(page).textContent()).resolves.toBe('Negotiation/Review');
    await loseInHeader(page);
    await expectPromptedOnce(ext, page, dealOn(page), since);
  });

  it("when Zoho answers the record page's save with 500 (the page keeps the old stage)", async () => {
    const page = await openDeal();
    sandbox.saveStatus = 500;
    const since = Date.now();
    await loseInHeader(page);
    await page.getByRole('alert').filter({ hasText: 'Sandbox refused the save' }).waitFor();
    await expect(shownStage(page).textContent()).resolves.toBe('Negotiation/Review');
    await expectNoPrompt(ext, page, dealOn(page), { since, decision: 'refused-save' });
    // The retry that succeeds is the real loss, and the deal's only prompt.
    sandbox.saveStatus = 200;
    await loseInHeader(page);
    await expectPromptedOnce(ext, page, dealOn(page), since);
  });

  it("when the record page's save is answered 200 but the record says error", async () => {
    const page = await openDeal();
    sandbox.saveRecord = 'error';
    const since = Date.now();
    await editStageInline(page, 'Closed Lost');
    await giveReasonForLoss(page);
    await page.getByRole('alert').filter({ hasText: 'Sandbox refused the save' }).waitFor();
    // A 200 can hide an error: the page was asked and showed no loss.
    await expectNoPrompt(ext, page, dealOn(page), { since, decision: 'no-page-evidence' });
    sandbox.saveRecord = 'success';
    await page.getByRole('button', { name: 'Save Stage' }).click();
    await giveReasonForLoss(page);
    await expectPromptedOnce(ext, page, dealOn(page), since);
  });

  it('when a Kanban card dropped into Closed Lost moves back because the save failed', async () => {
    const id = newDealId();
    const page = await openKanban([{ id, stage: 'Negotiation/Review', name: 'Initech — Upgrade' }]);
    sandbox.saveStatus = 500;
    sandbox.saveDelayMs = 300;
    const since = Date.now();
    await dragCard(page, 'Initech — Upgrade', 'Closed Lost');
    // The board moved the card before the server answered…
    await cardInColumn(page, 'Initech — Upgrade', 'Closed Lost').waitFor();
    // …and moves it back once the save fails.
    await cardInColumn(page, 'Initech — Upgrade', 'Negotiation/Review').waitFor();
    await page.getByRole('alert').filter({ hasText: "couldn't be moved" }).waitFor();
    await expectNoPrompt(ext, page, deal(id), { since, decision: 'refused-save' });
    sandbox.saveStatus = 200;
    await dragCard(page, 'Initech — Upgrade', 'Closed Lost');
    await expectPromptedOnce(ext, page, deal(id), since);
  });

  it('when a Kanban save is answered 207 with the record in error and the card moves back', async () => {
    // A 2xx the save observer counts: only the card moving back tells, within the settle time.
    const id = newDealId();
    const page = await openKanban([
      { id, stage: 'Identify Decision Makers', name: 'Soylent — Rollout' },
    ]);
    sandbox.saveStatus = 207;
    sandbox.saveRecord = 'error';
    const since = Date.now();
    await dragCard(page, 'Soylent — Rollout', 'Closed Lost');
    await cardInColumn(page, 'Soylent — Rollout', 'Identify Decision Makers').waitFor();
    await expectNoPrompt(ext, page, deal(id), { since, decision: 'no-page-evidence' });
    sandbox.saveStatus = 200;
    sandbox.saveRecord = 'success';
    await dragCard(page, 'Soylent — Rollout', 'Closed Lost');
    await expectPromptedOnce(ext, page, deal(id), since);
  });
});

it('the Kanban card really is in the column the test dropped it in', async () => {
  // Guards the drag helper itself: a drop that silently missed would make negatives pass.
  const page = await openKanban([{ id: newDealId(), stage: 'Qualification', name: 'Probe' }]);
  await dragCard(page, 'Probe', 'Needs Analysis');
  await cardInColumn(page, 'Probe', 'Needs Analysis').waitFor();
  await expect(kanbanCard(page, 'Probe').count()).resolves.toBe(1);
});
