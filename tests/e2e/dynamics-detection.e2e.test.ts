import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  batchRequests,
  closeAsLost,
  closeDialog,
  closeRequests,
  expectReboundPrompt,
  fillLost,
  openClose,
  opportunityId,
  opportunityUrl,
  pressOk,
  reboundPrompt,
  reopen,
  serveDynamics,
  waitForForm,
  waitForStatus,
  type DynamicsSandbox,
  type OpportunityOptions,
} from './dynamics.sandbox';
import type { Page } from 'playwright-core';
import {
  expectDecision,
  expectNoPrompt,
  expectPromptedOnce,
  launchExtension,
  storedLessons,
  type Extension,
} from './harness';

let ext: Extension;
let sandbox: DynamicsSandbox;
let next = 1;

beforeAll(async () => {
  ext = await launchExtension();
  sandbox = await serveDynamics(ext.context);
});
afterAll(() => ext?.close());

/** An opportunity form of its own per test, loaded with its header fields showing. */
async function openOpportunity(options: Partial<OpportunityOptions> = {}) {
  sandbox.saveStatus = 204;
  sandbox.batchPartStatus = 204;
  const page = await ext.context.newPage();
  await page.goto(opportunityUrl({ id: opportunityId(next++), ...options }));
  await waitForForm(page);
  await waitForStatus(page, options.status ?? 'Open');
  return page;
}

/** The opportunity a form shows, as the detection log names it (its id, a lower-case GUID). */
function dealOn(page: Page) {
  const id = new URL(page.url()).searchParams.get('id')!;
  return { crm: 'dynamics', dealId: id.replace(/[{}]/g, '').toLowerCase() };
}

describe('Dynamics 365: an opportunity closed as lost', () => {
  it('opens one prompt, named for the opportunity, once LoseOpportunity succeeds, and keeps its context', async () => {
    const id = opportunityId(next++);
    const page = await openOpportunity({
      id,
      name: 'Contoso — 500 units of JJ202',
      account: 'Contoso Pharmaceuticals',
      revenue: '€150,000.00',
    });
    const since = Date.now();
    await closeAsLost(page, { reason: 'Out-Sold', competitor: 'Fabrikam, Inc.' });
    await expectReboundPrompt(page);
    const prompt = reboundPrompt(page);
    expect(await prompt.getByRole('heading').first().textContent()).toContain(
      'Contoso — 500 units of JJ202',
    );
    expect(await prompt.textContent()).toContain('Contoso Pharmaceuticals · was Open');
    // The form shows the close the server accepted.
    await waitForStatus(page, 'Lost');
    await expectPromptedOnce(ext, page, dealOn(page), since);
    expect(closeRequests(sandbox, 'LoseOpportunity').at(-1)).toMatchObject({
      method: 'POST',
      url: 'https://contoso.crm4.dynamics.com/api/data/v9.2/LoseOpportunity',
      body: {
        OpportunityClose: { 'opportunityid@odata.bind': `/opportunities(${id})` },
        Status: 5,
      },
    });

    // What the page showed travels into the lesson: name, account, Est. Revenue and currency.
    await prompt.getByLabel('Outcome').selectOption({ label: 'Lost to a competitor' });
    await prompt.getByRole('button', { name: 'Save' }).click();
    await prompt.getByRole('status').filter({ hasText: 'Lesson saved' }).waitFor();
    const lessons = await storedLessons(ext);
    expect(lessons.find((lesson) => lesson.dealId === id)).toMatchObject({
      crm: 'dynamics',
      dealName: 'Contoso — 500 units of JJ202',
      company: 'Contoso Pharmaceuticals',
      amount: 150000,
      currency: 'EUR',
      stageBefore: 'Open',
      outcome: 'competitor',
    });
  });

  it('catches the loss from the dialog on a customised form whose header has no Status', async () => {
    const page = await openOpportunity({ headerstatus: '0' });
    const since = Date.now();
    await closeAsLost(page, { reason: 'Out-Sold', competitor: 'Northwind Traders' });
    await expectReboundPrompt(page);
    // Without a Status to show, the prompt says what the form did show: the Status Reason.
    expect(await reboundPrompt(page).textContent()).toContain('was In Progress');
    await expectPromptedOnce(ext, page, dealOn(page), since);
  });

  it('works on the North America host (crm.dynamics.com) too', async () => {
    const page = await openOpportunity({ host: 'contoso.crm.dynamics.com' });
    await closeAsLost(page, { reason: 'Canceled' });
    await expectReboundPrompt(page);
  });

  it('opens one prompt when the close is sent inside a $batch that succeeds', async () => {
    const id = opportunityId(next++);
    const page = await openOpportunity({ id, batch: '1', name: 'Fabrikam — batch close' });
    const since = Date.now();
    await closeAsLost(page, { reason: 'Out-Sold', competitor: 'Fabrikam, Inc.' });
    await expectReboundPrompt(page);
    expect(await reboundPrompt(page).getByRole('heading').first().textContent()).toContain(
      'Fabrikam — batch close',
    );
    await waitForStatus(page, 'Lost');
    await expectPromptedOnce(ext, page, dealOn(page), since);
    // The save was the multipart batch, not a LoseOpportunity request of its own.
    const sent = batchRequests(sandbox).at(-1)?.body;
    expect(sent).toEqual(expect.stringContaining('/api/data/v9.2/LoseOpportunity HTTP/1.1'));
    expect(sent).toEqual(expect.stringContaining(`/opportunities(${id})`));
  });

  it('pairs a link with the id in encoded, upper-case braces with the save of the lower-case id', async () => {
    const page = await openOpportunity({ idStyle: 'encoded-upper' });
    expect(page.url()).toContain('id=%7B7D9F3C2A-');
    await closeAsLost(page);
    await expectReboundPrompt(page);
  });
});

describe('Dynamics 365: no prompt', () => {
  it('when the opportunity loads already lost (and it still prompts once reopened and lost)', async () => {
    const since = Date.now();
    const page = await openOpportunity({ status: 'Lost', reason: 'Out-Sold' });
    // Loading sends no save and reports no change: no decision to wait for. The watcher was
    // live all along: a real loss on the same page prompts, the opportunity's only prompt.
    await reopen(page);
    await closeAsLost(page, { reason: 'Out-Sold' });
    await expectPromptedOnce(ext, page, dealOn(page), since);
  });

  it('when the Close Opportunity dialog is cancelled (and OK afterwards prompts)', async () => {
    const page = await openOpportunity();
    const losesBefore = closeRequests(sandbox, 'LoseOpportunity').length;
    const since = Date.now();
    await openClose(page, 'Lost');
    await fillLost(page, { reason: 'Out-Sold', competitor: 'Northwind Traders' });
    await closeDialog(page).getByRole('button', { name: 'Cancel' }).click();
    await closeDialog(page).waitFor({ state: 'hidden' });
    // A cancelled dialog sends nothing: no decision to wait for. The loss after it is the
    // opportunity's only prompt (one from the cancel, however late, would be a second).
    expect(closeRequests(sandbox, 'LoseOpportunity')).toHaveLength(losesBefore);
    await closeAsLost(page);
    await expectPromptedOnce(ext, page, dealOn(page), since);
  });

  // A batch too: Dataverse stops a batch at its first failed request and answers the batch with
  // that request's error, so the batch's own status tells, as for a LoseOpportunity of its own.
  const refusals: [what: string, status: number, options: Partial<OpportunityOptions>][] = [
    ['LoseOpportunity', 500, {}],
    ['the $batch holding LoseOpportunity', 400, { batch: '1' }],
  ];
  for (const [what, status, options] of refusals) {
    it(`when ${what} is answered with ${status} (the dialog shows the error)`, async () => {
      const page = await openOpportunity(options);
      sandbox.saveStatus = status;
      const since = Date.now();
      await closeAsLost(page, { reason: 'Out-Sold', competitor: 'Litware, Inc.' });
      await closeDialog(page)
        .getByRole('alert')
        .filter({ hasText: 'An error has occurred' })
        .waitFor();
      await expectNoPrompt(ext, page, dealOn(page), { since, decision: 'refused-save' });
      await waitForStatus(page, 'Open');
      // OK again, and the server accepts: that is the real loss, and the only prompt.
      sandbox.saveStatus = 204;
      await pressOk(page);
      await expectPromptedOnce(ext, page, dealOn(page), since);
    });
  }

  // A batch answered 200 whose part says 400 (Prefer: odata.continue-on-error): webRequest shows
  // the 200 only, so the batch's save carries okStatusIsNotProof (src/crm/dynamics/network.ts).
  // The dialog's OK click is the user's intent, no proof of it: only the form's header turning
  // Lost (or, failing its selectors, a lost label appearing outside the dialog) can tell.
  it('when a $batch is answered 200 but its LoseOpportunity part 400 (and the retry that succeeds prompts)', async () => {
    const page = await openOpportunity({ batch: '1' });
    sandbox.batchPartStatus = 400;
    await closeAsLost(page, { reason: 'Out-Sold', competitor: 'Litware, Inc.' });
    await closeDialog(page)
      .getByRole('alert')
      .filter({ hasText: 'An error has occurred' })
      .waitFor();
    const id = new URL(page.url()).searchParams.get('id')!;
    await expectDecision(ext, { crm: 'dynamics', dealId: id }, 'no-page-evidence');
    expect(await reboundPrompt(page).count()).toBe(0);
    sandbox.batchPartStatus = 204;
    await pressOk(page);
    await expectReboundPrompt(page);
  });
});
