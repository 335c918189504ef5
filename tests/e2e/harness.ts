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
import {
  chromium,
  type BrowserContext,
  type Locator,
  type Page,
  type Route,
  type Worker,
} from 'playwright-core';
import { afterAll } from 'vitest';
import { SETTINGS_KEYS } from '../../src/settings/keys';
import { AskSettingsSchema } from '../../src/settings/schema';
import type { Decision, DetectionEntry } from '../../src/detection/log';
import { ensureChromium } from './chromium';
import {
  hubspotReply,
  newSandbox,
  replyToSave,
  type SandboxCrm,
  type SandboxRequest,
} from './sandbox-replies';
import { stripAdapterMarkup } from './strip';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
const FIXTURES = join(ROOT, 'tests/fixtures');

export type Extension = {
  context: BrowserContext;
  extensionId: string;
  /** The background's detection log as stored (src/background/detection-log.ts). */
  detectionLog(): Promise<DetectionEntry[]>;
  /** One item of the extension's storage.local, as stored. */
  storedLocal(key: string): Promise<unknown>;
  /** Evaluates in the extension's service worker (its origin: storage, IndexedDB, APIs). */
  inWorker: Worker['evaluate'];
  /** Opens one of the extension's pages (popup.html, options.html, reflect.html). */
  openPage(path: string): Promise<Page>;
  /**
   * Shortens the background's correlation window (src/background/test-window.ts), or gives it
   * back its own with `undefined`; resolves once the background has the new value.
   */
  setCorrelationWindow(windowMs: number | undefined): Promise<void>;
  close(): Promise<void>;
};

/**
 * A copy of the built extension whose optional `hosts` count as granted. Chromium gives
 * automation no way to answer an extension's permission prompt (playwright#32755), and to
 * Chromium a granted optional host is the same as a listed one: so tests that need the user's
 * "Allow" list the host, and everything after the prompt runs as it would for the user.
 * (Firefox grants an MV3 add-on's listed hosts at install too: its tests use the same copy.)
 */
export function extensionWithGrantedHosts(hosts: string[], built = EXTENSION_DIR): string {
  const dir = mkdtempSync(join(tmpdir(), 'rebound-granted-'));
  cpSync(built, dir, { recursive: true });
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
export const TEST_SETTINGS = { [SETTINGS_KEYS.ask]: AskSettingsSchema.parse({ dailyCap: 100 }) };

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
  // Written as the options page would (WXT storage keeps each item under its key).
  await worker.evaluate(
    (settings) =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { set(v: object): Promise<void> } } };
        }
      ).chrome.storage.local.set(settings),
    TEST_SETTINGS,
  );
  // The worker may have been stopped and started again since the launch: ask the current one.
  const inWorker: Worker['evaluate'] = async (fn: never, arg?: unknown) => {
    const current = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    return current.evaluate(fn, arg);
  };
  const storedLocal = async (key: string) => {
    const stored = await inWorker(
      (key) =>
        (
          globalThis as unknown as {
            chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
          }
        ).chrome.storage.local.get(key),
      key,
    );
    return stored[key];
  };
  return {
    context,
    extensionId,
    async detectionLog() {
      return ((await storedLocal('detectionLog')) as DetectionEntry[] | undefined) ?? [];
    },
    storedLocal,
    inWorker,
    async setCorrelationWindow(windowMs) {
      await inWorker(async (windowMs) => {
        type Local = {
          get(key: string): Promise<Record<string, unknown>>;
          set(v: object): Promise<void>;
          remove(key: string): Promise<void>;
        };
        type Changed = { addListener(fn: (changes: object) => void): void };
        const { storage } = (
          globalThis as unknown as { chrome: { storage: { local: Local; onChanged: Changed } } }
        ).chrome;
        const key = 'testCorrelationWindowMs';
        // Storage tells of changes only: nothing to wait for when the value is already there.
        if ((await storage.local.get(key))[key] === windowMs) return;
        // The background's own listener was added first, so it has the value when this one runs.
        const heard = new Promise<void>((resolve) =>
          storage.onChanged.addListener((changes) => key in changes && resolve()),
        );
        await (windowMs === undefined
          ? storage.local.remove(key)
          : storage.local.set({ [key]: windowMs }));
        await heard;
      }, windowMs);
    },
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

export type { SandboxCrm, SaveRequest } from './sandbox-replies';

/** The sandbox request behind a Playwright route, as tests/e2e/sandbox-replies.ts reads it. */
export function sandboxRequest(route: Route): SandboxRequest {
  const request = route.request();
  return {
    method: request.method(),
    url: request.url(),
    postData: request.postData() ?? undefined,
  };
}

/**
 * Records a sandbox CRM's save request and answers it with the sandbox's status; `answer` is the
 * JSON the CRM would send back (given whether the save succeeded, and the request's JSON body).
 */
export function answerSave(
  route: Route,
  sandbox: SandboxCrm,
  answer: (ok: boolean, body: unknown) => unknown,
): Promise<void> {
  return route.fulfill(replyToSave(sandbox, sandboxRequest(route), answer));
}

let strippedFixtures = false;

/**
 * Serves every sandbox page of this test file in the variant stripped of the names the
 * adapters' selectors use (tests/e2e/strip.ts): markup never seen. Call it at the top of a file.
 * The browser test files share one module scope (tests/vitest.config.ts does not isolate them),
 * so the variant ends with the file.
 */
export function useStrippedFixtures(): void {
  strippedFixtures = true;
  afterAll(() => {
    strippedFixtures = false;
  });
}

/** A sandbox page, `path` under tests/fixtures/, in this file's variant. */
export function readFixture(path: string): string {
  const html = readFileSync(join(FIXTURES, path), 'utf8');
  return strippedFixtures ? stripAdapterMarkup(html) : html;
}

/**
 * A CSS selector of a sandbox page's own markup, as the test's user finds that part: renamed
 * like the page in the stripped variant, so the same click lands on the same button.
 */
export function markup(css: string): string {
  return strippedFixtures ? stripAdapterMarkup(css) : css;
}

/**
 * Serves the sandbox HubSpot at HubSpot's real hosts: record pages from the fixture, and the
 * app's API answering saves with `saveStatus`. Content scripts inject on these URLs and the
 * extension's webRequest observer sees the requests, as on the real site.
 */
export async function serveHubSpot(context: BrowserContext): Promise<SandboxCrm> {
  const sandbox = newSandbox();
  const handle = (route: Route) =>
    route.fulfill(hubspotReply(sandbox, sandboxRequest(route), readFixture));
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

/** A card of the sandbox HubSpot board: deal id, stage id (`closedlost` …), name, company, amount. */
export type HubSpotCard = [
  id: string,
  stageId: string,
  name: string,
  company: string,
  amount: string,
];

/**
 * A maker of sandbox board cards or table rows for deals never seen before in this profile (so
 * one test's prompt never dedupes another's), ids from `nextId`, each company named after the
 * deal's first word and worth `amount`.
 */
export function freshHubSpotDeals(nextId: () => number, amount: string) {
  return (...specs: [stageId: string, name: string][]): HubSpotCard[] =>
    specs.map(([stageId, name]) => [
      String(nextId()),
      stageId,
      name,
      `${name.split(' ')[0]} Inc.`,
      amount,
    ]);
}

/**
 * The sandbox deals board with these cards, at the board view's URL (or, with `older`, the older
 * `/deals/board/view/all/`); `save: 'batch'` saves through the inbounddb batch shape.
 */
export function hubspotBoardUrl(
  cards: HubSpotCard[],
  options: { older?: boolean; save?: 'batch'; lostReasonDialog?: '1'; host?: string } = {},
): string {
  const { older, host = 'app.hubspot.com', ...rest } = options;
  const params = new URLSearchParams(
    Object.entries(rest).filter(([, value]) => value !== undefined) as [string, string][],
  );
  for (const card of cards) params.append('deal', card.join('|'));
  const path = older ? 'deals/board/view/all/' : 'objects/0-3/views/4815162/board';
  return `https://${host}/contacts/20261125/${path}?${params}`;
}

/**
 * The sandbox deals table with these rows (cards' fields), at the table view's URL (or, with
 * `older`, the older `/deals/list/view/all/`); `preview: '1'` opens the preview panel when a
 * deal's name is clicked.
 */
export function hubspotListUrl(
  rows: HubSpotCard[],
  options: { older?: boolean; preview?: '1' } = {},
): string {
  const params = new URLSearchParams();
  if (options.preview) params.set('preview', options.preview);
  for (const row of rows) params.append('deal', row.join('|'));
  const path = options.older ? 'deals/list/view/all/' : 'objects/0-3/views/4815162/list';
  return `https://app.hubspot.com/contacts/20261125/${path}?${params}`;
}

/** Drags a board card (by its deal's name) into the column of a stage (by its label). */
export async function dragHubSpotCard(page: Page, name: string, stage: string): Promise<void> {
  const card = page.locator(markup('[data-test-id="board-card"]'), { hasText: name });
  await card.dragTo(page.getByRole('group', { name: stage, exact: true }));
}

/** The stage label of the column a board card sits in. */
export function hubspotColumnOf(page: Page, name: string): Promise<string | null> {
  return page
    .locator(markup('[data-test-id="board-card"]'), { hasText: name })
    .evaluate((card) => card.closest('[role="group"]')?.getAttribute('aria-label') ?? null);
}

/** The sandbox HubSpot deal a record page shows, as the detection log names it. */
export function hubspotDealOf(page: Page): { crm: string; dealId: string } {
  return { crm: 'hubspot', dealId: new URL(page.url()).pathname.split('/').at(-1)! };
}

/** Chooses a stage in the sandbox's stage dropdown, as a user would. */
export async function chooseStage(page: Page, label: string): Promise<void> {
  await page.locator(markup('[data-test-id="dropdown-toggle"]')).click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

/** Where a deal's stage is edited on the sandbox deals table: its row, or its preview panel. */
function hubspotStageEditor(page: Page, name: string, where: 'row' | 'preview'): Locator {
  return where === 'row'
    ? page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) })
    : page.getByRole('dialog', { name, exact: true });
}

/**
 * Chooses a stage for a deal of the sandbox deals table, in its row's Deal stage cell or (with
 * `preview`, opening it by the deal's name when it is not open) in its preview panel.
 */
export async function chooseRowStage(
  page: Page,
  name: string,
  stage: string,
  where: 'row' | 'preview' = 'row',
): Promise<void> {
  const scope = hubspotStageEditor(page, name, where);
  if (where === 'preview' && !(await scope.isVisible())) {
    await page.getByRole('link', { name, exact: true }).click();
  }
  await scope.getByRole('button', { name: 'Edit Deal stage' }).click();
  await scope.getByRole('option', { name: stage, exact: true }).click();
}

/** The stage a deal's row of the sandbox deals table shows. */
export async function rowStageShown(page: Page, name: string): Promise<string> {
  const cell = hubspotStageEditor(page, name, 'row').getByRole('button', {
    name: 'Edit Deal stage',
  });
  return (await cell.textContent())?.replace('✎', '').trim() ?? '';
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
/** The prompt must be visible within PROMPT_DEADLINE_MS (plus `afterMs` the CRM needs to settle). */
export async function expectPrompt(page: Page, afterMs = 0): Promise<void> {
  await promptOn(page).waitFor({ state: 'visible', timeout: PROMPT_DEADLINE_MS + afterMs });
}

/**
 * Opens `url` in a tab in front of an open popup and returns the popup's detection warning once
 * it shows. The popup reads the active tab's health when it opens, so it is reloaded while the
 * CRM tab is in front until the page has reported (at most 15 s).
 */
export async function popupHealthFor(
  ext: Extension,
  url: string,
): Promise<{ popup: Page; crm: Page; health: Locator }> {
  const popup = await ext.openPage('popup.html');
  const crm = await ext.context.newPage();
  await crm.goto(url);
  await crm.bringToFront();
  const health = popup.getByTestId('detection-health');
  const deadline = Date.now() + 15_000;
  for (;;) {
    // Each opening of the popup gets a second for the warning to show, then reads afresh.
    const shown = await health.waitFor({ timeout: 1000 }).then(
      () => true,
      () => false,
    );
    if (shown) break;
    if (Date.now() > deadline) throw new Error(`The popup shows no detection warning for ${url}`);
    await popup.reload();
  }
  return { popup, crm, health };
}

/** The lessons as stored, read straight from the extension's IndexedDB in one of its pages. */
export function storedLessons(ext: Extension): Promise<Record<string, unknown>[]> {
  return storedRows(ext, 'lessons');
}

/**
 * Reads or empties one table of the extension's IndexedDB, in its service worker (no page to
 * open); a table that does not exist yet reads as empty.
 */
function onTable(
  ext: Extension,
  table: string,
  action: 'read' | 'clear' | 'put',
  rows: Record<string, unknown>[] = [],
): Promise<Record<string, unknown>[]> {
  return ext.inWorker(
    ({ table, action, rows }) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('rebound');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(table)) {
            db.close();
            return resolve([]);
          }
          const store = db.transaction(table, 'readwrite').objectStore(table);
          if (action === 'put') {
            for (const row of rows) store.put(row);
            store.transaction.oncomplete = () => {
              db.close();
              resolve([]);
            };
            store.transaction.onerror = () => reject(store.transaction.error);
            return;
          }
          const request = action === 'read' ? store.getAll() : store.clear();
          request.onsuccess = () => {
            db.close();
            resolve(action === 'read' ? (request.result as Record<string, unknown>[]) : []);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    { table, action, rows },
  );
}

/** The rows of one table of the extension's IndexedDB (none when the table does not exist yet). */
export function storedRows(ext: Extension, table: string): Promise<Record<string, unknown>[]> {
  return onTable(ext, table, 'read');
}

/**
 * Empties one table of the extension's IndexedDB, for a test that needs it empty (the profile
 * is shared by the tests of a file, in any order).
 */
export async function clearStoredRows(ext: Extension, table: string): Promise<void> {
  await onTable(ext, table, 'clear');
}

/**
 * Stores rows in one table of the extension's IndexedDB as they are, as seeded data. The table
 * must exist: open an extension page (which opens the database) first.
 */
export async function putStoredRows(
  ext: Extension,
  table: string,
  rows: Record<string, unknown>[],
): Promise<void> {
  await onTable(ext, table, 'put', rows);
}

/** The options page's "Your data" section (storage, export of everything, import). */
export function yourData(page: Page): Locator {
  return page.locator('section[aria-labelledby="data-title"]');
}

/**
 * Exports everything from the options page in one format and returns the downloaded bytes,
 * once the status says the file was handed to the download.
 */
export async function exportEverything(
  page: Page,
  format: 'json' | 'csv' | 'md' | 'zip',
  options: { bom?: boolean } = {},
): Promise<Buffer> {
  const panel = yourData(page).getByTestId('export-panel');
  await panel.locator('select[name="format"]').selectOption(format);
  if (format === 'csv') await panel.locator('input[name="bom"]').setChecked(options.bom ?? false);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByTestId('export-start').click(),
  ]);
  await panel.locator('[data-testid="export-status"][data-state="done"]').waitFor();
  return readFileSync((await file.path())!);
}

/** Chooses a file in the import panel and waits for its preview (nothing is written yet). */
export async function previewImportOf(
  page: Page,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<Locator> {
  const section = yourData(page);
  await section.getByTestId('import-file').setInputFiles(file);
  const preview = section.getByTestId('import-preview');
  await preview.waitFor();
  return preview;
}

/** Writes the previewed import and waits until its transaction has committed. */
export async function confirmImport(page: Page): Promise<void> {
  const section = yourData(page);
  await section.getByTestId('import-confirm').click();
  await section.locator('[data-testid="import-status"][data-state="done"]').waitFor();
}

/** Where browser tests leave screenshots for a person to look at (git-ignored). */
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');

export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** How long a test waits for the background's decision about a deal (a bounded poll). */
export const DECISION_DEADLINE_MS = 20_000;

/**
 * The background's decision about a deal, from the detection log: waits (polling every 100 ms,
 * at most `DECISION_DEADLINE_MS`) for a decision entry newer than `since` that `accept` takes.
 * This is how a test proves that no prompt came: it waits for the reason why not, not a sleep.
 */
export async function decisionAbout(
  ext: Pick<Extension, 'detectionLog'>,
  deal: { crm: string; dealId: string },
  options: { since?: number; accept?: (entry: DetectionEntry) => boolean } = {},
): Promise<DetectionEntry> {
  const { since = 0, accept = () => true } = options;
  const deadline = Date.now() + DECISION_DEADLINE_MS;
  for (;;) {
    const found = (await ext.detectionLog()).find(
      (entry) =>
        entry.kind === 'decision' &&
        entry.crm === deal.crm &&
        entry.dealId === deal.dealId &&
        entry.at >= since &&
        accept(entry),
    );
    if (found) return found;
    if (Date.now() > deadline) {
      const log = (await ext.detectionLog()).filter((e) => e.dealId === deal.dealId);
      throw new Error(
        `No decision about ${deal.crm} ${deal.dealId} within ${DECISION_DEADLINE_MS} ms. ` +
          `Its log: ${JSON.stringify(log)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits for the decision `expected` about a deal (and fails on any other decision). */
export async function expectDecision(
  ext: Pick<Extension, 'detectionLog'>,
  deal: { crm: string; dealId: string },
  expected: Decision,
  since = 0,
): Promise<DetectionEntry> {
  const entry = await decisionAbout(ext, deal, { since });
  if (entry.decision !== expected) {
    throw new Error(`Expected ${expected} about ${deal.dealId}, got ${JSON.stringify(entry)}`);
  }
  return entry;
}

/** Decisions after which a panel opens (a loss prompt, a queued bulk one, a win capture). */
export const OPENS_A_PANEL: readonly Decision[] = [
  'prompted',
  'queued-bulk',
  'prompt-waiting',
  'won-asked',
];

/**
 * Proves that no prompt came for a deal without sleeping: waits for the background's decision
 * about it (newer than `since`), expects `decision` when given (else any decision that opens
 * no panel), then checks the page shows no prompt. For an action that sends no save at all
 * (a cancelled dialog) there is no decision to wait for: end such a test with a real loss and
 * `expectPromptedOnce`.
 */
export async function expectNoPrompt(
  ext: Extension,
  page: Page,
  deal: { crm: string; dealId: string },
  options: { since?: number; decision?: Decision } = {},
): Promise<DetectionEntry> {
  const entry = await decisionAbout(ext, deal, { since: options.since });
  const wanted = options.decision;
  if (wanted ? entry.decision !== wanted : OPENS_A_PANEL.includes(entry.decision!)) {
    throw new Error(
      `Expected ${wanted ?? 'no prompt'} about ${deal.dealId}, got ${JSON.stringify(entry)}`,
    );
  }
  const shown = await promptOn(page).count();
  if (shown !== 0) throw new Error(`${shown} prompt(s) shown for ${deal.dealId}`);
  return entry;
}

/**
 * The positive control that ends a negative test: the deal's one prompt is showing, and the
 * background decided to prompt for it exactly once since `since` (so nothing before it did).
 */
export function expectPromptedOnce(
  ext: Extension,
  page: Page,
  deal: { crm: string; dealId: string },
  since = 0,
): Promise<void> {
  return expectOnePrompt(ext, deal, since, {
    wait: () => promptOn(page).first().waitFor({ state: 'visible', timeout: DECISION_DEADLINE_MS }),
    count: () => promptOn(page).count(),
  });
}

/**
 * expectPromptedOnce for any browser's harness: `shown` waits for the deal's prompt on its page
 * and counts the prompts there.
 */
export async function expectOnePrompt(
  ext: Pick<Extension, 'detectionLog'>,
  deal: { crm: string; dealId: string },
  since: number,
  shown: { wait(): Promise<unknown>; count(): Promise<number> },
): Promise<void> {
  await decisionAbout(ext, deal, { since, accept: (e) => OPENS_A_PANEL.includes(e.decision!) });
  await shown.wait();
  const prompted = (await ext.detectionLog()).filter(
    (e) =>
      e.kind === 'decision' &&
      e.crm === deal.crm &&
      e.dealId === deal.dealId &&
      e.at >= since &&
      OPENS_A_PANEL.includes(e.decision!),
  );
  if (prompted.length !== 1 || (await shown.count()) !== 1) {
    throw new Error(`Expected one prompt for ${deal.dealId}, log: ${JSON.stringify(prompted)}`);
  }
}
