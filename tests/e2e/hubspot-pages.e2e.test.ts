import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseStage,
  expectNoPrompt,
  expectPrompt,
  expectPromptedOnce,
  hubspotDealOf,
  hubspotDealUrl,
  launchExtension,
  popupHealthFor,
  promptOn,
  serveHubSpot,
  type Extension,
} from './harness';

let ext: Extension;

beforeAll(async () => {
  ext = await launchExtension();
  await serveHubSpot(ext.context);
});
afterAll(() => ext?.close());

/** The ids of the deals the pages said they show ("Missed a loss?", src/detection/deal-seen.ts). */
async function dealsSeen(): Promise<string[]> {
  const stored = (await ext.storedLocal('recentDeals')) as { dealId: string }[] | undefined;
  return (stored ?? []).map((deal) => deal.dealId);
}

describe('HubSpot as a single-page app', () => {
  it('re-arms on in-app navigation: the next deal is watched, once, under its own id', async () => {
    const page = await ext.context.newPage();
    await page.goto(hubspotDealUrl({ dealId: '990001' }));
    await page.getByRole('link', { name: 'Next deal: Stark Industries' }).click();
    await page.waitForURL(/\/record\/0-3\/990002$/);
    const since = Date.now();
    // Changes in the first second after an in-app navigation are the new page rendering
    // (src/detection/run-content.ts); a person looks at the new deal before changing it. The
    // page says which deal it shows once it had time to render (DEAL_SEEN_DELAY_MS after it
    // re-armed, longer than that second): the test acts then, and knows it re-armed as 990002.
    await expect.poll(dealsSeen, { timeout: 5000 }).toContain('990002');
    await chooseStage(page, 'Closed lost');
    await expectPrompt(page);
    expect(await promptOn(page).getByRole('heading').textContent()).toBe(
      'Lost: Stark Industries — Reactor service',
    );
    const deal = { crm: 'hubspot', dealId: '990002' };
    await expectPromptedOnce(ext, page, deal, since);
    // One watcher per page: the page's report paired with the save, and it was the only one
    // (the first deal's watcher, left running, would have reported the same change as 990001).
    const log = (await ext.detectionLog()).filter((entry) => entry.at >= since);
    expect(log.find((entry) => entry.decision === 'prompted')?.evidence).toBe('save + page');
    expect(log.filter((entry) => entry.kind === 'page').map((entry) => entry.dealId)).toEqual([
      '990002',
    ]);
  });
});

describe('lost labels are settings', () => {
  it('counts a renamed lost stage once the user adds its label', async () => {
    const page = await ext.context.newPage();
    await page.goto(hubspotDealUrl({ dealId: '990010', pipeline: 'renamed', stage: '2002' }));
    const since = Date.now();
    await chooseStage(page, 'Abandoned');
    // A renamed stage's id says nothing alone, and "Abandoned" is no lost label yet: the page
    // was asked and showed no loss.
    await expectNoPrompt(ext, page, hubspotDealOf(page), { since, decision: 'no-page-evidence' });

    const options = await ext.openPage('options.html#ask');
    const labels = options.getByLabel(/One per line/);
    await labels.fill(`${await labels.inputValue()}\nAbandoned`);
    await options.getByRole('button', { name: 'Save lost labels' }).click();
    await options.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await options.close();

    // The open tab picked the new label up without a reload.
    await chooseStage(page, 'Proposal');
    await chooseStage(page, 'Abandoned');
    await expectPromptedOnce(ext, page, hubspotDealOf(page), since);
  });
});

describe('detection health', () => {
  it('tells in the popup when a HubSpot deal page lacks the stage field Rebound reads, and says nothing for a page as expected', async () => {
    const expected = await ext.context.newPage();
    await expected.goto(hubspotDealUrl({ dealId: '990021' }));
    const { popup, health } = await popupHealthFor(
      ext,
      hubspotDealUrl({ dealId: '990020', layout: 'redesigned' }),
    );
    expect(await health.textContent()).toContain('HubSpot: stage field not found on this page');
    // The page as expected was opened first: it has had as long to find its stage field missing
    // as the page whose warning shows, and it found it.
    await expected.bringToFront();
    await popup.reload();
    await popup.getByTestId('lesson-count').waitFor();
    expect(await popup.getByTestId('detection-health').count()).toBe(0);
  });
});
