import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/schema';
import { ensureChromium } from './chromium';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
const FIXTURES = join(ROOT, 'tests/fixtures');

export type Extension = {
  context: BrowserContext;
  extensionId: string;
  /** Opens one of the extension's pages (popup.html, options.html, reflect.html). */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
};

/**
 * A copy of the built extension whose optional `hosts` count as granted. Chromium gives
 * automation no way to answer an extension's permission prompt (playwright#32755), and to
 * Chromium a granted optional host is the same as a listed one: so tests that need the user's
 * "Allow" list the host, and everything after the prompt runs as it would for the user.
 */
function extensionWithGrantedHosts(hosts: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'rebound-granted-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions.push(...hosts);
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

/**
 * Settings every test profile starts with: the defaults, but a daily cap no test file reaches
 * (each loses many deals in one profile; the cap has its own test in reflection.e2e.test.ts).
 */
const TEST_SETTINGS: Settings = { ...DEFAULT_SETTINGS, dailyCap: 100 };

function launchChromium(profile: string, headless: boolean, args: string[] = []) {
  return chromium.launchPersistentContext(profile, {
    executablePath: ensureChromium(),
    headless,
    viewport: { width: 1280, height: 800 },
    args: [
      ...args,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * The same Chromium, in a fresh profile, without the extension: what `npm run bench` compares
 * against.
 */
export async function launchWithoutExtension(): Promise<{
  context: BrowserContext;
  close(): Promise<void>;
}> {
  const profile = mkdtempSync(join(tmpdir(), 'rebound-plain-'));
  const context = await launchChromium(profile, true);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Launches Chromium with the built extension in a fresh profile. */
export async function launchExtension(
  options: { headless?: boolean; grantedHosts?: string[] } = {},
): Promise<Extension> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const extensionDir = options.grantedHosts
    ? extensionWithGrantedHosts(options.grantedHosts)
    : EXTENSION_DIR;
  const profile = mkdtempSync(join(tmpdir(), 'rebound-profile-'));
  const context = await launchChromium(profile, options.headless ?? true, [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ]);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // Written as the options page would (WXT storage keeps the item under `settings`).
  await worker.evaluate(
    (settings) =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { set(v: object): Promise<void> } } };
        }
      ).chrome.storage.local.set({
        settings,
      }),
    TEST_SETTINGS,
  );
  return {
    context,
    extensionId,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (extensionDir !== EXTENSION_DIR) rmSync(extensionDir, { recursive: true, force: true });
    },
  };
}

export type SaveRequest = { method: string; url: string; body: unknown };

export type SandboxCrm = {
  /** Every save request the page sent, in order. */
  saves: SaveRequest[];
  /** The HTTP status the sandbox answers saves with (200 unless a test says otherwise). */
  saveStatus: number;
};

/**
 * Records a sandbox CRM's save request and answers it with the sandbox's status; `answer` is the
 * JSON the CRM would send back (given whether the save succeeded, and the request's JSON body).
 */
export function answerSave(
  route: Route,
  sandbox: SandboxCrm,
  answer: (ok: boolean, body: unknown) => unknown,
): Promise<void> {
  const request = route.request();
  const raw = request.postData();
  const body: unknown = raw ? JSON.parse(raw) : undefined;
  sandbox.saves.push({ method: request.method(), url: request.url(), body });
  const ok = sandbox.saveStatus >= 200 && sandbox.saveStatus < 300;
  return route.fulfill({
    status: sandbox.saveStatus,
    contentType: 'application/json',
    body: JSON.stringify(answer(ok, body)),
  });
}

function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/**
 * Serves the sandbox HubSpot at HubSpot's real hosts: record pages from the fixture, and the
 * app's API answering saves with `saveStatus`. Content scripts inject on these URLs and the
 * extension's webRequest observer sees the requests, as on the real site.
 */
export async function serveHubSpot(context: BrowserContext): Promise<SandboxCrm> {
  const sandbox: SandboxCrm = { saves: [], saveStatus: 200 };
  const handle = async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) {
      return answerSave(route, sandbox, (ok) =>
        ok ? { objectId: 1 } : { status: 'error', message: 'Sandbox refused the save' },
      );
    }
    if (url.pathname.startsWith('/contacts/')) {
      return route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: fixture('hubspot/deal-record.html'),
      });
    }
    return route.fulfill({ status: 404, body: 'Not in the sandbox' });
  };
  await context.route('https://app.hubspot.com/**', handle);
  await context.route('https://app-eu1.hubspot.com/**', handle);
  return sandbox;
}

export type DealOptions = {
  dealId?: string;
  name?: string;
  company?: string;
  amount?: string;
  stage?: string;
  pipeline?: 'default' | 'custom' | 'renamed';
  optimistic?: '1';
  layout?: 'redesigned';
  lostReasonDialog?: '1';
  host?: string;
};

export function hubspotDealUrl(options: DealOptions = {}): string {
  const { dealId = '9123456789', host = 'app.hubspot.com', ...query } = options;
  const params = new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return `https://${host}/contacts/20261125/record/0-3/${dealId}?${params}`;
}

/** Chooses a stage in the sandbox's stage dropdown, as a user would. */
export async function chooseStage(page: Page, label: string): Promise<void> {
  await page.locator('[data-test-id="dropdown-toggle"]').click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

let nextHubSpotDeal = 600_000;

/**
 * A deal never seen before in this profile, marked Closed lost in a new tab of the sandbox
 * HubSpot, with Rebound's prompt showing. `before` runs on the tab before it loads (to emulate
 * dark mode, say).
 */
export async function loseHubSpotDeal(
  ext: Extension,
  options: DealOptions = {},
  before?: (page: Page) => Promise<void>,
): Promise<Page> {
  const page = await ext.context.newPage();
  await before?.(page);
  await page.goto(hubspotDealUrl({ dealId: String(nextHubSpotDeal++), ...options }));
  await chooseStage(page, 'Closed lost');
  await expectPrompt(page);
  return page;
}

/** Rebound's prompt (the CRM's own dialogs are dialogs too). */
export function promptOn(page: Page) {
  return page.locator('rebound-prompt').getByRole('dialog');
}

/** How long a prompt may take to appear after a confirmed loss (issue: "within 1 s"). */
export const PROMPT_DEADLINE_MS = 1000;
/**
 * How long a test watches for a prompt that must not come: twice the time a real one takes
 * (the detection tests show real prompts arriving well inside PROMPT_DEADLINE_MS).
 */
export const NO_PROMPT_WAIT_MS = 2 * PROMPT_DEADLINE_MS;

/** The prompt must be visible within PROMPT_DEADLINE_MS (plus `afterMs` the CRM needs to settle). */
export async function expectPrompt(page: Page, afterMs = 0): Promise<void> {
  await promptOn(page).waitFor({ state: 'visible', timeout: PROMPT_DEADLINE_MS + afterMs });
}

/** Counts prompts after waiting long enough for one that must not come. */
export async function promptCountAfterWait(page: Page, afterMs = 0): Promise<number> {
  await page.waitForTimeout(NO_PROMPT_WAIT_MS + afterMs);
  return promptOn(page).count();
}

/** The lessons as stored, read straight from the extension's IndexedDB in one of its pages. */
export function storedLessons(ext: Extension): Promise<Record<string, unknown>[]> {
  return storedRows(ext, 'lessons');
}

/** The rows of one table of the extension's IndexedDB (none when the table does not exist yet). */
export async function storedRows(
  ext: Extension,
  table: string,
): Promise<Record<string, unknown>[]> {
  const page = await ext.openPage('popup.html');
  const rows = await page.evaluate(
    (table) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('rebound');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          if (!open.result.objectStoreNames.contains(table)) return resolve([]);
          const read = open.result.transaction(table).objectStore(table).getAll();
          read.onsuccess = () => resolve(read.result);
          read.onerror = () => reject(read.error);
        };
      }),
    table,
  );
  await page.close();
  return rows;
}

/** Where browser tests leave screenshots for a person to look at (git-ignored). */
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');

export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
