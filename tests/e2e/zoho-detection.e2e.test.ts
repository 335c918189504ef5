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

  it('when a Kanban card loads in the Closed Lost column (and it prompts once reopened and lost)', async () => {
    const id = newDealId();
    const since = Date.now();
    const page = await openKanban([{ id, stage: 'Closed Lost', name: 'Stark — Expansion' }]);
    // Loading sends nothing: no decision to wait for. The real loss after it is the only prompt.
    await dragCard(page, 'Stark — Expansion', 'Negotiation/Review');
    await cardInColumn(page, 'Stark — Expansion', 'Negotiation/Review').waitFor();
    await dragCard(page, 'Stark — Expansion', 'Closed Lost');
    await expectPromptedOnce(ext, page, deal(id), since);
  });

  it('when the deal is marked Closed Won (and Closed Lost afterwards prompts)', async () => {
    const page = await openDeal();
    const since = Date.now();
    await chooseHeaderStage(page, 'Closed Won');
    await expect.poll(() => shownStage(page).textContent()).toBe('Closed Won');
    await expect(reasonPopup(page).isVisible()).resolves.toBe(false);
    await expectNoPrompt(ext, page, dealOn(page), { since, decision: 'not-lost' });
    await loseInHeader(page);
    await expectPromptedOnce(ext, page, dealOn(page), since);
  });

  it('when the deal moves to another open stage (and Closed Lost afterwards prompts)', async () => {
    const page = await openDeal({ stage: 'Qualification' });
    const since = Date.now();
    await editStageInline(page, 'Proposal/Price Quote');
    await expect.poll(() => shownStage(page).textContent()).toBe('Proposal/Price Quote');
    // Zoho's 200 proves nothing alone (okStatusIsNotProof): the page was asked, showed no loss.
    await expectNoPrompt(ext, page, dealOn(page), { since, decision: 'no-page-evidence' });
    await editStageInline(page, 'Closed Lost');
    await giveReasonForLoss(page);
    await expectPromptedOnce(ext, page, dealOn(page), since);
  });

  it('when Kanban cards move to Closed Won or an open column (and Closed Lost afterwards prompts)', async () => {
    const [won, open] = [newDealId(), newDealId()];
    const page = await openKanban([
      { id: won, stage: 'Negotiation/Review', name: 'Acme — Won deal' },
      { id: open, stage: 'Qualification', name: 'Acme — Open deal' },
    ]);
    const since = Date.now();
    await dragCard(page, 'Acme — Won deal', 'Closed Won');
    await dragCard(page, 'Acme — Open deal', 'Value Proposition');
    await cardInColumn(page, 'Acme — Open deal', 'Value Proposition').waitFor();
    // Closed Won says not lost; an open stage cannot say alone (Zoho's 200 proves nothing), so
    // the board was asked and showed no loss.
    await expectNoPrompt(ext, page, deal(won), { since, decision: 'not-lost' });
    await expectNoPrompt(ext, page, deal(open), { since, decision: 'no-page-evidence' });
    await dragCard(page, 'Acme — Open deal', 'Closed Lost');
    await expectPromptedOnce(ext, page, deal(open), since);
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

  for (const status of [400, 403, 500]) {
    it(`when Zoho answers the record page's save with ${status} (the page keeps the old stage)`, async () => {
      const page = await openDeal();
      sandbox.saveStatus = status;
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
  }

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

  it('when the same loss is saved again on the record page', async () => {
    const page = await openDeal();
    await loseInHeader(page);
    await expectPrompt(page);
    await promptOn(page).getByRole('button', { name: 'Later' }).click();
    const savesBefore = sandbox.saves.length;
    const since = Date.now();
    await editStageInline(page, 'Closed Lost');
    await giveReasonForLoss(page);
    await expect.poll(() => sandbox.saves.length).toBe(savesBefore + 1);
    // Either the page shows nothing new (it showed the loss already), or the inline editor's
    // moment on another value makes it report the loss again: the loss already prompted for.
    const { decision } = await expectNoPrompt(ext, page, dealOn(page), { since });
    expect(['no-page-evidence', 'duplicate']).toContain(decision);
  });

  it('when a lost Kanban card is saved lost again: into the other lost column, or reopened and lost (the same loss)', async () => {
    const id = newDealId();
    const page = await openKanban([
      { id, stage: 'Value Proposition', name: 'Cyberdyne — Renewal' },
    ]);
    await dragCard(page, 'Cyberdyne — Renewal', 'Closed Lost');
    await expectKanbanPrompt(page);
    await promptOn(page).getByRole('button', { name: 'Later' }).click();
    const savesBefore = sandbox.saves.length;
    // Each move, once its decision is in: the other lost column shows no new loss, nor does the
    // open column; the loss after reopening is the loss already prompted for.
    for (const [column, decision] of [
      ['Closed-Lost to Competition', 'no-page-evidence'],
      ['Negotiation/Review', 'no-page-evidence'],
      ['Closed Lost', 'duplicate'],
    ] as const) {
      const since = Date.now();
      await dragCard(page, 'Cyberdyne — Renewal', column);
      await expectNoPrompt(ext, page, deal(id), { since, decision });
    }
    await expect.poll(() => sandbox.saves.length).toBe(savesBefore + 3);
  });
});

it('the Kanban card really is in the column the test dropped it in', async () => {
  // Guards the drag helper itself: a drop that silently missed would make negatives pass.
  const page = await openKanban([{ id: newDealId(), stage: 'Qualification', name: 'Probe' }]);
  await dragCard(page, 'Probe', 'Needs Analysis');
  await cardInColumn(page, 'Probe', 'Needs Analysis').waitFor();
  await expect(kanbanCard(page, 'Probe').count()).resolves.toBe(1);
});
