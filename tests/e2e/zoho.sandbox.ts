import type { BrowserContext, Locator, Page, Route } from 'playwright-core';
import { ZOHO_CRM_HOSTS } from '../../src/crm/zoho/pages';
import { markup, readFixture, type SandboxCrm } from './harness';

/** The sandbox Zoho CRM: what it answers saves with, and every save it received. */
export type ZohoSandbox = SandboxCrm & {
  /**
   * 'error' answers with `saveStatus` but a record that says `"status":"error"`, as Zoho's
   * multi-record answers do: a 2xx the save observer counts, that the page does not.
   */
  saveRecord: 'success' | 'error';
  /** How long the server takes to answer a save (the Kanban moves the card meanwhile). */
  saveDelayMs: number;
};

const ORG = 'org20261125';
const CVID = '4876876000000087501';

const fixture = (name: string) => readFixture(`zoho/${name}`);

function bodyOf(text: string | null): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return Object.fromEntries(new URLSearchParams(text));
  }
}

/**
 * Serves the sandbox Zoho CRM at every data centre's real host: record pages and the Kanban
 * view from the fixtures, and any other request under /crm/ that is not a GET answered as a
 * save with `saveStatus`. Content scripts inject on these URLs and the extension's webRequest
 * observer sees the saves, as on the real site.
 */
export async function serveZoho(context: BrowserContext): Promise<ZohoSandbox> {
  const sandbox: ZohoSandbox = {
    saves: [],
    saveStatus: 200,
    saveRecord: 'success',
    saveDelayMs: 150,
  };
  const handle = async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (request.method() !== 'GET' && url.pathname.startsWith('/crm/')) {
      sandbox.saves.push({
        method: request.method(),
        url: url.href,
        body: bodyOf(request.postData()),
      });
      const { saveStatus: status, saveRecord, saveDelayMs } = sandbox;
      await new Promise((resolve) => setTimeout(resolve, saveDelayMs));
      const ok = status >= 200 && status < 300 && saveRecord === 'success';
      return route.fulfill({
        status,
        contentType: 'application/json',
        body: JSON.stringify({
          data: [
            ok
              ? { code: 'SUCCESS', status: 'success', message: 'record updated', details: {} }
              : { code: 'INVALID_DATA', status: 'error', message: 'Sandbox refused the save' },
          ],
        }),
      });
    }
    if (/\/tab\/Potentials\/custom-view\/\d+\/kanban$/.test(url.pathname)) {
      return route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: fixture('deals-kanban.html'),
      });
    }
    if (/\/tab\/Potentials\/\d+$/.test(url.pathname)) {
      return route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: fixture('deal-record.html'),
      });
    }
    return route.fulfill({ status: 404, body: 'Not in the sandbox' });
  };
  for (const host of ZOHO_CRM_HOSTS) await context.route(`https://${host}/**`, handle);
  return sandbox;
}

export type ZohoDealOptions = {
  dealId: string;
  host?: string;
  name?: string;
  amount?: string;
  account?: string;
  stage?: string;
  layout?: 'full' | 'bar' | 'compact';
  reason?: '0';
};

export function zohoDealUrl({ dealId, host = 'crm.zoho.com', ...query }: ZohoDealOptions): string {
  const params = new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return `https://${host}/crm/${ORG}/tab/Potentials/${dealId}?${params}`;
}

export type KanbanDeal = {
  id: string;
  stage: string;
  name: string;
  amount?: string;
  account?: string;
};

export function zohoKanbanUrl(deals: KanbanDeal[], host = 'crm.zoho.com'): string {
  const params = new URLSearchParams();
  for (const d of deals) {
    params.append(
      'deal',
      [d.id, d.stage, d.name, d.amount ?? '$10,000.00', d.account ?? 'Initech'].join('|'),
    );
  }
  return `https://${host}/crm/${ORG}/tab/Potentials/custom-view/${CVID}/kanban?${params}`;
}

/** The stage the record page shows (the Stage field of "Deal Information"). */
export function shownStage(page: Page): Locator {
  return page.locator(markup('[data-zcqa="value_Stage"]'));
}

/** Chooses a stage with the record header's stage picker, as a user would. */
export async function chooseHeaderStage(page: Page, label: string): Promise<void> {
  await page.locator(markup('[data-zcqa="dv_stage_button"]')).click();
  await page
    .getByRole('listbox', { name: 'Stage', exact: true })
    .getByRole('option', { name: label, exact: true })
    .click();
}

/** Edits the Stage field inline: pencil, picklist, tick. */
export async function editStageInline(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: 'Edit Stage' }).click();
  await page.locator(markup('[data-zcqa="inline_picklist_Stage"]')).click();
  await page
    .getByRole('listbox', { name: 'Stage picklist' })
    .getByRole('option', { name: label, exact: true })
    .click();
  await page.getByRole('button', { name: 'Save Stage' }).click();
}

export function reasonPopup(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Reason for loss' });
}

/** Answers Zoho's "Reason for loss" popup and saves. */
export async function giveReasonForLoss(page: Page, reason = 'Price'): Promise<void> {
  const popup = reasonPopup(page);
  await popup.getByRole('combobox').selectOption(reason);
  await popup.getByRole('button', { name: 'Save' }).click();
  await popup.waitFor({ state: 'hidden' });
}

export function kanbanCard(page: Page, name: string): Locator {
  return page.locator(markup('[data-zcqa="kanban_card"]')).filter({ hasText: name });
}

export function kanbanColumn(page: Page, stage: string): Locator {
  return page.getByRole('region', { name: stage, exact: true });
}

/** Drags a deal's card into a stage's column with the mouse. */
export async function dragCard(page: Page, name: string, stage: string): Promise<void> {
  await kanbanCard(page, name).dragTo(kanbanColumn(page, stage), {
    targetPosition: { x: 60, y: 300 },
  });
}
