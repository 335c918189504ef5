import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromCsv } from '../../src/export/csv';
import { fromJson, toJson } from '../../src/export/json';
import type { Lesson } from '../../src/lessons/schema';
import {
  chooseStage,
  confirmImport,
  exportEverything,
  previewImportOf,
  clearStoredRows,
  expectPrompt,
  hubspotDealUrl,
  launchExtension,
  promptOn,
  serveHubSpot,
  snap,
  storedLessons,
  type Extension,
} from './harness';
import { lessonRow, openLesson } from './options-page';

/*
 * Each test sets up the library it needs (emptied, or with lessons of its own) and its own
 * deals, so the tests hold in any order (`--sequence.shuffle`).
 */
let ext: Extension;
let nextDeal = 777_000;

beforeAll(async () => {
  ext = await launchExtension();
  await serveHubSpot(ext.context);
});
afterAll(() => ext?.close());

/** Quick mode: the if-then plan. */
const PLAN = {
  'Next time I see…': 'a procurement-led RFP',
  '…I will': 'ask for the economic buyer in week one',
};
/** Deep mode, by label. */
const ANSWERS = {
  'What actually happened?': 'We expected a technical win.\nProcurement ran an RFP, "price first".',
  'What was different this time?': 'No access to the economic buyer, unlike our usual deals.',
  // Starts with "=": the CSV export must not let a spreadsheet run it.
  'What went well?': '=SUM(1,2) the demo landed, the champion said so',
};
const PLAN_SENTENCE =
  'Next time I see a procurement-led RFP, I will ask for the economic buyer in week one.';

/** The answers above as a lesson stores them, by question id (src/reflection/questions.ts). */
const STORED_ANSWERS = {
  planCue: PLAN['Next time I see…'],
  planAction: PLAN['…I will'],
  whatHappened: ANSWERS['What actually happened?'],
  whatWasDifferent: ANSWERS['What was different this time?'],
  wentWell: ANSWERS['What went well?'],
};

/** A lesson as an earlier export holds it, with an id of its own for this test. */
function exportedLesson(fields: Partial<Lesson> & Pick<Lesson, 'dealName'>): Lesson {
  const at = new Date().toISOString();
  return {
    id: randomUUID(),
    createdAt: at,
    updatedAt: at,
    schemaVersion: 1,
    crm: 'manual',
    outcome: 'no-decision',
    answers: {},
    ...fields,
  };
}

/** Lessons put in the library through the options page's import, as a user restores a file. */
async function importLessons(lessons: Lesson[]): Promise<void> {
  const options = await ext.openPage('options.html#data');
  await previewImportOf(options, {
    name: 'rebound-lessons.json',
    mimeType: 'application/json',
    buffer: Buffer.from(toJson(lessons)),
  });
  await confirmImport(options);
  const ids = lessons.map((lesson) => lesson.id);
  await expect
    .poll(async () => (await storedLessons(ext)).filter((l) => ids.includes(String(l.id))))
    .toHaveLength(lessons.length);
  await options.close();
}

describe('the whole loop on HubSpot', () => {
  it('starts with an empty popup that says what to do', async () => {
    await clearStoredRows(ext, 'lessons');
    const popup = await ext.openPage('popup.html');
    await popup.getByText('No lessons yet.').waitFor();
    expect(await popup.getByTestId('lesson-count').textContent()).toBe('0 lessons');
    await popup.close();
  });

  it('prompts on a loss without blocking the CRM, saves the reflection, and shows it in the popup and the options page', async () => {
    await clearStoredRows(ext, 'lessons');
    const dealId = String(nextDeal++);
    const page = await ext.context.newPage();
    await page.goto(
      hubspotDealUrl({
        dealId,
        name: 'Initech — Payroll migration',
        company: 'Initech',
        amount: '€12.500,00',
      }),
    );
    await chooseStage(page, 'Closed lost');
    await expectPrompt(page);
    const prompt = promptOn(page);
    expect(await prompt.getByRole('heading').textContent()).toContain(
      'Initech — Payroll migration',
    );

    // The CRM page stays usable while the prompt is open.
    await page.getByLabel('Create a note').fill('Call back in Q3');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByText('Note saved').waitFor();

    await prompt.getByLabel('Outcome').selectOption({ label: 'Lost to a competitor' });
    await prompt.getByLabel('Main reason').selectOption({ label: 'Price / value' });
    await prompt.getByRole('radio', { name: 'The buyer told me' }).check();
    await prompt.getByRole('radio', { name: '2 Low' }).check();
    for (const [label, text] of Object.entries(PLAN)) await prompt.getByLabel(label).fill(text);
    await prompt.getByRole('button', { name: 'More questions (deep)' }).click();
    for (const [label, text] of Object.entries(ANSWERS)) await prompt.getByLabel(label).fill(text);
    await snap(page, 'loop-1-prompt-answered');
    await prompt.getByRole('button', { name: 'Save' }).click();
    await prompt.getByRole('status').filter({ hasText: 'Lesson saved' }).waitFor();
    await prompt.waitFor({ state: 'detached' });

    const [lesson, ...more] = await storedLessons(ext);
    expect(more).toEqual([]);
    expect(lesson).toMatchObject({
      crm: 'hubspot',
      dealId,
      dealName: 'Initech — Payroll migration',
      company: 'Initech',
      amount: 12500,
      currency: 'EUR',
      stageBefore: 'Presentation scheduled',
      outcome: 'competitor',
      reason: 'competitor.price-value',
      confidence: 'buyer-told-me',
      feeling: 2,
      mode: 'deep',
      schemaVersion: 1,
      answers: STORED_ANSWERS,
    });
    expect(lesson?.dealUrl).toContain(`/contacts/20261125/record/0-3/${dealId}`);

    // The popup lists it with its reason and its plan, in a sentence.
    const popup = await ext.openPage('popup.html');
    await popup.getByTestId('lesson-count').filter({ hasText: '1 lesson' }).waitFor();
    // The lessons' list ("Missed a loss?" below it lists the deals opened).
    const items = popup.getByRole('region', { name: 'Recent lessons' }).getByRole('listitem');
    expect(await items.count()).toBe(1);
    const listed = await items.first().textContent();
    expect(listed).toContain('Initech — Payroll migration');
    expect(listed).toContain('Price / value');
    expect(listed).toContain(PLAN_SENTENCE);
    await snap(popup, 'loop-2-popup');
    await popup.close();

    // The options page shows it, and opened, every answer.
    const options = await ext.openPage('options.html#library');
    const initech = await openLesson(options, 'Initech — Payroll migration');
    await snap(options, 'loop-3-options');
    for (const text of [...Object.values(ANSWERS), PLAN_SENTENCE]) {
      expect(
        await initech
          .locator('dd')
          .filter({ hasText: text.split('\n')[0]! })
          .count(),
      ).toBe(1);
    }
    await options.close();
  });

  it('takes a loss from outside any CRM through "Reflect on a lost deal", listed first in the popup', async () => {
    const popup = await ext.openPage('popup.html');
    const [reflect] = await Promise.all([
      ext.context.waitForEvent('page'),
      popup.getByRole('button', { name: 'Reflect on a lost deal' }).click(),
    ]);
    await reflect.waitForLoadState();
    expect(reflect.url()).toContain('/reflect.html');
    await reflect.getByRole('button', { name: 'Save' }).click();
    await reflect.getByRole('alert').filter({ hasText: 'Give the deal a name' }).waitFor();
    await reflect.getByLabel('Deal', { exact: true }).fill('Umbrella — Field sales pilot');
    await reflect.getByLabel('Company').fill('Umbrella');
    await reflect.getByLabel('Outcome').selectOption({ label: 'No decision / stalled' });
    await reflect.getByLabel('Main reason').selectOption({ label: 'Champion left' });
    await reflect.getByLabel('…I will').fill('multi-thread as soon as my champion goes quiet');
    await reflect.getByRole('button', { name: 'Save' }).click();
    await reflect.getByText('Lesson saved.').waitFor();
    await reflect.close();

    const lesson = (await storedLessons(ext)).find(
      (l) => l.dealName === 'Umbrella — Field sales pilot',
    );
    expect(lesson).toMatchObject({ crm: 'manual', company: 'Umbrella', outcome: 'no-decision' });
    await popup.reload();
    const newest = popup.getByRole('region', { name: 'Recent lessons' }).getByRole('listitem');
    await newest.first().filter({ hasText: 'Umbrella — Field sales pilot' }).waitFor();
    expect(await newest.first().textContent()).toContain('Champion left');
    await popup.close();
  });

  it('imports a JSON file, and exports JSON and CSV that read back to the stored lessons, and Markdown with a section each', async () => {
    await importLessons([
      exportedLesson({
        crm: 'hubspot',
        dealId: String(nextDeal++),
        dealName: 'Initech — Payroll migration',
        company: 'Initech',
        amount: 12500,
        currency: 'EUR',
        outcome: 'competitor',
        reason: 'competitor.price-value',
        mode: 'deep',
        templateVersion: 2,
        answers: STORED_ANSWERS,
      }),
      exportedLesson({
        dealName: 'Umbrella — Field sales pilot',
        reason: 'no-decision.champion-left',
      }),
    ]);
    const stored = await storedLessons(ext);
    const byId = (a: { id?: unknown }, b: { id?: unknown }) =>
      String(a.id).localeCompare(String(b.id));
    const options = await ext.openPage('options.html#data');

    const json = fromJson((await exportEverything(options, 'json')).toString('utf8'));
    expect(json.ok && json.lessons.sort(byId)).toEqual(stored.sort(byId));

    const csvText = (await exportEverything(options, 'csv')).toString('utf8');
    expect(csvText).toContain(`"'=SUM(1,2) the demo landed, the champion said so"`);
    const csv = fromCsv(csvText);
    expect(csv.ok && csv.lessons.sort(byId)).toEqual(stored.sort(byId));

    const markdown = (await exportEverything(options, 'md')).toString('utf8');
    expect(markdown.match(/^## /gm)).toHaveLength(stored.length);
    expect(markdown).toContain('## Initech — Payroll migration');
    expect(markdown).toContain('## Umbrella — Field sales pilot');
    expect(markdown).toContain('### What actually happened?');
    expect(markdown).toContain(`- **Plan:** ${PLAN_SENTENCE}`);
    await options.close();
  });

  it('deletes a lesson at once, and Undo puts it back exactly', async () => {
    const kept = exportedLesson({ dealName: 'Hooli — Kept lesson' });
    const deleted = exportedLesson({ dealName: 'Hooli — Deleted lesson' });
    await importLessons([kept, deleted]);
    const before = await storedLessons(ext);
    const options = await ext.openPage('options.html#library');
    const card = await openLesson(options, 'Hooli — Deleted lesson');
    await card.getByRole('button', { name: 'Delete' }).click();
    await card.waitFor({ state: 'detached' });
    const toast = options.getByRole('status').filter({ hasText: 'Deleted 1 lesson' });
    await toast.waitFor();
    const ids = (await storedLessons(ext)).map((l) => l.id);
    expect(ids).toHaveLength(before.length - 1);
    expect(ids).toContain(kept.id);
    expect(ids).not.toContain(deleted.id);

    await toast.getByRole('button', { name: 'Undo' }).click();
    await lessonRow(options, 'Hooli — Deleted lesson').waitFor();
    expect(await storedLessons(ext)).toEqual(before);
    await options.close();
  });
});

describe('prefill from the CRM', () => {
  it('shows the lost reason given in HubSpot’s dialog and preselects ours when it says the same', async () => {
    const dealId = String(nextDeal++);
    const page = await ext.context.newPage();
    await page.goto(hubspotDealUrl({ dealId, lostReasonDialog: '1', amount: '$7,500.00' }));
    await chooseStage(page, 'Closed lost');
    await page.getByLabel('Closed lost reason', { exact: true }).fill('Price');
    await page.locator('[data-test-id="required-save"]').click();
    await expectPrompt(page);
    const prompt = promptOn(page);
    expect(await prompt.getByText('CRM reason: Price').count()).toBe(1);
    expect(await prompt.getByText('Acme Corp · was Presentation scheduled').count()).toBe(1);
    expect(await prompt.getByLabel('Main reason').inputValue()).toBe('competitor.price-value');
    expect(await prompt.getByRole('radio', { name: 'Fairly sure' }).isChecked()).toBe(true);
    await prompt.getByLabel('Outcome').selectOption({ label: 'Lost to a competitor' });
    await prompt.getByRole('button', { name: 'Save' }).click();
    await prompt.waitFor({ state: 'detached' });
    const lesson = (await storedLessons(ext)).find((l) => l.dealId === dealId);
    expect(lesson).toMatchObject({
      crmLostReason: 'Price',
      reason: 'competitor.price-value',
      amount: 7500,
    });
  });
});
