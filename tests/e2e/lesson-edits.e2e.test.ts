import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchExtension,
  loseHubSpotDeal,
  promptOn,
  serveHubSpot,
  storedLessons,
  type Extension,
} from './harness';
import { openLesson, openOptions } from './options-page';

/**
 * Issue #10 item 2: a saved lesson edited in the options page keeps what it said before (an
 * "edited" mark, a History), and takes tags with autocomplete, in the built extension.
 */
let ext: Extension;

beforeAll(async () => {
  ext = await launchExtension();
  await serveHubSpot(ext.context);
});
afterAll(() => ext?.close());

async function saveLesson(name: string, plan: string, tag?: string) {
  const page = await loseHubSpotDeal(ext, { name });
  const prompt = promptOn(page);
  await prompt.getByLabel('Outcome').selectOption({ label: 'No decision / stalled' });
  await prompt.getByLabel('…I will').fill(plan);
  await prompt.getByRole('button', { name: 'Save' }).click();
  await prompt.getByRole('status').filter({ hasText: 'Lesson saved' }).waitFor();
  await page.close();
  if (tag) {
    const options = await openOptions(ext, 'library');
    const card = await openLesson(options, name);
    await card.getByRole('combobox', { name: 'Add a tag' }).fill(tag);
    await card.getByRole('combobox', { name: 'Add a tag' }).press('Enter');
    await card.getByRole('button', { name: `Remove tag ${tag}` }).waitFor();
    await options.close();
  }
}

describe('editing a saved lesson', () => {
  it('saves the edit, marks the lesson edited, keeps the earlier text, and suggests known tags', async () => {
    await saveLesson('Initech — Printers', 'ask who signs', 'Enterprise');
    await saveLesson('Initech — Staplers', 'send the case study early');

    const options = await openOptions(ext, 'library');
    const card = await openLesson(options, 'Initech — Staplers');
    await card.getByRole('button', { name: 'Edit' }).click();
    const form = card.getByRole('form', { name: 'Edit lesson' });
    await form.getByLabel('…I will').fill('send the case study before the demo');
    await form.getByLabel('Company').fill('Initech');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await card.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
    expect(await card.getByText(/^Edited /).count()).toBe(1);
    await card.getByText('History (2 changes)').click();
    expect(await card.locator('.history-list').textContent()).toContain(
      'send the case study early',
    );

    // Typing part of a tag another lesson has offers it; the keyboard takes it.
    const field = card.getByRole('combobox', { name: 'Add a tag' });
    await field.fill('ent');
    await card.getByRole('option', { name: 'Enterprise' }).waitFor();
    await field.press('ArrowDown');
    expect(await field.getAttribute('aria-activedescendant')).toBeTruthy();
    await field.press('Enter');
    await card.getByRole('button', { name: 'Remove tag Enterprise' }).waitFor();

    await options.reload();
    const again = await openLesson(options, 'Initech — Staplers');
    await again.getByText(/^Edited /).waitFor();
    await again.getByRole('button', { name: 'Remove tag Enterprise' }).waitFor();
    await options.close();

    const lesson = (await storedLessons(ext)).find((l) => l.dealName === 'Initech — Staplers');
    expect(lesson).toMatchObject({
      company: 'Initech',
      tags: ['Enterprise'],
      answers: { planAction: 'send the case study before the demo' },
      history: [
        { field: 'company' },
        { field: 'answers.planAction', previous: 'send the case study early' },
      ],
    });
  });
});
