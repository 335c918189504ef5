import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseStage,
  expectPrompt,
  hubspotDealUrl,
  launchExtension,
  promptOn,
  serveHubSpot,
  storedLessons,
  type Extension,
} from './harness';

let ext: Extension;

beforeAll(async () => {
  ext = await launchExtension();
  await serveHubSpot(ext.context);
});
afterAll(() => ext?.close());

/** The lessons stored about one deal (another test of this file saves one of its own). */
async function lessonsOf(dealId: string) {
  return (await storedLessons(ext)).filter((lesson) => lesson.dealId === dealId);
}

describe('Later', () => {
  it('closes the prompt, saves nothing and leaves the page as it was', async () => {
    const page = await ext.context.newPage();
    await page.goto(hubspotDealUrl({ dealId: '880001' }));
    await page.getByLabel('Create a note').fill('Half-written note');
    await chooseStage(page, 'Closed lost');
    await expectPrompt(page);
    await promptOn(page).getByLabel('Next time I see…').fill('Typed, then put off');
    await promptOn(page).getByRole('button', { name: 'Later' }).click();
    await promptOn(page).waitFor({ state: 'detached' });

    expect(await lessonsOf('880001')).toEqual([]);
    expect(await page.getByLabel('Create a note').inputValue()).toBe('Half-written note');
    expect(await page.locator('[data-test-id="dropdown-toggle-text"]').textContent()).toBe(
      'Closed lost',
    );
    expect(await page.title()).toBe('Acme Corp — Platform renewal | HubSpot');
  });

  it('is also what Esc does', async () => {
    const page = await ext.context.newPage();
    await page.goto(hubspotDealUrl({ dealId: '880002' }));
    await chooseStage(page, 'Closed lost');
    await expectPrompt(page);
    await promptOn(page).getByLabel('Next time I see…').click();
    await page.keyboard.press('Escape');
    await promptOn(page).waitFor({ state: 'detached' });
    expect(await lessonsOf('880002')).toEqual([]);
  });
});

describe('page text is shown as text', () => {
  it('renders a deal named like HTML literally and runs nothing', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const page = await ext.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(
      hubspotDealUrl({ dealId: '880003', name: hostile, company: '<b>Evil</b> Corp' }),
    );
    await chooseStage(page, 'Closed lost');
    await expectPrompt(page);
    expect(await promptOn(page).getByRole('heading').textContent()).toBe(`Lost: ${hostile}`);
    expect(await promptOn(page).locator('img, b').count()).toBe(0);

    await promptOn(page).getByLabel('Outcome').selectOption({ label: "Don't know yet" });
    await promptOn(page).getByRole('button', { name: 'Save' }).click();
    await promptOn(page).waitFor({ state: 'detached' });

    const popup = await ext.openPage('popup.html');
    // In the recent lessons ("Missed a loss?" lists the deal too).
    await popup
      .getByRole('region', { name: 'Recent lessons' })
      .getByText(hostile, { exact: true })
      .waitFor();
    expect(await popup.locator('li img, li b').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
