import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseStage,
  loseHubSpotDeal,
  expectPrompt,
  hubspotDealUrl,
  launchExtension,
  expectDecision,
  expectNoPrompt,
  hubspotDealOf,
  promptOn,
  serveHubSpot,
  storedLessons,
  type Extension,
} from './harness';

let ext: Extension;
let nextDeal = 700100;

beforeAll(async () => {
  ext = await launchExtension();
  // The harness's profile allows 100 prompts a day; the cap has its own test below.
  await serveHubSpot(ext.context);
});

async function setDailyCap(cap: number): Promise<void> {
  const options = await ext.openPage('options.html#ask');
  await options.getByLabel('Ask at most this many times a day').fill(String(cap));
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await options.close();
}
afterAll(() => ext?.close());

async function serviceWorkerEval<T>(fn: () => Promise<T>): Promise<T> {
  const worker = ext.context.serviceWorkers()[0]!;
  return worker.evaluate(fn);
}

describe('quick mode', () => {
  it('goes from prompt to saved lesson in at most 12 interactions', async () => {
    const page = await loseHubSpotDeal(ext, { name: 'Hooli — Search appliance' });
    const prompt = promptOn(page);
    let interactions = 0;
    const act = async (action: Promise<unknown>) => {
      await action;
      interactions++;
    };
    await act(prompt.getByLabel('Outcome').selectOption({ label: 'Lost to a competitor' }));
    await act(prompt.getByLabel('Main reason').selectOption({ label: 'Capability gap' }));
    await act(prompt.getByRole('radio', { name: 'Fairly sure' }).check());
    await act(prompt.getByRole('radio', { name: '3 Okay' }).check());
    await act(prompt.getByLabel('Next time I see…').fill('a must-have integration on the RFP'));
    await act(prompt.getByLabel('…I will').fill('bring a solutions engineer to the first call'));
    await act(prompt.getByRole('button', { name: 'Save' }).click());
    await prompt.getByRole('status').filter({ hasText: 'Lesson saved' }).waitFor();
    expect(interactions).toBeLessThanOrEqual(12);
    const lesson = (await storedLessons(ext)).find(
      (l) => l.dealName === 'Hooli — Search appliance',
    );
    expect(lesson).toMatchObject({
      outcome: 'competitor',
      reason: 'competitor.capability-gap',
      confidence: 'fairly-sure',
      feeling: 3,
      mode: 'quick',
      templateVersion: 2,
      answers: {
        planCue: 'a must-have integration on the RFP',
        planAction: 'bring a solutions engineer to the first call',
      },
    });
  });

  it('switches to deep mode and back without losing answers', async () => {
    const page = await loseHubSpotDeal(ext);
    const prompt = promptOn(page);
    await prompt.getByLabel('…I will').fill('qualify budget in the first call');
    await prompt.getByRole('button', { name: 'More questions (deep)' }).click();
    await prompt
      .getByLabel('If you could replay one moment, what would you add or do differently?')
      .fill('Ask who signs');
    await prompt.getByRole('radio', { name: 'the situation' }).check();
    await prompt.getByRole('button', { name: 'Fewer questions (quick)' }).click();
    expect(await prompt.getByLabel('…I will').inputValue()).toBe(
      'qualify budget in the first call',
    );
    await prompt.getByRole('button', { name: 'More questions (deep)' }).click();
    expect(
      await prompt
        .getByLabel('If you could replay one moment, what would you add or do differently?')
        .inputValue(),
    ).toBe('Ask who signs');
    expect(await prompt.getByRole('radio', { name: 'the situation' }).isChecked()).toBe(true);
  });
});

describe('drafts are never lost', () => {
  it('keeps what was typed when the tab closes, and finishes it from the popup', async () => {
    const page = await loseHubSpotDeal(ext, { name: 'Pied Piper — Compression pilot' });
    await promptOn(page).getByLabel('Next time I see…').fill('a pilot with no success criteria');
    await promptOn(page).getByLabel('Outcome').selectOption({ label: 'No decision / stalled' });
    await page.close();

    const popup = await ext.openPage('popup.html');
    const draft = popup.getByTestId('draft').filter({ hasText: 'Pied Piper — Compression pilot' });
    await draft.waitFor();
    const [reflect] = await Promise.all([
      ext.context.waitForEvent('page'),
      draft.getByRole('button', { name: 'Continue' }).click(),
    ]);
    await reflect.getByRole('heading', { name: 'Lost: Pied Piper — Compression pilot' }).waitFor();
    expect(await reflect.getByLabel('Next time I see…').inputValue()).toBe(
      'a pilot with no success criteria',
    );
    expect(await reflect.getByLabel('Outcome').inputValue()).toBe('no-decision');
    await reflect.getByLabel('…I will').fill('agree success criteria before the pilot starts');
    await reflect.getByRole('button', { name: 'Save' }).click();
    await reflect.getByText('Lesson saved.').waitFor();

    const lesson = (await storedLessons(ext)).find(
      (l) => l.dealName === 'Pied Piper — Compression pilot',
    );
    expect(lesson).toMatchObject({
      crm: 'hubspot',
      outcome: 'no-decision',
      answers: {
        planCue: 'a pilot with no success criteria',
        planAction: 'agree success criteria before the pilot starts',
      },
    });
    await popup.reload();
    await popup.getByTestId('lesson-count').waitFor();
    expect(await popup.getByTestId('draft').filter({ hasText: 'Pied Piper' }).count()).toBe(0);
  });
});

describe('Remind me and Skip', () => {
  it('schedules a reminder for the chosen time and keeps the draft', async () => {
    const page = await loseHubSpotDeal(ext, { name: 'Soylent — Supply chain' });
    const prompt = promptOn(page);
    await prompt.getByRole('button', { name: 'Remind me…' }).click();
    const before = Date.now();
    await prompt.getByRole('button', { name: 'In 1 hour' }).click();
    await prompt.waitFor({ state: 'detached' });
    type Alarms = { getAll(): Promise<{ name: string; scheduledTime: number }[]> };
    // The prompt closes at once; the background schedules the alarm just after.
    const reminderAlarm = async () =>
      (
        await serviceWorkerEval(() =>
          (globalThis as unknown as { chrome: { alarms: Alarms } }).chrome.alarms.getAll(),
        )
      ).find((a) => a.name.startsWith('remind:'));
    await expect.poll(reminderAlarm).toBeDefined();
    const reminder = await reminderAlarm();
    expect(reminder?.scheduledTime).toBeGreaterThanOrEqual(before + 59 * 60_000);
    expect(reminder?.scheduledTime).toBeLessThanOrEqual(Date.now() + 61 * 60_000);
    const popup = await ext.openPage('popup.html');
    await popup.getByTestId('draft').filter({ hasText: 'Soylent — Supply chain' }).waitFor();
  });

  it('never asks about a skipped deal again, and asks once about settings after three skips', async () => {
    for (let i = 0; i < 3; i++) {
      const page = await loseHubSpotDeal(ext);
      await promptOn(page).getByRole('button', { name: 'Skip this deal' }).click();
      await promptOn(page).waitFor({ state: 'detached' });
      if (i === 0) {
        // The same deal lost again (reopened, lost): skipped means never again.
        const reopened = Date.now();
        await chooseStage(page, 'Contract sent');
        await expectDecision(ext, hubspotDealOf(page), 'not-lost', reopened);
        const since = Date.now();
        await chooseStage(page, 'Closed lost');
        await expectNoPrompt(ext, page, hubspotDealOf(page), { since, decision: 'duplicate' });
      }
    }
    const fourth = await loseHubSpotDeal(ext);
    await promptOn(fourth).getByText('You skipped the last few prompts').waitFor();
    await promptOn(fourth).getByRole('button', { name: 'Later' }).click();
    const fifth = await loseHubSpotDeal(ext);
    await promptOn(fifth).getByRole('heading').waitFor();
    expect(await promptOn(fifth).getByText('You skipped the last few prompts').count()).toBe(0);
  });
});

describe('settings: when Rebound asks', () => {
  it('does not ask about deals under the minimum amount', async () => {
    const options = await ext.openPage('options.html#ask');
    await options.getByLabel('Don’t ask about deals worth less than').fill('5000');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    const small = await ext.context.newPage();
    await small.goto(hubspotDealUrl({ dealId: String(nextDeal++), amount: '$1,200.00' }));
    await chooseStage(small, 'Closed lost');
    await expectNoPrompt(ext, small, hubspotDealOf(small), { decision: 'below-minimum' });
    await loseHubSpotDeal(ext, { amount: '$9,000.00' });

    await options.getByLabel('Don’t ask about deals worth less than').fill('');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  });

  it('holds losses beyond the daily cap back from the page and lists them in the popup', async () => {
    await setDailyCap(1);
    const page = await ext.context.newPage();
    await page.goto(
      hubspotDealUrl({ dealId: String(nextDeal++), name: 'Initrode — Over the cap' }),
    );
    await chooseStage(page, 'Closed lost');
    await expectNoPrompt(ext, page, hubspotDealOf(page), { decision: 'daily-cap' });
    const popup = await ext.openPage('popup.html');
    await popup.getByTestId('draft').filter({ hasText: 'Initrode — Over the cap' }).waitFor();
    await setDailyCap(100);
  });
});

describe('a polite panel', () => {
  it('does not take the focus from the field being typed in, and CRM hotkeys stay quiet while typing in it', async () => {
    const page = await ext.context.newPage();
    await page.goto(hubspotDealUrl({ dealId: String(nextDeal++) }));
    await page.evaluate(() => {
      // Like the CRM's own keyboard shortcuts: a listener on the document.
      Object.assign(window, { hotkeys: 0 });
      document.addEventListener(
        'keydown',
        () => (window as unknown as { hotkeys: number }).hotkeys++,
      );
    });
    await chooseStage(page, 'Closed lost');
    await page.getByLabel('Create a note').click();
    await expectPrompt(page);
    await page.keyboard.type('still typing');
    expect(await page.getByLabel('Create a note').inputValue()).toBe('still typing');
    const typedInPage = await page.evaluate(
      () => (window as unknown as { hotkeys: number }).hotkeys,
    );

    await promptOn(page).getByLabel('Next time I see…').click();
    await page.keyboard.type('gj');
    expect(await promptOn(page).getByLabel('Next time I see…').inputValue()).toBe('gj');
    expect(await page.evaluate(() => (window as unknown as { hotkeys: number }).hotkeys)).toBe(
      typedInPage,
    );
  });

  it('minimises to a pill and comes back with its answers', async () => {
    const page = await loseHubSpotDeal(ext, { name: 'Vandelay — Import tools' });
    await promptOn(page).getByLabel('…I will').fill('ask for the budget owner');
    await promptOn(page).getByRole('button', { name: 'Minimise' }).click();
    await page.getByRole('button', { name: 'Reflect: Vandelay — Import tools' }).click();
    expect(await promptOn(page).getByLabel('…I will').inputValue()).toBe(
      'ask for the budget owner',
    );
  });

  it('can be dragged, and the next prompt opens where it was left', async () => {
    const page = await loseHubSpotDeal(ext);
    const box = (await promptOn(page).boundingBox())!;
    const grip = (await promptOn(page).locator('header').boundingBox())!;
    await page.mouse.move(grip.x + 60, grip.y + 10);
    await page.mouse.down();
    await page.mouse.move(grip.x + 60 - 300, grip.y + 10 - 30, { steps: 5 });
    await page.mouse.up();
    const moved = (await promptOn(page).boundingBox())!;
    expect(Math.round(moved.x - box.x)).toBe(-300);
    expect(Math.round(moved.y - box.y)).toBe(-30);
    await promptOn(page).getByRole('button', { name: 'Later' }).click();

    const next = await loseHubSpotDeal(ext);
    const reopened = (await promptOn(next).boundingBox())!;
    expect(Math.round(reopened.x)).toBe(Math.round(moved.x));
  });

  it('stays usable on a page with hostile CSS', async () => {
    const page = await ext.context.newPage();
    await page.goto(hubspotDealUrl({ dealId: String(nextDeal++) }));
    await page.addStyleTag({
      content: `html { font-size: 40px !important; }
        * { color: white !important; font-family: fantasy !important; }
        button { display: none !important; }
        .cover { position: fixed; left: 0; top: 0; width: 300px; height: 300px; z-index: 2147483647; background: red; }`,
    });
    await page.evaluate(() =>
      document.body.append(Object.assign(document.createElement('div'), { className: 'cover' })),
    );
    await page
      .locator('[data-test-id="dropdown-toggle"]')
      .evaluate((el: HTMLElement) => el.style.setProperty('display', 'inline-block', 'important'));
    await chooseStage(page, 'Closed lost');
    await expectPrompt(page);
    const save = promptOn(page).getByRole('button', { name: 'Save' });
    expect(await save.isVisible()).toBe(true);
    const style = await promptOn(page)
      .getByLabel('Outcome')
      .evaluate((el) => {
        const computed = getComputedStyle(el);
        return { fontSize: computed.fontSize, color: computed.color };
      });
    expect(style.fontSize).toBe('14px');
    expect(style.color).not.toBe('rgb(255, 255, 255)');
    await promptOn(page).getByLabel('Outcome').selectOption({ label: "Don't know yet" });
    await save.click();
    await promptOn(page).getByRole('status').filter({ hasText: 'Lesson saved' }).waitFor();
  });

  it('follows the system dark mode', async () => {
    const page = await ext.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(hubspotDealUrl({ dealId: String(nextDeal++) }));
    await chooseStage(page, 'Closed lost');
    await expectPrompt(page);
    const background = await promptOn(page).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe('rgb(28, 32, 40)');
  });
});
