import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KANBAN_SETTLE_MS } from '../../src/crm/salesforce';
import { PAGE_GRACE_MS } from '../../src/detection/correlator';
import {
  expectNoPrompt,
  expectPrompt,
  expectPromptedOnce,
  launchExtension,
  promptOn,
  type Extension,
} from './harness';
import {
  CLASSIC_VALIDATION_ERROR,
  MY_DOMAIN_HOST,
  classicEditUrl,
  classicSubmit,
  closeDialog,
  closeViaEditModal,
  closeViaInlineEdit,
  closeViaPath,
  currentPathStage,
  detailsStage,
  dragCard,
  id18,
  kanbanColumnOfCard,
  kanbanUrl,
  lightningRecordUrl,
  markCurrentStage,
  saveCloseDialog,
  serveSalesforce,
  type KanbanCard,
  type LightningDeal,
  type SalesforceSandbox,
} from './salesforce.sandbox';

let ext: Extension;
let sandbox: SalesforceSandbox;
let nextDeal = 10000;

beforeAll(async () => {
  ext = await launchExtension();
  sandbox = await serveSalesforce(ext.context);
});
afterAll(() => ext?.close());

/** A fresh 15-character Opportunity id per deal, so one test's prompt never dedupes another's. */
function newId15(): string {
  return `006Dn00000${nextDeal++}`;
}

function resetSandbox() {
  sandbox.saveStatus = 200;
  sandbox.auraState = 'SUCCESS';
  sandbox.classicValidationError = false;
}

async function openLightningDeal(options: LightningDeal & { id?: string } = {}) {
  resetSandbox();
  const { id = id18(newId15()), ...rest } = options;
  const page = await ext.context.newPage();
  await page.goto(lightningRecordUrl(id, rest));
  if (rest.render !== 'late') await currentOrDetailsStage(page, rest.stage ?? 'Prospecting');
  return { page, id };
}

/** Waits until the page shows `stage` (the Path's, or Details' when there is no Path). */
async function currentOrDetailsStage(page: Page, stage: string) {
  await expect
    .poll(async () =>
      (await currentPathStage(page).count())
        ? currentPathStage(page).textContent()
        : detailsStage(page).textContent(),
    )
    .toBe(stage);
}

function lastSave() {
  return sandbox.saves.at(-1);
}

/** An opportunity as the detection log names it (its 18-character id). */
const deal = (id: string) => ({ crm: 'salesforce', dealId: id });

describe('Salesforce Lightning: an opportunity marked Closed Lost on its record page', () => {
  it('a. Path → Select Closed Stage → Closed Lost + Loss Reason → Save: one prompt, named for the deal, once aura saved it', async () => {
    const { page, id } = await openLightningDeal({
      name: 'Globex — Analytics pilot',
      account: 'Globex Corporation',
      stage: 'Proposal/Price Quote',
    });
    const since = Date.now();
    await closeViaPath(page, 'Closed Lost', 'Competitor');
    await expectPrompt(page);
    await expect(promptOn(page).getByRole('heading').textContent()).resolves.toBe(
      'Lost: Globex — Analytics pilot',
    );
    await expect(promptOn(page).textContent()).resolves.toContain(
      'Globex Corporation · was Proposal/Price Quote',
    );
    // The record cache refreshed both places the stage shows.
    await expect(currentPathStage(page).textContent()).resolves.toBe('Closed Lost');
    await expect(detailsStage(page).textContent()).resolves.toBe('Closed Lost');
    expect(lastSave()).toMatchObject({
      method: 'POST',
      body: {
        message: {
          actions: [
            {
              descriptor: 'aura://RecordUiController/ACTION$updateRecord',
              params: {
                recordId: id,
                recordInput: { fields: { StageName: 'Closed Lost', Loss_Reason__c: 'Competitor' } },
              },
            },
          ],
        },
      },
    });
    expect(lastSave()?.url).toContain('/aura?r=');
    await expectPromptedOnce(ext, page, deal(id), since);
  });

  it('a. Path → Mark Stage as Complete on the last open stage opens the closed-stage dialog → Closed Lost: one prompt', async () => {
    const { page, id } = await openLightningDeal({ stage: 'Negotiation/Review' });
    const since = Date.now();
    await page.getByRole('button', { name: 'Mark Stage as Complete' }).click();
    await saveCloseDialog(page, 'Closed Lost');
    await expectPrompt(page);
    await expectPromptedOnce(ext, page, deal(id), since);
  });

  it('b. inline edit of Stage in Details (pencil → combobox → Save): one prompt', async () => {
    const { page, id } = await openLightningDeal({ stage: 'Qualification' });
    const since = Date.now();
    await closeViaInlineEdit(page, 'Closed Lost');
    await expectPrompt(page);
    await expect(currentPathStage(page).textContent()).resolves.toBe('Closed Lost');
    expect(lastSave()).toMatchObject({
      body: {
        message: {
          actions: [
            { params: { recordId: id, recordInput: { fields: { StageName: 'Closed Lost' } } } },
          ],
        },
      },
    });
    await expectPromptedOnce(ext, page, deal(id), since);
  });

  it('c. the Edit modal → Stage Closed Lost → Save, saved through the UI API: one prompt', async () => {
    const { page, id } = await openLightningDeal({ stage: 'Value Proposition' });
    const since = Date.now();
    await closeViaEditModal(page, 'Closed Lost');
    await expectPrompt(page);
    await expect(detailsStage(page).textContent()).resolves.toBe('Closed Lost');
    expect(lastSave()).toMatchObject({
      method: 'PATCH',
      body: { fields: { StageName: 'Closed Lost', Loss_Reason__c: 'Competitor' } },
    });
    expect(lastSave()?.url).toContain(`/services/data/v62.0/ui-api/records/${id}`);
    await expectPromptedOnce(ext, page, deal(id), since);
  });

  it('reads the Details Stage on a record page without the Path component', async () => {
    const { page } = await openLightningDeal({ stage: 'Needs Analysis', path: '0' });
    expect(await currentPathStage(page).count()).toBe(0);
    await closeViaInlineEdit(page, 'Closed Lost');
    await expectPrompt(page);
  });

  it('works on the My Domain host (my.salesforce.com) too', async () => {
    const { page } = await openLightningDeal({ host: MY_DOMAIN_HOST });
    await closeViaPath(page, 'Closed Lost');
    await expectPrompt(page);
  });
});

describe('Salesforce Lightning record page: no prompt', () => {
  it('when the opportunity loads already Closed Lost (and it still prompts once reopened and lost)', async () => {
    const since = Date.now();
    const { page, id } = await openLightningDeal({ stage: 'Closed Lost' });
    // Loading sends no save and reports no change: no decision to wait for. The watcher was
    // live all along: reopened and lost on the same page, it prompts, the deal's only prompt.
    await markCurrentStage(page, 'Negotiation/Review');
    await currentOrDetailsStage(page, 'Negotiation/Review');
    await closeViaPath(page, 'Closed Lost');
    await expectPromptedOnce(ext, page, deal(id), since);
  });

  // One refusal per kind of answer: a failed status (the save alone says no), and aura's 200
  // with state ERROR, whose status proves nothing: the page must show the loss, and Lightning's
  // picker still showing the unsaved Closed Lost is no proof (both on the Path and inline).
  const refusals: {
    how: string;
    refuse: () => void;
    decision: 'refused-save' | 'no-page-evidence';
    close: (page: Page) => Promise<void>;
    retry: (page: Page) => Promise<void>;
  }[] = [
    {
      how: 'the Path dialog’s aura save gets HTTP 200 with state ERROR',
      refuse: () => (sandbox.auraState = 'ERROR'),
      decision: 'no-page-evidence',
      close: (page) => closeViaPath(page, 'Closed Lost'),
      retry: (page) => closeDialog(page).getByRole('button', { name: 'Save' }).click(),
    },
    {
      how: 'the inline edit’s aura save gets HTTP 200 with state ERROR',
      refuse: () => (sandbox.auraState = 'ERROR'),
      decision: 'no-page-evidence',
      close: (page) => closeViaInlineEdit(page, 'Closed Lost'),
      retry: (page) => page.getByRole('button', { name: 'Save', exact: true }).click(),
    },
    {
      how: 'the Edit modal’s UI API save gets HTTP 500',
      refuse: () => (sandbox.saveStatus = 500),
      decision: 'refused-save',
      close: (page) => closeViaEditModal(page, 'Closed Lost'),
      retry: (page) =>
        page
          .getByRole('dialog', { name: /^Edit / })
          .getByRole('button', { name: 'Save' })
          .click(),
    },
  ];
  for (const { how, refuse, decision, close, retry } of refusals) {
    it(`when ${how} (and the retry that succeeds prompts)`, async () => {
      const { page, id } = await openLightningDeal({ stage: 'Negotiation/Review' });
      const savesBefore = sandbox.saves.length;
      refuse();
      const since = Date.now();
      await close(page);
      await page.getByText('We hit a snag.').first().waitFor();
      expect(sandbox.saves.length).toBe(savesBefore + 1);
      // The page kept the old stage, as Lightning does when a save fails.
      await expect(currentPathStage(page).textContent()).resolves.toBe('Negotiation/Review');
      await expectNoPrompt(ext, page, deal(id), { since, decision });
      resetSandbox();
      await retry(page);
      await expectPromptedOnce(ext, page, deal(id), since);
    });
  }

  it('when Lightning renders the record page after the extension armed, the Path still prompts', async () => {
    const { page } = await openLightningDeal({ stage: 'Negotiation/Review', render: 'late' });
    await currentOrDetailsStage(page, 'Negotiation/Review');
    await closeViaPath(page, 'Closed Lost');
    await expectPrompt(page);
  });

  // The shared observer watches shadow roots nested inside a late-rendered element's own shadow
  // root too: an inline edit that re-renders only nested shadow roots is seen.
  it('prompts for inline edit on a record page rendered after the extension armed', async () => {
    const { page } = await openLightningDeal({ stage: 'Negotiation/Review', render: 'late' });
    await currentOrDetailsStage(page, 'Negotiation/Review');
    await closeViaInlineEdit(page, 'Closed Lost');
    await currentOrDetailsStage(page, 'Closed Lost');
    await expectPrompt(page);
  });
});

function kanbanCards(): KanbanCard[] {
  return [
    {
      id: id18(newId15()),
      stage: 'Prospecting',
      name: 'Initech — Renewal',
      account: 'Initech',
      amount: '$12,500.00',
    },
    {
      id: id18(newId15()),
      stage: 'Negotiation/Review',
      name: 'Umbrella — Expansion',
      account: 'Umbrella Corp',
      amount: '$88,000.00',
    },
    {
      id: id18(newId15()),
      stage: 'Closed Lost',
      name: 'Hooli — Pilot',
      account: 'Hooli',
      amount: '$5,000.00',
    },
  ];
}

async function openKanban(options: { saysKanban?: boolean } = {}) {
  resetSandbox();
  const cards = kanbanCards();
  const page = await ext.context.newPage();
  await page.goto(kanbanUrl(cards, options));
  await page.locator('article.kanban-card').first().waitFor();
  return { page, cards };
}

describe('Salesforce Lightning Kanban', () => {
  it('d. a card dragged into Closed Lost: one prompt once the card stayed there and aura saved it', async () => {
    const { page, cards } = await openKanban();
    const since = Date.now();
    await dragCard(page, 'Umbrella — Expansion', 'Closed Lost');
    await expectPrompt(page, KANBAN_SETTLE_MS);
    await expect(promptOn(page).getByRole('heading').textContent()).resolves.toBe(
      'Lost: Umbrella — Expansion',
    );
    await expect(promptOn(page).textContent()).resolves.toContain(
      'Umbrella Corp · was Negotiation/Review',
    );
    expect(lastSave()).toMatchObject({
      body: {
        message: {
          actions: [
            {
              params: {
                recordId: cards[1]!.id,
                recordInput: { fields: { StageName: 'Closed Lost' } },
              },
            },
          ],
        },
      },
    });
    await expectPromptedOnce(ext, page, deal(cards[1]!.id), since);
  });

  it('d. also when the list URL does not say Kanban (Lightning remembers the display per list view)', async () => {
    const { page } = await openKanban({ saysKanban: false });
    await dragCard(page, 'Initech — Renewal', 'Closed Lost');
    await expectPrompt(page, KANBAN_SETTLE_MS);
  });

  it('no prompt when the save gets HTTP 200 with aura state ERROR: the card moves back (and the retry that succeeds prompts)', async () => {
    const { page, cards } = await openKanban();
    sandbox.auraState = 'ERROR';
    const since = Date.now();
    await dragCard(page, 'Umbrella — Expansion', 'Closed Lost');
    await page.getByRole('alert').filter({ hasText: 'We hit a snag.' }).waitFor();
    expect(await kanbanColumnOfCard(page, 'Umbrella — Expansion')).toBe('Negotiation/Review');
    // Aura's 200 proves nothing: the board was asked once the card had time to settle, and the
    // card was back in its column.
    await expectNoPrompt(ext, page, deal(cards[1]!.id), { since, decision: 'no-page-evidence' });
    resetSandbox();
    await dragCard(page, 'Umbrella — Expansion', 'Closed Lost');
    await expectPromptedOnce(ext, page, deal(cards[1]!.id), since);
  });
});

/** A Classic opportunity on the sandbox server; returns its 15-character id. */
function classicDeal(stage: string, name = 'Acme Corp — Platform renewal'): string {
  resetSandbox();
  const id = newId15();
  sandbox.classic.set(id, {
    name,
    account: 'Acme Corp',
    amount: '48,000.00',
    stage,
    lossReason: '',
  });
  return id;
}

/**
 * Classic's 2xx proves nothing (a validation error answers 200 too): the prompt comes once the
 * page the server answered with shows the loss, looked for after the save's grace time.
 */
const expectClassicPrompt = (page: Page) => expectPrompt(page, PAGE_GRACE_MS);

async function openClassicEdit(id: string, page?: Page) {
  const tab = page ?? (await ext.context.newPage());
  await tab.goto(classicEditUrl(id));
  return tab;
}

describe('Salesforce Classic: the edit page saved as Closed Lost', () => {
  it('prompts once on the page the server answers with, named for the deal', async () => {
    const id = classicDeal('Negotiation/Review', 'Initrode — Data platform');
    const page = await openClassicEdit(id);
    const since = Date.now();
    await classicSubmit(page, 'Closed Lost');
    await expect(page.locator('#opp11_ileinner').textContent()).resolves.toBe('Closed Lost');
    await expectClassicPrompt(page);
    await expect(promptOn(page).getByRole('heading').textContent()).resolves.toBe(
      'Lost: Initrode — Data platform',
    );
    await expect(promptOn(page).textContent()).resolves.toContain(
      'Acme Corp · was Negotiation/Review',
    );
    expect(lastSave()).toMatchObject({
      method: 'POST',
      url: classicEditUrl(id),
      body: { opp11: 'Closed Lost', id, save: ' Save ' },
    });
    await expectPromptedOnce(ext, page, deal(id18(id)), since);
  });
});

describe('Salesforce Classic: no prompt', () => {
  /** The proof the detector was live: edit again, save Closed Lost, the deal's only prompt. */
  async function loseAgain(page: Page, id: string, since: number) {
    resetSandbox();
    await openClassicEdit(id, page);
    await classicSubmit(page, 'Closed Lost');
    await expectClassicPrompt(page);
    await expectPromptedOnce(ext, page, deal(id18(id)), since);
  }

  it('when the edit page of an already-lost opportunity is saved again (and reopening and losing it at once prompts)', async () => {
    const id = classicDeal('Closed Lost');
    const page = await openClassicEdit(id);
    const since = Date.now();
    await classicSubmit(page, 'Closed Lost');
    expect(lastSave()).toMatchObject({ body: { opp11: 'Closed Lost' } });
    // The page that answered the save shows Closed Lost, but it loaded after the save and the
    // submit before it was no change: no evidence of a loss.
    await expectNoPrompt(ext, page, deal(id18(id)), { since, decision: 'no-page-evidence' });
    // Reopened and lost at once, while the re-save is still in the correlation window: Classic
    // reports the loss on submit, before its own save answers, and such a report pairs only
    // with a later save (never the re-save), so it prompts here, on the page that answered.
    const reopened = Date.now();
    await openClassicEdit(id, page);
    await classicSubmit(page, 'Negotiation/Review');
    await loseAgain(page, id, reopened);
  });

  it('when the save fails with HTTP 500 (and the retry that succeeds prompts)', async () => {
    const id = classicDeal('Negotiation/Review');
    const page = await openClassicEdit(id);
    sandbox.saveStatus = 500;
    const since = Date.now();
    await classicSubmit(page, 'Closed Lost');
    await page.getByText('An internal server error has occurred').waitFor();
    await expectNoPrompt(ext, page, deal(id18(id)), { since, decision: 'refused-save' });
    await loseAgain(page, id, since);
  });

  it('when a validation rule refuses the edit: answered 200 with the edit page again (and the corrected save prompts)', async () => {
    const id = classicDeal('Negotiation/Review');
    const page = await openClassicEdit(id);
    sandbox.classicValidationError = true;
    const since = Date.now();
    await classicSubmit(page, 'Closed Lost');
    await page.getByText(CLASSIC_VALIDATION_ERROR).waitFor();
    await expectNoPrompt(ext, page, deal(id18(id)), { since, decision: 'no-page-evidence' });
    await loseAgain(page, id, since);
  });

  it('when Closed Lost is chosen but the edit is cancelled (and a real save prompts)', async () => {
    const id = classicDeal('Negotiation/Review');
    const page = await openClassicEdit(id);
    const since = Date.now();
    await classicSubmit(page, 'Closed Lost', 'Cancel');
    expect(lastSave()).toMatchObject({ body: { opp11: 'Closed Lost', cancel: 'Cancel' } });
    await expect(page.locator('#opp11_ileinner').textContent()).resolves.toBe('Negotiation/Review');
    // A cancel saves nothing (the observer takes no stage from it): no decision to wait for.
    // The real save after it is the deal's only prompt (one from the cancel would be a second).
    await loseAgain(page, id, since);
  });

  it('when a refused Closed Lost save is followed at once by a saved open stage (and a loss after it prompts)', async () => {
    const id = classicDeal('Negotiation/Review');
    const page = await openClassicEdit(id);
    sandbox.saveStatus = 500;
    const since = Date.now();
    await classicSubmit(page, 'Closed Lost');
    await page.getByText('An internal server error has occurred').waitFor();
    resetSandbox();
    await openClassicEdit(id, page);
    await classicSubmit(page, 'Proposal/Price Quote');
    await expect(page.locator('#opp11_ileinner').textContent()).resolves.toBe(
      'Proposal/Price Quote',
    );
    // A save of a known open stage is no stage save to the observer: no decision to wait for.
    // The loss after it is the deal's only prompt (one from the refused submit would be a second).
    await loseAgain(page, id, since);
  });
});
