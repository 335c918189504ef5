import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromJson } from '../../src/export/json';
import {
  chooseStage,
  exportEverything,
  clearStoredRows,
  expectNoPrompt,
  expectPrompt,
  expectPromptedOnce,
  hubspotDealUrl,
  launchExtension,
  promptOn,
  serveHubSpot,
  snap,
  storedLessons,
  storedRows,
  type DealOptions,
  type Extension,
  type SandboxCrm,
} from './harness';
import { goToSection } from './options-page';

/**
 * Issue #4 item 10: the opt-in "what worked" capture when a deal is marked won, on the sandbox
 * HubSpot. Off by default (nothing changes for users who did not turn it on); on, a confirmed
 * win opens the small "Won:" panel, and a loss still gets the loss prompt.
 */
let ext: Extension;
let sandbox: SandboxCrm;
let nextDeal = 880100;

beforeAll(async () => {
  ext = await launchExtension();
  sandbox = await serveHubSpot(ext.context);
});
afterAll(() => ext?.close());

async function openDeal(options: DealOptions = {}): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(hubspotDealUrl({ dealId: String(nextDeal++), ...options }));
  await page.locator('[data-test-id="dropdown-toggle"]').waitFor();
  return page;
}

/** The deal a record page shows, as the detection log names it (the record id in its path). */
const dealOn = (page: Page) => ({
  crm: 'hubspot',
  dealId: new URL(page.url()).pathname.split('/').at(-1)!,
});

const storedWins = () => storedRows(ext, 'wins');

/** Rebound's win panel, by its accessible name. */
const winPanel = (page: Page) =>
  page.locator('rebound-prompt').getByRole('dialog', { name: /^Won: / });

/** Turns the "what worked" capture on or off in the options page, as the user does. */
async function setCaptureWins(on: boolean): Promise<void> {
  const options = await ext.openPage('options.html#ask');
  const box = options.getByRole('checkbox', { name: 'Ask what worked when a deal is won' });
  if ((await box.isChecked()) !== on) {
    await box.setChecked(on);
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  }
  await options.close();
}

// Each group sets the capture as it needs it, so the groups hold in any order.
describe('with "what worked" off (the default)', () => {
  beforeAll(() => setCaptureWins(false));

  it('shows no panel and stores nothing when a deal is marked Closed won', async () => {
    const page = await openDeal();
    const since = Date.now();
    await chooseStage(page, 'Closed won');
    await page.locator('[data-test-id="dropdown-toggle"]', { hasText: 'Closed won' }).waitFor();
    // The save says won, so no loss; with the capture off nothing asks about the win.
    await expectNoPrompt(ext, page, dealOn(page), { since, decision: 'not-lost' });
    const ofDeal = (rows: Record<string, unknown>[]) =>
      rows.filter((row) => row.dealId === dealOn(page).dealId);
    expect(ofDeal(await storedWins())).toEqual([]);
    expect(ofDeal(await storedRows(ext, 'winPrompts'))).toEqual([]);
    // The detector was live: a loss after it prompts.
    const lossAt = Date.now();
    await chooseStage(page, 'Closed lost');
    await expectPromptedOnce(ext, page, dealOn(page), lossAt);
    await page.close();
  });

  it('leaves the checkbox off in the options page, with a hint saying what it does', async () => {
    const options = await ext.openPage('options.html#ask');
    const box = options.getByRole('checkbox', { name: 'Ask what worked when a deal is won' });
    expect(await box.isChecked()).toBe(false);
    expect(await box.getAttribute('aria-describedby')).toBe('capture-wins-hint');
    expect(await options.locator('#capture-wins-hint').textContent()).toContain('three short');
    await options.close();
  });
});

describe('with "what worked" on', () => {
  beforeAll(() => setCaptureWins(true));

  const ANSWERS = {
    'If a teammate asked what won this deal, what would you tell them?':
      'The champion co-wrote the business case with us.',
    'Next time I see…': 'a champion who has to sell it internally',
    '…I will again': 'write the business case with them in week two',
    'What nearly lost it, or was luck?': 'Legal review took three weeks; luck that the CFO stayed.',
  };

  it('shows the "Won:" panel on Closed won, saves the answers, and lists them in the options page', async () => {
    // The options page, the export and the popup are read with this win as the only one.
    await clearStoredRows(ext, 'wins');
    await clearStoredRows(ext, 'lessons');
    const page = await openDeal({
      name: 'Initech <b>Payroll</b> rollout',
      company: 'Initech',
      amount: '€12.500,00',
    });
    await chooseStage(page, 'Closed won');
    await expectPrompt(page);
    const panel = winPanel(page);
    // The deal name is page text: shown as text, never as markup.
    expect(await panel.getByRole('heading').textContent()).toBe(
      'Won: Initech <b>Payroll</b> rollout',
    );
    expect(await panel.getByText('Initech · was Presentation scheduled').count()).toBe(1);
    // Non-modal and polite: the panel takes no focus when it appears.
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('REBOUND-PROMPT');
    // A win capture, not a loss prompt.
    expect(await panel.getByLabel('Outcome').count()).toBe(0);

    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByRole('alert').filter({ hasText: 'Answer at least one question' }).waitFor();
    for (const [label, text] of Object.entries(ANSWERS)) await panel.getByLabel(label).fill(text);
    await snap(page, 'won-1-panel-answered');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByRole('status').filter({ hasText: 'Saved under “What worked”' }).waitFor();
    await panel.waitFor({ state: 'detached' });

    const [win, ...more] = await storedWins();
    expect(more).toEqual([]);
    expect(win).toMatchObject({
      crm: 'hubspot',
      dealId: String(nextDeal - 1),
      dealName: 'Initech <b>Payroll</b> rollout',
      company: 'Initech',
      amount: 12500,
      currency: 'EUR',
      stageBefore: 'Presentation scheduled',
      schemaVersion: 1,
      answers: {
        difference: 'The champion co-wrote the business case with us.',
        againCue: 'a champion who has to sell it internally',
        againAction: 'write the business case with them in week two',
        nearlyLost: 'Legal review took three weeks; luck that the CFO stayed.',
      },
    });
    expect(await storedLessons(ext)).toEqual([]);

    const options = await ext.openPage('options.html#library');
    const listed = options.getByTestId('win');
    await listed.first().waitFor();
    expect(await listed.count()).toBe(1);
    const text = await listed.textContent();
    expect(text).toContain('Initech <b>Payroll</b> rollout');
    expect(text).toContain(
      'Next time I see a champion who has to sell it internally, I will again write the business case with them in week two.',
    );
    expect(text).toContain('Legal review took three weeks');
    await snap(options, 'won-2-options');

    // Kept beside the lessons: the JSON export carries it, field for field.
    await goToSection(options, 'Your data');
    const json = fromJson((await exportEverything(options, 'json')).toString('utf8'));
    expect(json.ok && json.wins).toEqual([win]);
    await options.close();

    const popup = await ext.openPage('popup.html');
    await popup.getByTestId('win-count').filter({ hasText: '1 win' }).waitFor();
    await popup.close();
    await page.close();
  });

  it('closes on Esc, keeping what was written, and does not ask again when the win is re-saved', async () => {
    const page = await openDeal({ name: 'Hooli — Esc' });
    await chooseStage(page, 'Closed won');
    const panel = winPanel(page);
    await panel.waitFor();
    await panel
      .getByLabel('What nearly lost it, or was luck?')
      .fill('The incumbent missed a deadline');
    await page.keyboard.press('Escape');
    await panel.getByRole('status').filter({ hasText: 'Kept what you wrote' }).waitFor();
    await panel.waitFor({ state: 'detached' });
    const kept = (await storedWins()).filter((w) => w.dealName === 'Hooli — Esc');
    expect(kept).toHaveLength(1);
    expect(kept[0]!.answers).toEqual({ nearlyLost: 'The incumbent missed a deadline' });

    const saves = sandbox.saves.length;
    const since = Date.now();
    await chooseStage(page, 'Closed won');
    await expect.poll(() => sandbox.saves.length).toBe(saves + 1);
    await expectNoPrompt(ext, page, dealOn(page), { since, decision: 'not-lost' });
    // Not asked again: the win panel's one claim stands (the re-save is only "not lost").
    expect(await winPanel(page).count()).toBe(0);
    // The page was watched all along: a loss after it prompts, the only panel since the re-save.
    await chooseStage(page, 'Closed lost');
    await expectPromptedOnce(ext, page, dealOn(page), since);
    await page.close();
  });

  it('lets a capture go on "Not now" with nothing written, and keeps what was typed when the tab closes', async () => {
    const empty = await openDeal({ name: 'Hooli — Nothing to say' });
    await chooseStage(empty, 'Closed won');
    await winPanel(empty).getByRole('button', { name: 'Not now' }).click();
    await winPanel(empty).waitFor({ state: 'detached' });
    await empty.close();

    const closed = await openDeal({ name: 'Hooli — Closed tab' });
    await chooseStage(closed, 'Closed won');
    await winPanel(closed)
      .getByLabel('If a teammate asked what won this deal, what would you tell them?')
      .fill('We met the board early');
    await closed.close({ runBeforeUnload: true });

    await expect
      .poll(async () => (await storedWins()).map((w) => w.dealName))
      .toContain('Hooli — Closed tab');
    const names = (await storedWins()).map((w) => w.dealName);
    expect(names).not.toContain('Hooli — Nothing to say');
    const kept = (await storedWins()).find((w) => w.dealName === 'Hooli — Closed tab');
    expect(kept?.answers).toEqual({ difference: 'We met the board early' });
  });

  it('minimises to a pill and comes back with what was written', async () => {
    const page = await openDeal({ name: 'Hooli — Pill' });
    await chooseStage(page, 'Closed won');
    const panel = winPanel(page);
    const nearly = panel.getByLabel('What nearly lost it, or was luck?');
    await nearly.fill('Budget freeze rumours');
    await panel.getByRole('button', { name: 'Minimise' }).click();
    await panel.waitFor({ state: 'hidden' });
    const pill = page.locator('rebound-prompt').getByRole('button', {
      name: 'What worked: Hooli — Pill',
    });
    await pill.click();
    expect(await nearly.inputValue()).toBe('Budget freeze rumours');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.waitFor({ state: 'detached' });
    await page.close();
  });

  it('still gives a lost deal the normal loss prompt, not the win panel', async () => {
    const page = await openDeal({ name: 'Globex — Fleet tracking' });
    await chooseStage(page, 'Closed lost');
    await expectPrompt(page);
    const prompt = promptOn(page);
    expect(await prompt.getByRole('heading').textContent()).toBe('Lost: Globex — Fleet tracking');
    expect(await prompt.getByLabel('Outcome').count()).toBe(1);
    expect(await winPanel(page).count()).toBe(0);
    await prompt.getByRole('button', { name: 'Later' }).click();
    await prompt.waitFor({ state: 'detached' });
    expect((await storedWins()).map((w) => w.dealName)).not.toContain('Globex — Fleet tracking');
    await page.close();
  });

  it('counts a renamed won stage once the user adds it to the won labels', async () => {
    const page = await openDeal({ pipeline: 'renamed', stage: '2002' });
    const since = Date.now();
    await chooseStage(page, 'Signed');
    // A renamed stage's id says nothing alone, and "Signed" is no won label yet: the page
    // was asked and showed no loss, and nothing counts it as a win.
    await expectNoPrompt(ext, page, dealOn(page), { since, decision: 'no-page-evidence' });

    const options = await ext.openPage('options.html#ask');
    const labels = options.locator('#won-labels');
    await labels.fill(`${await labels.inputValue()}\nSigned`);
    await options.getByRole('button', { name: 'Save won labels' }).click();
    await options
      .getByRole('status')
      .filter({ hasText: /^Saved \d+ won labels/ })
      .waitFor();
    await options.close();

    // The open tab picked the new label up without a reload.
    await chooseStage(page, 'Proposal');
    await chooseStage(page, 'Signed');
    await winPanel(page).waitFor();
    await page.close();
  });
});
