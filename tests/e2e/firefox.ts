import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import type { DetectionEntry } from '../../src/detection/log';
import {
  ROOT,
  TEST_SETTINGS,
  expectDecision,
  expectOnePrompt,
  extensionWithGrantedHosts,
  readFixture,
} from './harness';
import type { FixtureReader, SandboxReply, SandboxRequest } from './sandbox-replies';

/*
 * The built Firefox add-on in Debian's Firefox ESR, driven by Puppeteer over WebDriver BiDi
 * (tests/e2e/*.firefox.test.ts). The sandbox CRMs are the Chromium tests' own
 * (tests/e2e/sandbox-replies.ts), answered through request interception.
 */

export const FIREFOX = '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv3');
/** The add-on's id (browser_specific_settings.gecko.id in wxt.config.ts). */
const ADDON_ID = 'rebound@rebound-lessons';
/**
 * The add-on's internal UUID, the host of its moz-extension:// pages. Firefox picks one at random
 * at install unless the profile already names one for the id: this pref names it.
 */
const ADDON_UUID = '5e6f0b1d-7a3c-4b2e-9d41-2f8c6a0e1b37';
const ORIGIN = `moz-extension://${ADDON_UUID}`;

/** What an extension page's script sees of the WebExtension API (for `evaluate`). */
type Local = {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: object): Promise<void>;
};

/** How long a test waits for something the user would see (a bounded poll). */
const WAIT_MS = 10_000;

export type FirefoxExtension = {
  browser: Browser;
  /** One of the extension's pages (popup.html, options.html#library), loaded. */
  openPage(path: string): Promise<Page>;
  /** A new tab whose requests to the CRM's hosts the sandbox answers. */
  crmPage(reply: (request: SandboxRequest, fixture: FixtureReader) => SandboxReply): Promise<Page>;
  /** Evaluates in an extension page kept open (its origin: storage, IndexedDB, APIs). */
  inExtension: Page['evaluate'];
  /** The background's detection log as stored (read in an extension page). */
  detectionLog(): Promise<DetectionEntry[]>;
  /** The lessons as stored in the extension's IndexedDB. */
  storedLessons(): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
};

/** Polls `check` every 50 ms until it answers something truthy, at most `WAIT_MS`. */
export async function until<T>(what: string, check: () => Promise<T>): Promise<NonNullable<T>> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Waited ${WAIT_MS} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Launches Firefox ESR headless in a fresh profile with the built add-on installed; with
 * `grantedHosts`, hosts a user rule would ask for count as granted (as in the Chromium tests).
 */
export async function launchFirefoxExtension(
  options: { grantedHosts?: string[] } = {},
): Promise<FirefoxExtension> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${FIREFOX_EXTENSION_DIR}: run \`wxt build -b firefox\`.`);
  }
  const addon = options.grantedHosts
    ? extensionWithGrantedHosts(options.grantedHosts, FIREFOX_EXTENSION_DIR)
    : FIREFOX_EXTENSION_DIR;
  const firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    },
  });
  await firefox.installExtension(addon);

  const openPage = async (path: string) => {
    const page = await firefox.newPage();
    const url = `${ORIGIN}/${path}`;
    // Firefox's BiDi reports no navigation to an extension page, so goto would never settle
    // (it waits for that report): the page is asked where it is instead.
    void page.goto(url, { timeout: 0 }).catch(() => undefined);
    await until(`${path} to load`, () =>
      page.evaluate((url) => document.readyState === 'complete' && location.href === url, url),
    );
    return page;
  };
  // An extension page kept open to read the extension's storage from, like the options page.
  const reader = await openPage('popup.html');
  await reader.evaluate(
    (settings) =>
      (
        globalThis as unknown as { browser: { storage: { local: Local } } }
      ).browser.storage.local.set(settings),
    TEST_SETTINGS,
  );

  return {
    browser: firefox,
    openPage,
    inExtension: reader.evaluate.bind(reader),
    async crmPage(reply) {
      const page = await firefox.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (!request.isInterceptResolutionHandled()) {
          // Firefox 140's BiDi cannot hand a request's body to the test (network.getData came
          // later): the sandbox records the save without it. The add-on's webRequest reads it.
          const answer = reply({ method: request.method(), url: request.url() }, readFixture);
          void request.respond(answer);
        }
      });
      return page;
    },
    async detectionLog() {
      const stored = await reader.evaluate(() =>
        (
          globalThis as unknown as { browser: { storage: { local: Local } } }
        ).browser.storage.local.get('detectionLog'),
      );
      return (stored.detectionLog as DetectionEntry[] | undefined) ?? [];
    },
    storedLessons() {
      return reader.evaluate(
        () =>
          new Promise<Record<string, unknown>[]>((resolve, reject) => {
            const open = indexedDB.open('rebound');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const request = db.transaction('lessons').objectStore('lessons').getAll();
              request.onsuccess = () => {
                db.close();
                resolve(request.result as Record<string, unknown>[]);
              };
              request.onerror = () => reject(request.error);
            };
          }),
      );
    },
    async close() {
      await firefox.close();
      if (addon !== FIREFOX_EXTENSION_DIR) rmSync(addon, { recursive: true, force: true });
    },
  };
}

/** Rebound's prompt's shadow root content, by CSS (the host's shadow root is open). */
const IN_PROMPT = 'rebound-prompt >>> [role="dialog"]';

/** Whether Rebound's prompt shows on the page. */
export async function promptCount(page: Page): Promise<number> {
  return (await page.$$(IN_PROMPT)).length;
}

export async function waitForPrompt(page: Page): Promise<void> {
  await page.waitForSelector(IN_PROMPT, { visible: true, timeout: WAIT_MS });
}

/**
 * An element of the prompt, as a user finds it: a control by its label's text, or a button by
 * its text (exact, trimmed).
 */
async function inPrompt(
  page: Page,
  kind: 'label' | 'button',
  text: string,
): Promise<ElementHandle<Element>> {
  return until(`the prompt's ${kind} "${text}"`, async () => {
    const found = await page.evaluateHandle(
      (kind, text) => {
        const root = document.querySelector('rebound-prompt')?.shadowRoot;
        const all = [...(root?.querySelectorAll(kind) ?? [])];
        const hit = all.find((el) => el.textContent?.trim() === text);
        return hit instanceof HTMLLabelElement ? hit.control : (hit ?? null);
      },
      kind,
      text,
    );
    return found.asElement() as ElementHandle<Element> | null;
  });
}

/** Chooses an option of one of the prompt's selects by the text it shows. */
export async function choosePromptOption(page: Page, label: string, option: string) {
  const select = (await inPrompt(page, 'label', label)) as ElementHandle<HTMLSelectElement>;
  const value = await select.evaluate(
    (el, option) => [...el.options].find((o) => o.text === option)?.value,
    option,
  );
  if (value === undefined) throw new Error(`"${label}" has no option "${option}"`);
  await select.select(value);
}

export async function fillPromptField(page: Page, label: string, text: string) {
  await (await inPrompt(page, 'label', label)).type(text);
}

/** Clicks one of the prompt's buttons by its text. */
export async function clickPromptButton(page: Page, name: string) {
  await (await inPrompt(page, 'button', name)).click();
}

/** Clicks the element of a page (web content) with this accessible role and name. */
export async function clickByRole(page: Page, role: string, name: string) {
  await page.locator(`::-p-aria([name="${name}"][role="${role}"])`).click();
}

/**
 * Proves that no prompt came for a deal without sleeping: waits for the background's decision
 * about it (newer than `since`), expects `decision`, then checks the page shows no prompt.
 */
export async function expectNoFirefoxPrompt(
  ext: FirefoxExtension,
  page: Page,
  deal: { crm: string; dealId: string },
  since: number,
  decision: NonNullable<DetectionEntry['decision']>,
): Promise<void> {
  await expectDecision(ext, deal, decision, since);
  const shown = await promptCount(page);
  if (shown !== 0) throw new Error(`${shown} prompt(s) shown for ${deal.dealId}`);
}

/**
 * The positive control that ends a negative test: the deal's one prompt is showing, and the
 * background decided to prompt for it exactly once since `since`.
 */
export function expectFirefoxPromptedOnce(
  ext: FirefoxExtension,
  page: Page,
  deal: { crm: string; dealId: string },
  since: number,
): Promise<void> {
  return expectOnePrompt(ext, deal, since, {
    wait: () => waitForPrompt(page),
    count: () => promptCount(page),
  });
}
