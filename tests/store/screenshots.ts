/**
 * `npm run store:screenshots`: the store listing's screenshots, 1280×800 as both stores take
 * them, from the built extension on the sandbox HubSpot (tests/e2e/harness.ts), into
 * .output/store/ (not committed): the prompt on a lost deal, the toolbar popup, the library,
 * Insights, and Your data (what is kept, where, export and import).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, loseHubSpotDeal, promptOn, ROOT, serveHubSpot } from '../e2e/harness';
import { lessonRow, openOptions } from '../e2e/options-page';
import { seedLessons } from '../e2e/seed';
import { generateLessons } from '../fixtures/lessons/generate';
import { answerQuickReflection, DEMO_DEAL } from '../demo/steps';

const OUT = join(ROOT, '.output/store');
const SIZE = { width: 1280, height: 800 };
mkdirSync(OUT, { recursive: true });

async function shot(page: Page, name: string, what: string): Promise<Buffer> {
  const file = join(OUT, `${name}.png`);
  const png = await page.screenshot({ path: file });
  console.log(`  ${file}  ${what}`);
  return png;
}

const ext = await launchExtension();
try {
  await serveHubSpot(ext.context);
  // A library that has been used for a while, so the popup, library and Insights have something
  // to show besides the lesson written here: the demo's generated lessons, but not those with
  // emoji (the generator's hard cases), which Debian's Chromium draws as empty boxes without an
  // emoji font.
  const emoji = /\p{Extended_Pictographic}/u;
  const lessons = generateLessons(250, 7).filter((lesson) => !emoji.test(JSON.stringify(lesson)));
  await seedLessons(ext, lessons.slice(0, 150));

  const deal = await loseHubSpotDeal(ext, { ...DEMO_DEAL, amount: '48000' });
  await deal.setViewportSize(SIZE);
  const prompt = promptOn(deal);
  await answerQuickReflection(prompt);
  await shot(deal, '1-prompt', 'HubSpot saved the deal as lost; Rebound asks what happened');
  await prompt.getByRole('button', { name: 'Save' }).click();
  await prompt.getByRole('status').waitFor();
  await prompt.waitFor({ state: 'detached', timeout: 15_000 });

  // The popup is 390 px wide: shown as it opens, under the toolbar, over the CRM tab it was
  // opened from.
  const behind = await deal.screenshot();
  const popup = await ext.openPage('popup.html');
  await popup.setViewportSize({ width: 390, height: 560 });
  await popup.getByRole('listitem').first().waitFor();
  const popupPng = await popup.screenshot();
  const frame = await ext.context.newPage();
  await frame.setViewportSize(SIZE);
  const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  await frame.setContent(
    `<body style="margin:0;position:relative;width:1280px;height:800px;overflow:hidden">` +
      `<img src="${dataUrl(behind)}" style="position:absolute;inset:0;filter:brightness(0.9)">` +
      `<img src="${dataUrl(popupPng)}" style="position:absolute;top:8px;right:16px;` +
      `border-radius:8px;box-shadow:0 8px 28px rgb(0 0 0 / 0.35)"></body>`,
  );
  await frame.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
  await shot(frame, '2-popup', 'the toolbar popup: the latest lessons and unfinished ones');

  const library = await openOptions(ext, 'library');
  await lessonRow(library, DEMO_DEAL.name).waitFor();
  await shot(library, '3-library', 'the library: every lesson, newest first, searchable');

  const insights = await openOptions(ext, 'insights');
  await insights.locator('section.insights').getByRole('article').first().waitFor();
  await shot(insights, '4-insights', 'Insights: patterns over every lesson, in charts and words');

  const data = await openOptions(ext, 'data');
  await data.getByTestId('export-panel').waitFor();
  await shot(data, '5-your-data', 'Your data: kept on this device, exported or imported anytime');
} finally {
  await ext.close();
}
