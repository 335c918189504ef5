/**
 * HubSpot's deals table (list) view and its deal preview panel (issue #8, item 2): a stage
 * changed in a row's Deal stage cell or in the preview panel is saved through the record page's
 * API; a save of `closedlost` proves the loss alone, and the row's record link names the deal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_GRACE_MS } from '../../src/detection/correlator';
import {
  chooseRowStage,
  expectDecision,
  expectPrompt,
  hubspotListUrl,
  launchExtension,
  promptOn,
  rowStageShown,
  serveHubSpot,
  type Extension,
  freshHubSpotDeals,
  type HubSpotCard,
  type SandboxCrm,
} from './harness';

let ext: Extension;
let sandbox: SandboxCrm;
let nextDeal = 890_000;

beforeAll(async () => {
  ext = await launchExtension();
  sandbox = await serveHubSpot(ext.context);
});
afterAll(() => ext?.close());

/** With no page report, a save that says lost waits out the grace time, then prompts. */
const SAVE_ALONE_MS = PAGE_GRACE_MS;

const rows = freshHubSpotDeals(() => nextDeal++, '$31,500.00');

const dealOf = (row: HubSpotCard) => ({ crm: 'hubspot', dealId: row[0] });

async function openTable(...args: Parameters<typeof hubspotListUrl>) {
  sandbox.saveStatus = 200;
  const page = await ext.context.newPage();
  await page.goto(hubspotListUrl(...args));
  await page.getByRole('row').nth(1).waitFor();
  return page;
}

describe('HubSpot table view: the Deal stage cell edited inline', () => {
  it('opens one prompt on the save alone, named from the row’s link', async () => {
    const table = rows(['contractsent', 'Initech — Seats expansion'], ['qualifiedtobuy', 'Hooli']);
    const page = await openTable(table);
    await chooseRowStage(page, 'Initech — Seats expansion', 'Closed lost');
    await expectPrompt(page, SAVE_ALONE_MS);
    await expect(promptOn(page).getByRole('heading').first().textContent()).resolves.toContain(
      'Initech — Seats expansion',
    );
    const decision = await expectDecision(ext, dealOf(table[0]!), 'prompted');
    expect(decision.evidence).toBe('save alone');
    expect(sandbox.saves.at(-1)).toMatchObject({
      method: 'PUT',
      url: expect.stringContaining(`/api/inbounddb-objects/v1/crm-objects/0-3/${table[0]![0]}`),
      body: { propertyValues: [{ name: 'dealstage', value: 'closedlost' }] },
    });
    await expect(rowStageShown(page, 'Initech — Seats expansion')).resolves.toBe('Closed lost');
    await expect(promptOn(page).count()).resolves.toBe(1);
  });

  it('prompts on the older table URL (/deals/list/view/all/)', async () => {
    const table = rows(['presentationscheduled', 'Umbrella — Lab rollout']);
    const page = await openTable(table, { older: true });
    expect(page.url()).toContain('/deals/list/view/all/');
    await chooseRowStage(page, 'Umbrella — Lab rollout', 'Closed lost');
    await expectPrompt(page, SAVE_ALONE_MS);
  });
});

describe('HubSpot table view: no prompt', () => {
  it.each([
    ['another open stage', 'Decision maker bought-in'],
    ['Closed won', 'Closed won'],
  ])('when a row is moved to %s (and Closed lost afterwards prompts)', async (_what, stage) => {
    const table = rows(['contractsent', 'Wonka — Factory tour']);
    const page = await openTable(table);
    await chooseRowStage(page, 'Wonka — Factory tour', stage);
    await expectDecision(ext, dealOf(table[0]!), 'not-lost');
    await expect(rowStageShown(page, 'Wonka — Factory tour')).resolves.toBe(stage);
    await expect(promptOn(page).count()).resolves.toBe(0);
    await chooseRowStage(page, 'Wonka — Factory tour', 'Closed lost');
    await expectPrompt(page, SAVE_ALONE_MS);
  });

  it('when HubSpot refuses the save and the cell keeps the old stage (and the retry prompts)', async () => {
    const table = rows(['contractsent', 'Soylent — Supply contract']);
    const page = await openTable(table);
    sandbox.saveStatus = 500;
    await chooseRowStage(page, 'Soylent — Supply contract', 'Closed lost');
    await expectDecision(ext, dealOf(table[0]!), 'refused-save');
    await page.getByRole('alert').filter({ hasText: "couldn't be saved" }).waitFor();
    await expect(rowStageShown(page, 'Soylent — Supply contract')).resolves.toBe('Contract sent');
    await expect(promptOn(page).count()).resolves.toBe(0);
    sandbox.saveStatus = 200;
    await chooseRowStage(page, 'Soylent — Supply contract', 'Closed lost');
    await expectPrompt(page, SAVE_ALONE_MS);
  });
});

describe('HubSpot deal preview panel (opened from the table)', () => {
  it('prompts when the stage is changed in the preview, named for the deal it is headed with', async () => {
    const table = rows(['qualifiedtobuy', 'Cyberdyne — Pilot'], ['contractsent', 'Vandelay']);
    const page = await openTable(table, { preview: '1' });
    await chooseRowStage(page, 'Cyberdyne — Pilot', 'Closed lost', 'preview');
    await expectPrompt(page, SAVE_ALONE_MS);
    const panel = page.getByRole('dialog', { name: 'Cyberdyne — Pilot', exact: true });
    await expect(panel.isVisible()).resolves.toBe(true);
    await expect(promptOn(page).getByRole('heading').first().textContent()).resolves.toContain(
      'Cyberdyne — Pilot',
    );
    expect((await expectDecision(ext, dealOf(table[0]!), 'prompted')).evidence).toBe('save alone');
    // The table behind the panel shows the saved stage too.
    await expect(rowStageShown(page, 'Cyberdyne — Pilot')).resolves.toBe('Closed lost');
  });

  it('gives no prompt for another stage or a refused save in the preview (and a loss there prompts)', async () => {
    const table = rows(['contractsent', 'Oceanic — Route deal']);
    const page = await openTable(table, { preview: '1' });
    await chooseRowStage(page, 'Oceanic — Route deal', 'Closed won', 'preview');
    await expectDecision(ext, dealOf(table[0]!), 'not-lost');
    const since = Date.now();
    sandbox.saveStatus = 403;
    await chooseRowStage(page, 'Oceanic — Route deal', 'Closed lost', 'preview');
    await expectDecision(ext, dealOf(table[0]!), 'refused-save', since);
    await expect(promptOn(page).count()).resolves.toBe(0);
    sandbox.saveStatus = 200;
    await chooseRowStage(page, 'Oceanic — Route deal', 'Closed lost', 'preview');
    await expectPrompt(page, SAVE_ALONE_MS);
  });
});
