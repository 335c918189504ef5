import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/lessons/schema';
import { reviewFor, type Review } from '../../src/lessons/review-schedule';
import { SETTINGS_KEYS } from '../../src/settings/keys';
import { ComeBackSettingsSchema } from '../../src/settings/schema';
import { expectAccessible } from './axe';
import {
  clearStoredRows,
  launchExtension,
  loseHubSpotDeal,
  promptOn,
  putStoredRows,
  serveHubSpot,
  snap,
  storedLessons,
  storedRows,
  type Extension,
} from './harness';
import { createDatabase } from './seed';
import { openLesson } from './options-page';

/**
 * Issue #11 items 1–2 in the built extension: the popup's review of due lessons (answer, snooze,
 * retire), the second look changing a loss's reason through an edit the library shows, and the
 * setting that turns second looks off. Lessons and their review rows are seeded as stored.
 */
let ext: Extension;

beforeAll(async () => {
  ext = await launchExtension();
  await serveHubSpot(ext.context);
  // The database (and its tables) exists before rows are seeded.
  await createDatabase(ext);
});
afterAll(() => ext?.close());

beforeEach(async () => {
  await clearStoredRows(ext, 'lessons');
  await clearStoredRows(ext, 'reviews');
  await setSecondLook(true);
});

const DAY_MS = 86_400_000;

/** A lesson written `daysAgo` days ago; with an if-then plan unless `answers` says otherwise. */
function lesson(dealName: string, daysAgo: number, answers?: Lesson['answers']): Lesson {
  const at = new Date(Date.now() - daysAgo * DAY_MS).toISOString();
  return {
    id: randomUUID(),
    createdAt: at,
    updatedAt: at,
    schemaVersion: 1,
    crm: 'hubspot',
    dealName,
    outcome: 'competitor',
    reason: 'competitor.price-value',
    answers: answers ?? {
      planCue: 'the CFO joins a call',
      planAction: `ask ${dealName} who signs`,
    },
  };
}

/** Stores lessons and the review rows a new lesson gets (src/lessons/review-schedule.ts). */
async function seed(lessons: Lesson[]): Promise<void> {
  await putStoredRows(ext, 'lessons', lessons);
  const now = new Date();
  const reviews = lessons.map((l) => reviewFor(l, now)).filter((r): r is Review => !!r);
  await putStoredRows(ext, 'reviews', reviews);
}

async function setSecondLook(secondLook: boolean) {
  const value = ComeBackSettingsSchema.parse({ secondLook });
  await ext.inWorker(
    ([key, value]) =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { set(items: object): Promise<void> } } };
        }
      ).chrome.storage.local.set({ [key as string]: value }),
    [SETTINGS_KEYS.comeBack, value] as const,
  );
}

async function review(id: string): Promise<Review> {
  const rows = (await storedRows(ext, 'reviews')) as Review[];
  return rows.find((r) => r.lessonId === id)!;
}

const card = (page: Page, name: string) => page.getByRole('article', { name, exact: true });

async function openReview(path = 'popup.html'): Promise<Page> {
  const page = await ext.openPage(path);
  await page.getByRole('heading', { name: 'Review' }).waitFor();
  return page;
}

describe('the review in the popup', () => {
  it('a lesson saved from a loss with a plan comes back for review a week later', async () => {
    const page = await loseHubSpotDeal(ext, { name: 'Hooli — Cloud' });
    const prompt = promptOn(page);
    await prompt.getByLabel('Outcome').selectOption({ label: 'No decision / stalled' });
    await prompt.getByLabel('…I will').fill('ask for the decision date');
    await prompt.getByRole('button', { name: 'Save' }).click();
    await prompt.getByRole('status').filter({ hasText: 'Lesson saved' }).waitFor();
    await page.close();
    const saved = (await storedLessons(ext)).find((l) => l.dealName === 'Hooli — Cloud')!;
    const row = await review(saved.id as string);
    expect(Date.parse(row.plan!.due) - Date.parse(saved.createdAt as string)).toBe(7 * DAY_MS);
    expect(row.secondLook).toBeDefined();
    // Not due today: the popup's review has nothing for it.
    const popup = await openReview();
    await popup.getByTestId('review-empty').waitFor();
    await popup.close();
  });

  it('an answer sets the next due date and the card goes; another due card stays', async () => {
    const acme = lesson('Acme renewal', 8);
    const globex = lesson('Globex expansion', 9);
    const fresh = lesson('Initech pilot', 2);
    await seed([acme, globex, fresh]);
    const before = await review(acme.id);
    const popup = await openReview();
    const acmeCard = card(popup, 'Acme renewal');
    await acmeCard.waitFor();
    await card(popup, 'Globex expansion').waitFor();
    expect(await acmeCard.textContent()).toContain('ask Acme renewal who signs');
    expect(await acmeCard.textContent()).toContain('Price / value');
    // Its first review is a week after the lesson: not due yet, as the other two show.
    expect(await card(popup, 'Initech pilot').count()).toBe(0);

    await acmeCard
      .getByRole('group', { name: 'Since then, did you apply it?' })
      .getByRole('button', { name: 'Applied' })
      .click();
    await acmeCard.waitFor({ state: 'detached' });
    await card(popup, 'Globex expansion').waitFor();
    const after = await review(acme.id);
    expect(after.plan!.due > before.plan!.due).toBe(true);
    expect(Date.parse(after.due!)).toBeGreaterThan(Date.now() + DAY_MS);
    expect(await popup.getByTestId('review-progress').textContent()).toContain('1 plan applied');
    await popup.close();

    // Opened again, it is still answered.
    const again = await openReview();
    await card(again, 'Globex expansion').waitFor();
    expect(await card(again, 'Acme renewal').count()).toBe(0);
    await again.close();
  });

  it('snoozes a card until tomorrow and retires another; a third stays', async () => {
    const [a, b, c] = [
      lesson('Snoozed deal', 8),
      lesson('Retired deal', 8),
      lesson('Kept deal', 8),
    ];
    await seed([a, b, c]);
    const popup = await openReview();
    await card(popup, 'Snoozed deal')
      .getByRole('button', { name: 'Snooze until tomorrow' })
      .click();
    await card(popup, 'Snoozed deal').waitFor({ state: 'detached' });
    await card(popup, 'Retired deal').getByRole('button', { name: 'Stop reviewing' }).click();
    await card(popup, 'Retired deal').waitFor({ state: 'detached' });
    await card(popup, 'Kept deal').waitFor();
    await popup.close();

    const snoozed = await review(a.id);
    const tomorrow = Date.now() + DAY_MS;
    expect(Math.abs(Date.parse(snoozed.snoozedUntil!) - tomorrow)).toBeLessThan(60_000);
    expect(snoozed.due).toBe(snoozed.snoozedUntil);
    const retired = await review(b.id);
    expect(retired.retired).toBeDefined();
    expect(retired.due).toBeUndefined();
  });

  it('the second look changes the reason; the lesson keeps the earlier one and the library shows the edit', async () => {
    const lost = lesson('Umbrella — Renewal', 15, { whatHappened: 'They stayed put.' });
    await seed([lost]);
    const popup = await openReview();
    const look = card(popup, 'Umbrella — Renewal');
    const question = look.getByRole('group', { name: 'Learned anything new about why?' });
    await question.getByRole('button', { name: 'Change the reason' }).click();
    await question.getByLabel('Main reason').selectOption({ label: 'Incumbent relationship' });
    await question.getByRole('button', { name: 'Save the change' }).click();
    await popup.getByRole('status').filter({ hasText: 'Reason updated' }).waitFor();
    await look.waitFor({ state: 'detached' });
    await popup.close();

    const stored = (await storedLessons(ext)).find((l) => l.id === lost.id)!;
    expect(stored.reason).toBe('competitor.incumbent');
    expect(stored.history).toEqual([
      expect.objectContaining({ field: 'reason', previous: 'competitor.price-value' }),
    ]);

    const options = await ext.openPage('options.html#library');
    const detail = await openLesson(options, 'Umbrella — Renewal');
    await detail.getByText(/^Edited /).waitFor();
    expect(await detail.textContent()).toContain('Incumbent relationship');
    await options.close();
  });

  it('asks no second look with the setting off, and asks again with it on', async () => {
    const looked = lesson('Second look deal', 15, { whatHappened: 'Went quiet.' });
    const planned = lesson('Plan deal', 8);
    await seed([looked, planned]);
    await setSecondLook(false);
    const off = await openReview();
    // The plan's card shows: the review has read what is due, second looks left out.
    await card(off, 'Plan deal').waitFor();
    expect(await card(off, 'Second look deal').count()).toBe(0);
    expect(await off.getByRole('group', { name: 'Learned anything new about why?' }).count()).toBe(
      0,
    );
    await off.close();

    await setSecondLook(true);
    const on = await openReview();
    await card(on, 'Second look deal')
      .getByRole('group', { name: 'Learned anything new about why?' })
      .waitFor();
    await on.close();
  });

  it('opened in a tab as popup.html#review: the review first, and accessible', async () => {
    await seed([lesson('Tab deal', 15), lesson('Tab plan', 9)]);
    const tab = await openReview('popup.html#review');
    await card(tab, 'Tab deal').waitFor();
    const firstSection = await tab.locator('main > section').first().getAttribute('data-testid');
    expect(firstSection).toBe('review');
    await expectAccessible(tab, 'popup.html#review with due cards');
    await snap(tab, 'review-tab');
    await tab.close();

    const popup = await openReview();
    await card(popup, 'Tab plan').waitFor();
    await card(popup, 'Tab deal').getByRole('button', { name: 'Change the reason' }).click();
    await expectAccessible(popup, 'the popup with its review, a second look open');
    await popup.setViewportSize({ width: 390, height: 800 });
    await snap(popup, 'review-popup');
    await popup.close();
  });
});
