import type { BrowserContext, Page, Route } from 'playwright-core';
import { markup, PROMPT_DEADLINE_MS, readFixture, type SaveRequest } from './harness';

/** The sandbox organisation, in the EMEA region, and the same organisation in North America. */
export const DYNAMICS_HOSTS = ['contoso.crm4.dynamics.com', 'contoso.crm.dynamics.com'];

const APP_ID = '0c1e4a5b-7d2f-4e8a-b3c6-9f1d2e3a4b5c';
const form = () => readFixture('dynamics/opportunity-form.html');

export type DynamicsSandbox = {
  /** Every Web API write the page sent (POST, PATCH), in order. */
  saves: SaveRequest[];
  /** The HTTP status the sandbox answers writes with (204, as Dynamics, unless a test says otherwise). */
  saveStatus: number;
  /**
   * The status of the request inside a `$batch` answered 2xx (204 unless a test says otherwise):
   * with `Prefer: odata.continue-on-error` Dataverse answers the batch 200 and a failed part
   * with its own 400 inside the multipart answer.
   */
  batchPartStatus: number;
};

/** OData error bodies as the Dataverse Web API sends them. */
const ERRORS: Record<number, { code: string; message: string }> = {
  400: {
    code: '0x80040203',
    message: 'Invalid Argument: the close date cannot be in the future for a lost opportunity.',
  },
  500: { code: '0x80040216', message: 'An unexpected error occurred.' },
};

function parseBody(text: string | null): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A `$batch` answered 200, its one changeset part answered `partStatus` (as Dataverse writes a
 * batch response: multipart/mixed, each part an `application/http` response).
 */
function batchAnswer(partStatus: number) {
  const ok = partStatus >= 200 && partStatus < 300;
  const part = ok
    ? [`HTTP/1.1 ${partStatus} No Content`, 'OData-Version: 4.0', '']
    : [
        `HTTP/1.1 ${partStatus} Bad Request`,
        'Content-Type: application/json; odata.metadata=minimal',
        'OData-Version: 4.0',
        '',
        JSON.stringify({ error: ERRORS[partStatus] ?? ERRORS[500] }),
      ];
  const body = [
    '--batchresponse_sandbox',
    'Content-Type: multipart/mixed; boundary=changesetresponse_sandbox',
    '',
    '--changesetresponse_sandbox',
    'Content-Type: application/http',
    'Content-Transfer-Encoding: binary',
    'Content-ID: 1',
    '',
    ...part,
    '--changesetresponse_sandbox--',
    '--batchresponse_sandbox--',
    '',
  ].join('\r\n');
  return {
    status: 200,
    contentType: 'multipart/mixed; boundary=batchresponse_sandbox',
    body,
  };
}

/**
 * Serves the sandbox Dynamics 365 at real organisation hosts: `/main.aspx` from the fixture, the
 * Web API answering writes with `saveStatus` (204 No Content, or an OData error). Content scripts
 * inject there and the extension's webRequest observer sees the requests, as on the real site.
 */
export async function serveDynamics(context: BrowserContext): Promise<DynamicsSandbox> {
  const sandbox: DynamicsSandbox = { saves: [], saveStatus: 204, batchPartStatus: 204 };
  const handle = async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/data/')) {
      if (request.method() === 'GET') return route.fulfill({ status: 200, json: { value: [] } });
      sandbox.saves.push({
        method: request.method(),
        url: url.href,
        body: parseBody(request.postData()),
      });
      const status = sandbox.saveStatus;
      if (url.pathname.endsWith('/$batch') && status >= 200 && status < 300) {
        return route.fulfill(batchAnswer(sandbox.batchPartStatus));
      }
      if (status >= 200 && status < 300) return route.fulfill({ status });
      return route.fulfill({
        status,
        contentType: 'application/json; odata.metadata=minimal',
        body: JSON.stringify({ error: ERRORS[status] ?? ERRORS[500] }),
      });
    }
    if (url.pathname === '/main.aspx') {
      return route.fulfill({ status: 200, contentType: 'text/html', body: form() });
    }
    return route.fulfill({ status: 404, body: 'Not in the sandbox' });
  };
  for (const host of DYNAMICS_HOSTS) await context.route(`https://${host}/**`, handle);
  return sandbox;
}

export type OpportunityOptions = {
  id: string;
  host?: string;
  /** How the link writes the id: bare (as the app does), in braces, or in encoded upper-case braces. */
  idStyle?: 'bare' | 'braces' | 'encoded-upper';
  name?: string;
  revenue?: string;
  account?: string;
  owner?: string;
  status?: 'Open' | 'Won' | 'Lost';
  reason?: string;
  retry?: '1';
  headerstatus?: '0';
  batch?: '1';
};

/** An opportunity's form URL, as Unified Interface writes it, plus the sandbox's parameters. */
export function opportunityUrl(options: OpportunityOptions): string {
  const { id, host = DYNAMICS_HOSTS[0], idStyle = 'bare', ...sandbox } = options;
  const written =
    idStyle === 'braces'
      ? `{${id}}`
      : idStyle === 'encoded-upper'
        ? `%7B${id.toUpperCase()}%7D`
        : id;
  const extra = new URLSearchParams(
    Object.entries(sandbox).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const query = `appid=${APP_ID}&pagetype=entityrecord&etn=opportunity&id=${written}`;
  return `https://${host}/main.aspx?${query}${extra.size ? `&${extra}` : ''}`;
}

/** A fresh opportunity id per test, so one test's prompt never dedupes another's. */
export function opportunityId(n: number): string {
  return `7d9f3c2a-4b1e-4f0a-9c8d-${n.toString(16).padStart(12, '0')}`;
}

/** The Close Opportunity dialog of the sandbox page (not Rebound's prompt). */
export function closeDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Close Opportunity' });
}

/** Opens the Close Opportunity dialog from the command bar, as a user would. */
export async function openClose(page: Page, outcome: 'Won' | 'Lost'): Promise<void> {
  await page.getByRole('button', { name: `Close as ${outcome}` }).click();
  await closeDialog(page).waitFor();
}

/** Fills the Close as Lost dialog: Status Reason and, when given, a Competitor picked from the lookup. */
export async function fillLost(
  page: Page,
  details: { reason?: 'Canceled' | 'Out-Sold'; competitor?: string; description?: string } = {},
): Promise<void> {
  const dialog = closeDialog(page);
  if (details.reason)
    await dialog.getByLabel('Status Reason').selectOption({ label: details.reason });
  if (details.competitor) {
    await dialog.getByLabel('Competitor, Lookup').fill(details.competitor.slice(0, 4));
    await dialog.getByRole('option', { name: details.competitor }).click();
  }
  if (details.description) await dialog.getByLabel('Description').fill(details.description);
}

export async function pressOk(page: Page): Promise<void> {
  await closeDialog(page).getByRole('button', { name: 'OK' }).click();
}

/** Close as Lost → fill the dialog → OK. */
export async function closeAsLost(page: Page, details: Parameters<typeof fillLost>[1] = {}) {
  await openClose(page, 'Lost');
  await fillLost(page, details);
  await pressOk(page);
}

/** Waits for the form's header to render (it appears once the record's data has loaded). */
export async function waitForForm(page: Page): Promise<void> {
  await page
    .locator(markup('[data-id="header_estimatedvalue.fieldControl-currency-text-input"]'))
    .waitFor();
}

/**
 * Waits for the form to show the status the server accepted, as a user sees it: the close
 * commands while open, the read-only notification once closed.
 */
export async function waitForStatus(page: Page, status: 'Open' | 'Won' | 'Lost'): Promise<void> {
  if (status === 'Open') {
    await page.getByRole('button', { name: 'Close as Lost' }).waitFor();
  } else {
    await page.getByText(`This record’s status: ${status}`).waitFor();
  }
}

export async function reopen(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Reopen Opportunity' }).click();
  await waitForStatus(page, 'Open');
}

/** Rebound's prompt, by its name "Lost: {deal}" (the sandbox's Close Opportunity is a dialog too). */
export function reboundPrompt(page: Page) {
  return page.getByRole('dialog', { name: /^Lost: / });
}

export async function expectReboundPrompt(page: Page): Promise<void> {
  await reboundPrompt(page).waitFor({ state: 'visible', timeout: PROMPT_DEADLINE_MS });
}

/** The page's close requests (LoseOpportunity / WinOpportunity) recorded by the sandbox. */
export function closeRequests(
  sandbox: DynamicsSandbox,
  action: 'LoseOpportunity' | 'WinOpportunity',
) {
  return sandbox.saves.filter((save) => save.url.endsWith(`/${action}`));
}

/** The page's `$batch` requests recorded by the sandbox (their multipart text). */
export function batchRequests(sandbox: DynamicsSandbox) {
  return sandbox.saves.filter((save) => save.url.endsWith('/$batch'));
}
