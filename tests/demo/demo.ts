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

const OUT = join(ROOT, 'demo-screenshots');
const headed =
  Boolean(process.env.DISPLAY) && !process.argv.includes('--headless') && !process.env.CI;

const ext = await launchExtension({ headless: !headed });
await serveHubSpot(ext.context);
const page = await ext.context.newPage();
await page.goto(hubspotDealUrl({ name: 'Acme Corp — Platform renewal', company: 'Acme Corp' }));

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
  await prompt.getByLabel('Outcome').selectOption({ label: 'Lost to a competitor' });
  await prompt.getByLabel('Main reason').selectOption({ label: 'Price / value' });
  await prompt.getByRole('radio', { name: 'Fairly sure' }).check();
  await prompt.getByRole('radio', { name: '3 Okay' }).check();
  await prompt.getByLabel('Next time I see…').fill('procurement leading the RFP');
  await prompt.getByLabel('…I will').fill('ask for the economic buyer in week one');
  await shot(page, 'prompt-filled', 'the reflection, answered in about a minute');
  await prompt.getByRole('button', { name: 'Save' }).click();
  await prompt.getByRole('status').waitFor();
  await shot(page, 'saved', 'saved; the panel closes by itself');

  const popup = await ext.openPage('popup.html');
  await popup.setViewportSize({ width: 390, height: 420 });
  await popup.getByRole('listitem').first().waitFor();
  await shot(popup, 'popup', 'the toolbar popup lists the new lesson');

  const options = await ext.openPage('options.html');
  await options.getByRole('button', { name: 'Open', exact: true }).first().click();
  await shot(options, 'library', 'the options page: every lesson, export and import');
  await options.getByRole('heading', { name: 'Questions' }).scrollIntoViewIfNeeded();
  await options.evaluate(() =>
    document.getElementById('questions-title')?.scrollIntoView({ block: 'start' }),
  );
  await shot(options, 'questions', 'your own questions and reasons: reword, reorder, merge');

  // The opt-in "what worked" capture of a won deal.
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
  await log.getByRole('heading', { name: 'Detection' }).first().waitFor();
  await log.getByText('Prompted, on the evidence of').first().waitFor();
  await log.evaluate(() =>
    document.getElementById('detection')?.scrollIntoView({ block: 'start' }),
  );
  await shot(
    log,
    'detection-log',
    'options → Detection: each save, page report and decision, and why',
  );
  await ext.close();
  console.log('Done.');
}
