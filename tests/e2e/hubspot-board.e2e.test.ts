import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOARD_SETTLE_MS } from '../../src/crm/hubspot';
import {
  dragHubSpotCard,
  expectPrompt,
  hubspotBoardUrl,
  hubspotColumnOf,
  launchExtension,
  expectNoPrompt,
  expectPromptedOnce,
  promptOn,
  serveHubSpot,
  storedLessons,
  type Extension,
  freshHubSpotDeals,
  type HubSpotCard,
  type SandboxCrm,
} from './harness';

let ext: Extension;
let sandbox: SandboxCrm;
let nextDeal = 880_000;

beforeAll(async () => {
  ext = await launchExtension();
  sandbox = await serveHubSpot(ext.context);
});
afterAll(() => ext?.close());

const cards = freshHubSpotDeals(() => nextDeal++, '$24,000.00');

async function openBoard(...args: Parameters<typeof hubspotBoardUrl>) {
  sandbox.saveStatus = 200;
  const page = await ext.context.newPage();
  await page.goto(hubspotBoardUrl(...args));
  await page.locator('[data-test-id="board-card"]').first().waitFor();
  return page;
}

/** The board moves a card at once: the loss counts once it stayed BOARD_SETTLE_MS. */
const expectBoardPrompt = (page: Parameters<typeof expectPrompt>[0]) =>
  expectPrompt(page, BOARD_SETTLE_MS);
/** The deal of a board card, as the detection log names it. */
const deal = (board: HubSpotCard[], index: number) => ({
  crm: 'hubspot',
  dealId: board[index]![0],
});

async function saveLostReason(page: Parameters<typeof expectPrompt>[0], reason: string) {
  await page.getByLabel('Closed lost reason', { exact: true }).fill(reason);
  await page.locator('[data-test-id="required-save"]').click();
}

describe('HubSpot board: a card dragged into Closed lost', () => {
  it('opens one prompt, named for the deal, once the save succeeds', async () => {
    const board = cards(['contractsent', 'Initech — Seats expansion'], ['qualifiedtobuy', 'Hooli']);
    const page = await openBoard(board);
    await dragHubSpotCard(page, 'Initech — Seats expansion', 'Closed lost');
    await expectBoardPrompt(page);
    expect(await promptOn(page).getByRole('heading').textContent()).toContain(
      'Initech — Seats expansion',
    );
    expect(await promptOn(page).textContent()).toContain('Initech Inc. · was Contract sent');
    expect(sandbox.saves.at(-1)).toMatchObject({
      method: 'PUT',
      url: expect.stringContaining(`/api/crm-objects/v1/objects/deals/${board[0]![0]}`),
      body: { properties: [{ name: 'dealstage', value: 'closedlost' }] },
    });
    await expectPromptedOnce(ext, page, deal(board, 0));
  });

  it('prompts on the older board URL, saved through the inbounddb batch shape', async () => {
    const board = cards(['presentationscheduled', 'Umbrella — Lab rollout']);
    const page = await openBoard(board, { older: true, save: 'batch' });
    expect(page.url()).toContain('/deals/board/view/all/');
    await dragHubSpotCard(page, 'Umbrella — Lab rollout', 'Closed lost');
    await expectBoardPrompt(page);
    expect(sandbox.saves.at(-1)?.url).toContain('/api/inbounddb-objects/v1/crm-objects/0-3/batch');
  });

  it('prompts after the required "Closed lost reason" dialog is saved, with the amount', async () => {
    const board = cards(['decisionmakerboughtin', 'Vandelay — Import deal']);
    const page = await openBoard(board, { lostReasonDialog: '1' });
    await dragHubSpotCard(page, 'Vandelay — Import deal', 'Closed lost');
    await saveLostReason(page, 'Went with a competitor');
    await expectBoardPrompt(page);
    expect(sandbox.saves.at(-1)?.body).toMatchObject({
      properties: [
        { name: 'dealstage', value: 'closedlost' },
        { name: 'closed_lost_reason', value: 'Went with a competitor' },
      ],
    });
    const prompt = promptOn(page);
    await prompt.getByLabel('Outcome').selectOption({ label: 'Lost to a competitor' });
    await prompt.getByRole('button', { name: 'Save' }).click();
    await prompt.waitFor({ state: 'detached' });
    const lesson = (await storedLessons(ext)).find((l) => l.dealId === board[0]![0]);
    expect(lesson).toMatchObject({ crm: 'hubspot', amount: 24000, currency: 'USD' });
  });
});

describe('HubSpot board: no prompt', () => {
  it('when HubSpot refuses the save and the card goes back (and the retry that succeeds prompts)', async () => {
    const board = cards(['contractsent', 'Soylent — Supply contract']);
    const page = await openBoard(board);
    const since = Date.now();
    sandbox.saveStatus = 500;
    await dragHubSpotCard(page, 'Soylent — Supply contract', 'Closed lost');
    await page.getByRole('alert').filter({ hasText: "couldn't be moved" }).waitFor();
    expect(await hubspotColumnOf(page, 'Soylent — Supply contract')).toBe('Contract sent');
    await expectNoPrompt(ext, page, deal(board, 0), { since, decision: 'refused-save' });
    sandbox.saveStatus = 200;
    await dragHubSpotCard(page, 'Soylent — Supply contract', 'Closed lost');
    await expectPromptedOnce(ext, page, deal(board, 0), since);
  });

  it('when the drop is cancelled in the "Closed lost reason" dialog (and saving it afterwards prompts)', async () => {
    const board = cards(['qualifiedtobuy', 'Cyberdyne — Pilot']);
    const page = await openBoard(board, { lostReasonDialog: '1' });
    const since = Date.now();
    const savesBefore = sandbox.saves.length;
    await dragHubSpotCard(page, 'Cyberdyne — Pilot', 'Closed lost');
    await page.locator('[data-test-id="required-cancel"]').click();
    expect(await hubspotColumnOf(page, 'Cyberdyne — Pilot')).toBe('Qualified to buy');
    // Nothing was saved, so there is nothing to decide: the real loss below is the deal's one
    // prompt (a late one from the cancelled drop would make two).
    expect(sandbox.saves).toHaveLength(savesBefore);
    await dragHubSpotCard(page, 'Cyberdyne — Pilot', 'Closed lost');
    await saveLostReason(page, 'Budget');
    await expectPromptedOnce(ext, page, deal(board, 0), since);
  });
});
