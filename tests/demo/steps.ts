/**
 * Steps that `npm run demo` (tests/demo/demo.ts) and the store screenshots
 * (tests/store/screenshots.ts) both walk, so both show the same reflection and library.
 */
import type { Locator, Page } from 'playwright-core';
import type { DealOptions } from '../e2e/harness';
import { lessonRow } from '../e2e/options-page';

/** The sandbox deal both walk through. */
export const DEMO_DEAL = {
  name: 'Acme Corp — Platform renewal',
  company: 'Acme Corp',
} satisfies DealOptions;

/** Answers the quick reflection as a salesperson would in about a minute (not saved yet). */
export async function answerQuickReflection(prompt: Locator): Promise<void> {
  await prompt.getByLabel('Outcome').selectOption({ label: 'Lost to a competitor' });
  await prompt.getByLabel('Main reason').selectOption({ label: 'Price / value' });
  await prompt.getByRole('radio', { name: 'Fairly sure' }).check();
  await prompt.getByRole('radio', { name: '3 Okay' }).check();
  await prompt.getByLabel('Next time I see…').fill('procurement leading the RFP');
  await prompt.getByLabel('…I will').fill('ask for the economic buyer in week one');
}

/** The words the demo searches for: they are in the reflection above. */
export const DEMO_SEARCH = 'economic buyer';

/** Types a search in the library and waits until its results are final, the matches marked. */
export async function searchLibrary(options: Page, text: string, inRow: string): Promise<void> {
  await options.getByRole('searchbox', { name: 'Search lessons' }).fill(text);
  // The count says when its numbers are the final ones for this search (the worker's).
  await options
    .locator('[data-testid="library-count"][data-state="ready"][data-worker="ready"]')
    .and(options.locator(`[data-filter="${new URLSearchParams({ q: text })}"]`))
    .waitFor({ timeout: 30_000 });
  await lessonRow(options, inRow).locator('mark').first().waitFor();
}
