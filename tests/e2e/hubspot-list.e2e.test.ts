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
});
