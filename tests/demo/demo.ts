/**
 * `npm run demo`: Rebound on the sandbox HubSpot in Chromium.
 * With a display, opens a real window on a sandbox deal and waits while you try it.
 * Without one (or with --headless), walks through a loss and writes a screenshot of each step.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  chooseStage,
  expectPrompt,
  hubspotDealUrl,
  launchExtension,
  promptOn,
  ROOT,
  serveHubSpot,
} from '../e2e/harness';
import { goToSection, openLesson } from '../e2e/options-page';
import { seedLessons } from '../e2e/seed';
import { generateLessons } from '../fixtures/lessons/generate';
import { answerQuickReflection, DEMO_DEAL, DEMO_SEARCH, searchLibrary } from './steps';

const OUT = join(ROOT, 'demo-screenshots');
const headed =
  Boolean(process.env.DISPLAY) && !process.argv.includes('--headless') && !process.env.CI;

const ext = await launchExtension({ headless: !headed });
await serveHubSpot(ext.context);
const page = await ext.context.newPage();
await page.goto(hubspotDealUrl(DEMO_DEAL));

if (headed) {
  console.log(
    'Chromium is open on a sandbox HubSpot deal with Rebound installed.\n' +
      'Choose "Closed lost" in the Deal stage dropdown to see the prompt; the Rebound toolbar\n' +
      'icon opens the popup. Close the browser window to end the demo.',
  );
  await new Promise<void>((resolve) => ext.context.on('close', () => resolve()));
} else {
  mkdirSync(OUT, { recursive: true });
  let step = 0;
  const shot = async (target: Page, name: string, what: string) => {
    const file = join(OUT, `${String(++step).padStart(2, '0')}-${name}.png`);
    await target.screenshot({ path: file });
    console.log(`  ${file}  ${what}`);
  };
  console.log(`Walking through a lost deal; screenshots in ${OUT}:`);
  await shot(page, 'deal-open', 'a sandbox HubSpot deal, stage "Presentation scheduled"');
  await page.locator('[data-test-id="dropdown-toggle"]').click();
  await shot(page, 'stage-picker', 'the stage picker, about to choose "Closed lost"');
  await page.locator('[data-test-id="dropdown-toggle"]').click();
  await chooseStage(page, 'Closed lost');
  await expectPrompt(page);
  await shot(page, 'prompt', 'HubSpot saved the stage; Rebound asks what happened');
  const prompt = promptOn(page);
  await answerQuickReflection(prompt);
  await shot(page, 'prompt-filled', 'the reflection, answered in about a minute');
  await prompt.getByRole('button', { name: 'Save' }).click();
  await prompt.getByRole('status').waitFor();
  await shot(page, 'saved', 'saved; the panel closes by itself');

  const popup = await ext.openPage('popup.html');
  await popup.setViewportSize({ width: 390, height: 420 });
  await popup.getByRole('listitem').first().waitFor();
  await shot(popup, 'popup', 'the toolbar popup lists the new lesson');

  // A library that has been used for a while: generated lessons besides the one just saved.
  await seedLessons(ext, generateLessons(150, 7));
  const options = await ext.openPage('options.html#library');
  await openLesson(options, DEMO_DEAL.name);
  await shot(options, 'library', 'options → Library: every lesson, newest first, one opened');
  await searchLibrary(options, DEMO_SEARCH, DEMO_DEAL.company);
  await shot(options, 'library-search', 'a search in every answer, the matches marked');
  await options.getByRole('searchbox', { name: 'Search lessons' }).fill('');
  await goToSection(options, 'Insights');
  await options.locator('section.insights').getByRole('article').first().waitFor();
  await shot(
    options,
    'insights',
    'options → Insights: patterns over every lesson, in charts and words',
  );
  await goToSection(options, 'Questions & reasons');
  await shot(options, 'questions', 'your own questions and reasons: reword, reorder, merge');

  // The opt-in "what worked" capture of a won deal.
  await goToSection(options, 'When Rebound asks');
  await options.getByRole('checkbox', { name: 'Ask what worked when a deal is won' }).check();
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  const won = await ext.context.newPage();
  await won.goto(
    hubspotDealUrl({ dealId: '4242', name: 'Globex — Fleet tracking', company: 'Globex' }),
  );
  await chooseStage(won, 'Closed won');
  await won
    .locator('rebound-prompt')
    .getByRole('dialog', { name: /^Won: / })
    .waitFor();
  await shot(won, 'won', 'opted in: a won deal asks what worked, in three questions');

  // What Rebound saw and decided: the detection log, in words.
  const log = await ext.openPage('options.html#detection');
  await log.getByText('Prompted, on the evidence of').first().waitFor();
  await shot(
    log,
    'detection-log',
    'options → Detection: each save, page report and decision, and why',
  );
  await ext.close();
  console.log('Done.');
}
