/**
 * `npm run icons`: the toolbar and store icons (src/public/icon/<size>.png, which WXT finds by
 * name and lists in the manifest) rasterized from their SVGs by Chromium at exact pixel sizes.
 * 16 and 32 px have their own drawings (strokes on whole pixels); 48 and 128 scale icon.svg.
 * Also writes .output/store/icons-preview.png: every size on a light and a dark toolbar colour.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureChromium } from '../e2e/chromium';
import { ROOT } from '../e2e/harness';

const ICONS = join(ROOT, 'src/public/icon');
const ICON_SIZES = [16, 32, 48, 128] as const;

/**
 * Transparent padding around the drawing. The Chrome Web Store shows the 128 px icon as the
 * listing's and asks for the art at 96×96 with 16 px of padding on each side, so it sits beside
 * other listings at the same size; the toolbar sizes fill their square.
 */
function padding(size: number): number {
  return size === 128 ? 16 : 0;
}

/** The drawing each size is made from. */
function iconSource(size: number): string {
  return size === 16 || size === 32 ? `icon-${size}.svg` : 'icon.svg';
}

function dataUrl(svgFile: string): string {
  return `data:image/svg+xml;base64,${readFileSync(join(ICONS, svgFile)).toString('base64')}`;
}

const browser = await chromium.launch({ executablePath: ensureChromium(), args: ['--no-sandbox'] });
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const size of ICON_SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}img{display:block}</style>` +
      `<img src="${dataUrl(iconSource(size))}" width="${size - 2 * padding(size)}" ` +
      `style="margin:${padding(size)}px">`,
  );
  await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  const file = join(ICONS, `${size}.png`);
  await page.screenshot({ path: file, omitBackground: true });
  console.log(`  ${file}`);
}

// Chrome's light toolbars and dark ones (and Firefox's dark theme): each size at 1×, then 16
// and 32 enlarged without smoothing, so each pixel can be checked.
const backgrounds = ['#ffffff', '#f1f3f4', '#3c3c3c', '#202124'];
const img = (size: number, zoom = 1) =>
  `<img src="${size}.png" width="${size * zoom}" style="image-rendering:pixelated">`;
const cells = backgrounds
  .map(
    (bg) =>
      `<div style="background:${bg};padding:12px;display:flex;gap:16px;align-items:end">` +
      ICON_SIZES.map((size) => img(size)).join('') +
      img(16, 8) +
      img(32, 4) +
      `</div>`,
  )
  .join('');
const preview = await browser.newPage({ deviceScaleFactor: 1 });
// One made-up origin serves the sheet and the PNGs as they are on disk.
await preview.route('https://icons.local/**', (route) => {
  const name = new URL(route.request().url()).pathname.split('/').at(-1)!;
  return name
    ? route.fulfill({ contentType: 'image/png', body: readFileSync(join(ICONS, name)) })
    : route.fulfill({ contentType: 'text/html', body: `<body style="margin:0">${cells}</body>` });
});
await preview.goto('https://icons.local/');
await preview.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
const out = join(ROOT, '.output/store');
mkdirSync(out, { recursive: true });
await preview.screenshot({ path: join(out, 'icons-preview.png'), fullPage: true });
console.log(`  ${join(out, 'icons-preview.png')}  (light and dark toolbars; 16 and 32 enlarged)`);
await browser.close();
