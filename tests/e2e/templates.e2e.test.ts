import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loseHubSpotDeal,
  launchExtension,
  promptOn,
  serveHubSpot,
  storedLessons,
  type Extension,
} from './harness';
import { goToSection, lessonRow, openLesson } from './options-page';

/**
 * Issue #4 item 3: the user's own questions and reasons, edited in the options page, are what
 * the next prompt asks and offers, and lessons written before an edit stay readable.
 */
let ext: Extension;

beforeAll(async () => {
  ext = await launchExtension();
  await serveHubSpot(ext.context);
});
afterAll(() => ext?.close());

/** Answers the quick questions every lesson needs, and saves. */
async function saveLesson(page: Page, reason: string, fill: Record<string, string> = {}) {
  const prompt = promptOn(page);
  await prompt.getByLabel('Outcome').selectOption({ label: 'No decision / stalled' });
  await prompt.getByLabel('Main reason').selectOption({ label: reason });
  for (const [label, text] of Object.entries(fill)) await prompt.getByLabel(label).fill(text);
  await prompt.getByRole('button', { name: 'Save' }).click();
  await prompt.getByRole('status').filter({ hasText: 'Lesson saved' }).waitFor();
  await page.close();
}

async function lessonNamed(name: string) {
  return (await storedLessons(ext)).find((l) => l.dealName === name);
}

/** The labels of the prompt's written questions, in the order it asks them. */
function askedLabels(page: Page): Promise<string[]> {
  return promptOn(page)
    .locator('textarea')
    .evaluateAll((boxes) =>
      boxes.map((box) => (box as HTMLTextAreaElement).labels?.[0]?.textContent ?? ''),
    );
}

describe('questions', () => {
  it('asks the reworded, reordered and added questions, and no removed one', async () => {
    const options = await ext.openPage('options.html#questions');
    await options.getByLabel('Question 2', { exact: true }).fill('…then I will try');
    await options.getByRole('button', { name: 'Move “…then I will try” up' }).click();
    await options.getByLabel('New question', { exact: true }).fill('Who else was in the room?');
    await options.getByLabel('When to ask the new question').selectOption('quick');
    await options.getByRole('button', { name: 'Add question' }).click();
    await options.getByRole('button', { name: 'Remove “Was anything luck?”' }).click();
    await options.getByRole('button', { name: 'Save questions' }).click();
    await options.getByRole('status').filter({ hasText: 'version 3' }).waitFor();
    await options.close();

    const page = await loseHubSpotDeal(ext, { name: 'Umbrella — Badge readers' });
    expect(await askedLabels(page)).toEqual([
      '…then I will try',
      'Next time I see…',
      'Who else was in the room?',
    ]);
    await promptOn(page).getByRole('button', { name: 'More questions (deep)' }).click();
    const deep = await askedLabels(page);
    expect(deep).toContain('What went well?');
    expect(deep).not.toContain('Was anything luck?');

    await saveLesson(page, 'Went dark', {
      'Who else was in the room?': 'Their new CFO',
      '…then I will try': 'ask who signs before the demo',
    });
    const lesson = await lessonNamed('Umbrella — Badge readers');
    expect(lesson).toMatchObject({ templateVersion: 3, mode: 'deep' });
    const answers = lesson!.answers as Record<string, string>;
    expect(answers.planAction).toBe('ask who signs before the demo');
    expect(Object.entries(answers)).toContainEqual([expect.stringMatching(/^q-/), 'Their new CFO']);
  });

  it('keeps a removed question readable in the lessons that answered it', async () => {
    const options = await ext.openPage('options.html#questions');
    await options.getByRole('button', { name: 'Remove “Who else was in the room?”' }).click();
    await options.getByRole('button', { name: 'Save questions' }).click();
    await options.getByRole('status').filter({ hasText: 'version 4' }).waitFor();
    await options.getByText('Removed questions (2)').click();
    await expect
      .poll(() => options.getByRole('button', { name: 'Ask “Was anything luck?” again' }).count())
      .toBe(1);

    await goToSection(options, 'Library');
    const card = await openLesson(options, 'Umbrella — Badge readers');
    const detail = card.locator('dl');
    await expect.poll(() => detail.textContent()).toContain('Who else was in the room?');
    expect(await detail.textContent()).toContain('Their new CFO');
    await options.close();

    const page = await loseHubSpotDeal(ext, { name: 'Umbrella — Turnstiles' });
    expect(await askedLabels(page)).toEqual(['…then I will try', 'Next time I see…']);
    await page.close();
  });
});

describe('reasons', () => {
  it('offers renamed and added reasons, not merged ones, and reads old lessons through merges', async () => {
    await saveLesson(await loseHubSpotDeal(ext, { name: 'Soylent — Cafeteria' }), 'Champion left');

    const options = await ext.openPage('options.html#questions');
    await options.getByLabel('Name of “Price / value”').fill('Too expensive');
    await options.getByLabel('Colour of “Champion left”').fill('#00aa44');
    await options
      .getByLabel('Merge “Champion left” into')
      .selectOption({ label: 'Buyer indecision' });
    await options.getByRole('button', { name: 'Merge “Champion left”' }).click();
    await options.getByLabel('New reason under No decision').fill('Reorganisation');
    await options.getByRole('button', { name: 'Add a reason under No decision' }).click();
    await options.getByLabel('“Went dark” is within my control').check();
    await options.getByRole('button', { name: 'Save reasons' }).click();
    await options.getByRole('status').filter({ hasText: 'version 5' }).waitFor();
    await expect
      .poll(() => options.getByTestId('merged-reason').textContent())
      .toBe('“Champion left” reads as “Buyer indecision”Undo merge');

    // The lesson written before the merge now reads as the reason it went into.
    await goToSection(options, 'Library');
    const card = await openLesson(options, 'Soylent — Cafeteria');
    await expect
      .poll(() => card.locator('.lesson-meta').textContent())
      .toContain('Buyer indecision');
    const detail = await card.locator('dl').textContent();
    expect(detail).toContain('ReasonBuyer indecision (written as “Champion left”, since merged)');
    expect(detail).toContain('Within my controlYes');
    expect((await lessonNamed('Soylent — Cafeteria'))?.reason).toBe('no-decision.champion-left');
    await options.close();

    const page = await loseHubSpotDeal(ext, { name: 'Soylent — Vending' });
    const offered = await promptOn(page)
      .getByLabel('Main reason')
      .locator('option')
      .allTextContents();
    expect(offered).toContain('Too expensive');
    expect(offered).toContain('Reorganisation');
    expect(offered).not.toContain('Price / value');
    expect(offered).not.toContain('Champion left');
    await saveLesson(page, 'Went dark');

    const library = await ext.openPage('options.html#library');
    const vending = await openLesson(library, 'Soylent — Vending');
    await expect.poll(() => vending.locator('dl').textContent()).toContain('Within my controlYes');
    await library.close();
  });

  it('shows each lesson in its reason’s colour, and lets a merge be undone', async () => {
    const options = await ext.openPage('options.html#questions');
    await options.getByRole('button', { name: 'Undo the merge of “Champion left”' }).click();
    await options.getByRole('button', { name: 'Save reasons' }).click();
    await options.getByRole('status').filter({ hasText: 'version 6' }).waitFor();

    await goToSection(options, 'Library');
    const card = lessonRow(options, 'Soylent — Cafeteria');
    await expect.poll(() => card.locator('.lesson-meta').textContent()).toContain('Champion left');
    const colour = await card
      .locator('.reason-dot')
      .evaluate((dot) => getComputedStyle(dot).backgroundColor);
    expect(colour).toBe('rgb(0, 170, 68)');
    await options.close();
  });
});
