import type { Locator, Page } from 'playwright-core';
import type { Extension } from './harness';

/**
 * The options page is an app with one section at a time, chosen by the URL hash
 * (entrypoints/options/App.tsx): a test opens the section it works in, as a bookmark would.
 */
export type OptionsRoute =
  'library' | 'insights' | 'questions' | 'ask' | 'comeback' | 'rules' | 'detection' | 'data';

export const OPTIONS_ROUTES: readonly OptionsRoute[] = [
  'library',
  'insights',
  'questions',
  'ask',
  'comeback',
  'rules',
  'detection',
  'data',
];

/**
 * Opens the options page at one section; with `colorScheme`, the tab shows it in that scheme
 * from its first paint.
 */
export async function openOptions(
  ext: Extension,
  route: OptionsRoute,
  colorScheme?: 'light' | 'dark',
): Promise<Page> {
  if (!colorScheme) return ext.openPage(`options.html#${route}`);
  const page = await ext.context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.goto(`chrome-extension://${ext.extensionId}/options.html#${route}`);
  return page;
}

/**
 * A lesson's row in the library, by text it shows (its deal's name). The list is virtualised:
 * only rows near the view are in the DOM, which holds every lesson of these tests' profiles.
 */
export function lessonRow(page: Page, text: string): Locator {
  return page.getByTestId('lesson-row').filter({ hasText: text });
}

/** A lesson's row in the library, opened to show the whole lesson. */
export async function openLesson(page: Page, text: string): Promise<Locator> {
  const row = lessonRow(page, text);
  await row.getByRole('button', { name: 'Open' }).click();
  return row;
}

/** The options page's navigation between its sections. */
export function optionsNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Options sections' });
}

/** Moves to another section through the navigation, as a user does, and waits until it is current. */
export async function goToSection(page: Page, name: string): Promise<void> {
  const link = optionsNav(page).getByRole('link', { name, exact: true });
  await link.click();
  await link.and(page.locator('[aria-current="page"]')).waitFor();
}
