import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseStage,
  expectPrompt,
  hubspotDealUrl,
  launchExtension,
  popupHealthFor,
  promptCountAfterWait,
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

describe('HubSpot as a single-page app', () => {
  it('re-arms on in-app navigation: the next deal is watched, once, under its own id', async () => {
    const page = await ext.context.newPage();
    await page.goto(hubspotDealUrl({ dealId: '990001' }));
    await page.getByRole('link', { name: 'Next deal: Stark Industries' }).click();
    await page.waitForURL(/\/record\/0-3\/990002$/);
    // Changes in the first second after an in-app navigation are the new page rendering
    // (src/detection/run-content.ts); a person looks at the new deal before changing it.
    await page.waitForTimeout(1200);
    await chooseStage(page, 'Closed lost');
    await expectPrompt(page);
    expect(await promptOn(page).getByRole('heading').textContent()).toBe(
      'Lost: Stark Industries — Reactor service',
    );
    // One watcher per page: the first deal's watcher was stopped, not left running beside it.
    expect(await promptCountAfterWait(page)).toBe(1);
  });
});

describe('lost labels are settings', () => {
  it('counts a renamed lost stage once the user adds its label', async () => {
    const page = await ext.context.newPage();
    await page.goto(hubspotDealUrl({ dealId: '990010', pipeline: 'renamed', stage: '2002' }));
    await chooseStage(page, 'Abandoned');
    expect(await promptCountAfterWait(page)).toBe(0);

    const options = await ext.openPage('options.html');
    const labels = options.getByLabel(/One per line/);
    await labels.fill(`${await labels.inputValue()}\nAbandoned`);
    await options.getByRole('button', { name: 'Save lost labels' }).click();
    await options.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await options.close();

    // The open tab picked the new label up without a reload.
    await chooseStage(page, 'Proposal');
    await chooseStage(page, 'Abandoned');
    await expectPrompt(page);
  });
});

describe('detection health', () => {
  it('tells in the popup when a HubSpot deal page lacks the stage field Rebound reads', async () => {
    const { health } = await popupHealthFor(
      ext,
      hubspotDealUrl({ dealId: '990020', layout: 'redesigned' }),
    );
    expect(await health.textContent()).toContain('HubSpot: stage field not found on this page');
  });

  it('says nothing when the page is as expected', async () => {
    const popup = await ext.openPage('popup.html');
    const page = await ext.context.newPage();
    await page.goto(hubspotDealUrl({ dealId: '990021' }));
    await page.bringToFront();
    await page.waitForTimeout(6000);
    await popup.reload();
    await popup.getByTestId('lesson-count').waitFor();
    expect(await popup.getByTestId('detection-health').count()).toBe(0);
  });
});
