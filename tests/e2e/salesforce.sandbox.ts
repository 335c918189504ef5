import type { BrowserContext, Locator, Page, Route } from 'playwright-core';
import { markup, readFixture, type SandboxCrm } from './harness';

/** A realistic My Domain: Lightning on lightning.force.com, Classic and the APIs on my.salesforce.com. */
export const LIGHTNING_HOST = 'acme.lightning.force.com';
export const MY_DOMAIN_HOST = 'acme.my.salesforce.com';

const fixture = (name: string) => readFixture(`salesforce/${name}`);

/** A Classic opportunity as the sandbox's server holds it, by its 15-character id. */
export type ClassicRecord = {
  name: string;
  account: string;
  amount: string;
  stage: string;
  lossReason: string;
};

export type SalesforceSandbox = SandboxCrm & {
  /** How aura answers a save that gets HTTP 200: the action's state. */
  auraState: 'SUCCESS' | 'ERROR';
  /** Classic's records on the sandbox server, by 15-character id. */
  classic: Map<string, ClassicRecord>;
  /**
   * Classic refuses the edit with a validation rule: the server answers 200 with the edit page
   * again, the chosen values kept and "Error: Invalid Data." above them (nothing is saved).
   */
  classicValidationError: boolean;
};

const PROBABILITY: Record<string, number> = {
  Prospecting: 10,
  Qualification: 10,
  'Needs Analysis': 20,
  'Value Proposition': 50,
  'Id. Decision Makers': 60,
  'Perception Analysis': 70,
  'Proposal/Price Quote': 75,
  'Negotiation/Review': 90,
  'Closed Won': 100,
  'Closed Lost': 0,
};

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** Classic is server-rendered: the record's values go into the page's HTML, escaped. */
function classicPage(name: string, id: string, record: ClassicRecord): string {
  const values: Record<string, string> = {
    ...record,
    id,
    probability: String(PROBABILITY[record.stage] ?? ''),
  };
  return fixture(name).replace(/\{\{(\w+)\}\}/g, (_all, key: string) =>
    escapeHtml(values[key] ?? ''),
  );
}

const CLASSIC_ERROR_PAGE = `<!doctype html><html><head><title>Salesforce - Enterprise Edition</title></head>
<body><h1>An internal server error has occurred</h1>
<p>An error has occurred while processing your request. The salesforce.com support team has been
notified of the problem.</p></body></html>`;

/** The banner Classic shows above an edit page a validation rule refused. */
export const CLASSIC_VALIDATION_ERROR =
  'Error: Invalid Data. Review all error messages below to correct your data.';

function formFields(body: string | null): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body ?? ''));
}

/**
 * Serves the sandbox Salesforce at its real host shapes: Lightning record and Kanban pages and
 * aura / UI API saves on acme.lightning.force.com (and the same Lightning pages on
 * acme.my.salesforce.com), Classic detail and edit pages and edit-form posts on
 * acme.my.salesforce.com. Saves are answered with `saveStatus` (and, for aura, `auraState`);
 * each is recorded in `saves`.
 */
export async function serveSalesforce(context: BrowserContext): Promise<SalesforceSandbox> {
  const sandbox: SalesforceSandbox = {
    saves: [],
    saveStatus: 200,
    auraState: 'SUCCESS',
    classic: new Map(),
    classicValidationError: false,
  };
  const ok = () => sandbox.saveStatus >= 200 && sandbox.saveStatus < 300;

  const handle = async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    const method = request.method();
    const path = url.pathname;

    if (path === '/aura' && method === 'POST') {
      const fields = formFields(request.postData());
      const message = JSON.parse(fields.message ?? '{}') as { actions?: { id: string }[] };
      sandbox.saves.push({ method, url: url.href, body: { ...fields, message } });
      if (!ok()) {
        return route.fulfill({ status: sandbox.saveStatus, contentType: 'text/html', body: '' });
      }
      const actions = (message.actions ?? []).map((action) =>
        sandbox.auraState === 'SUCCESS'
          ? { id: action.id, state: 'SUCCESS', returnValue: { apiName: 'Opportunity' } }
          : {
              id: action.id,
              state: 'ERROR',
              error: [{ message: 'Sandbox refused the save: FIELD_CUSTOM_VALIDATION_EXCEPTION' }],
            },
      );
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ actions, context: { mode: 'PROD' } }),
      });
    }

    if (path.startsWith('/services/data/') && method === 'PATCH') {
      const body = request.postData();
      sandbox.saves.push({ method, url: url.href, body: body ? JSON.parse(body) : undefined });
      return route.fulfill({
        status: sandbox.saveStatus,
        contentType: 'application/json',
        body: JSON.stringify(
          ok()
            ? { apiName: 'Opportunity', id: path.split('/').at(-1) }
            : [{ errorCode: 'UNKNOWN_EXCEPTION', message: 'Sandbox refused the save' }],
        ),
      });
    }

    if (path.startsWith('/lightning/r/Opportunity/')) {
      return route.fulfill({ contentType: 'text/html', body: fixture('lightning-record.html') });
    }
    // The sandbox's own script, shared by its list view and Kanban pages (not Salesforce's).
    if (path === '/sandbox/aura-save.js') {
      return route.fulfill({
        contentType: 'text/javascript',
        body: readFixture('salesforce/aura-save.js'),
      });
    }
    if (path.startsWith('/lightning/o/Opportunity/')) {
      const table = url.searchParams.get('display') === 'table';
      return route.fulfill({
        contentType: 'text/html',
        body: fixture(table ? 'lightning-list.html' : 'lightning-kanban.html'),
      });
    }

    const classic = /^\/(006[a-zA-Z0-9]{12})(\/e)?$/.exec(path);
    const record = classic ? sandbox.classic.get(classic[1]!) : undefined;
    if (classic && record) {
      const id = classic[1]!;
      if (!classic[2]) {
        return route.fulfill({
          contentType: 'text/html',
          body: classicPage('classic-detail.html', id, record),
        });
      }
      if (method === 'GET') {
        return route.fulfill({
          contentType: 'text/html',
          body: classicPage('classic-edit.html', id, record),
        });
      }
      const fields = formFields(request.postData());
      sandbox.saves.push({ method, url: url.href, body: fields });
      // Classic's server answers a saved edit with a redirect to retURL (the detail page). The
      // sandbox answers with the detail page itself: Playwright's route does not intercept the
      // request a fulfilled 302 leads to (it would go to the real network), while webRequest
      // keeps one requestId across a redirect, so both reach onCompleted with the final 2xx.
      const detail = () =>
        route.fulfill({
          contentType: 'text/html',
          body: classicPage('classic-detail.html', id, record),
        });
      // Cancel posts the form too; the server saves nothing and shows the record.
      if ('cancel' in fields) return detail();
      if (!ok()) {
        return route.fulfill({
          status: sandbox.saveStatus,
          contentType: 'text/html',
          body: CLASSIC_ERROR_PAGE,
        });
      }
      if (sandbox.classicValidationError) {
        const shown = { ...record, stage: fields.opp11 ?? record.stage };
        return route.fulfill({
          contentType: 'text/html',
          body: classicPage('classic-edit.html', id, shown).replace(
            /<body([^>]*)>/,
            `<body$1><div class="errorMsg" role="alert">${CLASSIC_VALIDATION_ERROR}</div>`,
          ),
        });
      }
      record.stage = fields.opp11 ?? record.stage;
      record.lossReason = fields['00N5g00000LossRsn'] ?? record.lossReason;
      return detail();
    }
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not in the sandbox' });
  };

  await context.route(`https://${LIGHTNING_HOST}/**`, handle);
  await context.route(`https://${MY_DOMAIN_HOST}/**`, handle);
  return sandbox;
}

/** The canonical 18-character id of a 15-character one (Salesforce's case checksum). */
export function id18(id15: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let i = 0; i < 5; i++) if (/[A-Z]/.test(id15[chunk * 5 + i]!)) flags |= 1 << i;
    suffix += alphabet[flags];
  }
  return id15 + suffix;
}

export type LightningDeal = {
  name?: string;
  account?: string;
  amount?: string;
  stage?: string;
  path?: '0';
  render?: 'late';
  host?: string;
};

export function lightningRecordUrl(id: string, options: LightningDeal = {}): string {
  const { host = LIGHTNING_HOST, ...query } = options;
  const params = new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return `https://${host}/lightning/r/Opportunity/${id}/view?${params}`;
}

export type KanbanCard = {
  id: string;
  stage: string;
  name: string;
  account: string;
  amount: string;
};

export function kanbanUrl(cards: KanbanCard[], options: { saysKanban?: boolean } = {}): string {
  const params = new URLSearchParams({ filterName: 'AllOpportunities' });
  if (options.saysKanban ?? true) params.set('viewMode', 'kanban');
  for (const c of cards)
    params.append('deal', [c.id, c.stage, c.name, c.account, c.amount].join('|'));
  return `https://${LIGHTNING_HOST}/lightning/o/Opportunity/list?${params}`;
}

/**
 * The sandbox list view displayed as a table (`display=table` tells the sandbox which fixture;
 * Lightning's own URL is the Kanban's), one row per opportunity.
 */
export function listViewUrl(rows: KanbanCard[]): string {
  const params = new URLSearchParams({ filterName: 'AllOpportunities', display: 'table' });
  for (const r of rows)
    params.append('deal', [r.id, r.stage, r.name, r.account, r.amount].join('|'));
  return `https://${LIGHTNING_HOST}/lightning/o/Opportunity/list?${params}`;
}

export function classicEditUrl(id15: string): string {
  return `https://${MY_DOMAIN_HOST}/${id15}/e?retURL=%2F${id15}`;
}

/* ---- What a user does ---- */

/** Picks a value in a lightning-combobox (inside its shadow root) labelled `label`. */
export async function chooseIn(scope: Page | Locator, label: string, value: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await scope.getByRole('option', { name: value, exact: true }).click();
}

/** The Path's current stage (or a closed Path's final item), as the page shows it. */
export function currentPathStage(page: Page): Locator {
  return page.locator(
    markup(
      '.slds-path__item.slds-is-current .slds-path__title, .slds-path__item.slds-is-lost .slds-path__title, .slds-path__item.slds-is-won .slds-path__title',
    ),
  );
}

/** The Details tab's Stage value (read mode). */
export function detailsStage(page: Page): Locator {
  return page.locator(
    markup(
      '[data-target-selection-name="sfdc:RecordField.Opportunity.StageName"] lightning-formatted-text',
    ),
  );
}

/** a. The Path: select "Closed", "Select Closed Stage", pick the stage (and reason), Save. */
export async function closeViaPath(page: Page, stage: string, reason = 'Price') {
  await page.locator(markup('a.slds-path__link[title="Closed"]')).click();
  await page.getByRole('button', { name: 'Select Closed Stage' }).click();
  await saveCloseDialog(page, stage, reason);
}

export function closeDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Close This Opportunity' });
}

export async function saveCloseDialog(page: Page, stage: string, reason = 'Price') {
  const dialog = closeDialog(page);
  await chooseIn(dialog, 'Stage', stage);
  if (stage === 'Closed Lost') await chooseIn(dialog, 'Loss Reason', reason);
  await dialog.getByRole('button', { name: 'Save' }).click();
}

/** The Path's "Mark as Current Stage" on another stage (reopens a closed opportunity too). */
export async function markCurrentStage(page: Page, stage: string) {
  await page.locator(markup(`a.slds-path__link[title="${stage}"]`)).click();
  await page.getByRole('button', { name: 'Mark as Current Stage' }).click();
}

/** b. Inline edit: the Stage pencil in Details, the Stage combobox, Save in the footer. */
export async function closeViaInlineEdit(page: Page, stage: string) {
  await page.getByRole('button', { name: 'Edit Stage' }).click();
  await chooseIn(page.locator(markup('records-record-layout-section')), 'Stage', stage);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
}

/** c. The Edit button: the edit modal's Stage (and Loss Reason), Save. */
export async function closeViaEditModal(page: Page, stage: string, reason = 'Competitor') {
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /^Edit / });
  await chooseIn(dialog, 'Stage', stage);
  if (stage === 'Closed Lost') await chooseIn(dialog, 'Loss Reason', reason);
  await dialog.getByRole('button', { name: 'Save' }).click();
}

/** The list view's row of an opportunity (by its name). */
function listRow(page: Page, name: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

/**
 * e. List view inline edit: the Stage cell's pencil, the Stage combobox in the edit popover,
 * Save in the bottom bar. A popover left open by a failed save is used as it is (a retry).
 */
export async function editStageInList(page: Page, name: string, stage: string) {
  const row = listRow(page, name);
  if ((await row.getByRole('dialog', { name: 'Edit Stage' }).count()) === 0) {
    await row.getByRole('button', { name: 'Edit Stage' }).click();
  }
  await chooseIn(row, 'Stage', stage);
  await saveListEdit(page);
}

/** Save in the list view's bottom bar. */
export async function saveListEdit(page: Page) {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
}

/** The stage a list view row shows as saved (its cell, not the edit popover). */
export async function listStageShown(page: Page, name: string): Promise<string> {
  const cell = listRow(page, name).getByRole('gridcell').last();
  const text = await cell.evaluate((td) => td.firstChild?.textContent ?? '');
  return text.trim();
}

/** d. Drags a Kanban card (by its name) into a stage's column. */
export async function dragCard(page: Page, name: string, stage: string) {
  const card = page.locator(markup('article.kanban-card'), { hasText: name });
  await card.dragTo(page.locator(markup(`[data-stage="${stage}"]`)));
}

export function kanbanColumnOfCard(page: Page, name: string): Promise<string | null> {
  return page
    .locator(markup('article.kanban-card'), { hasText: name })
    .evaluate((card) => card.parentElement?.getAttribute('data-stage') ?? null);
}

/** Classic: picks a stage in the edit form and clicks Save (or Cancel); the page navigates. */
export async function classicSubmit(page: Page, stage: string, button: 'Save' | 'Cancel' = 'Save') {
  await page.locator(markup('select#opp11')).selectOption(stage);
  await Promise.all([
    page.waitForEvent('load'),
    page.locator(markup(`.pbHeader input[name="${button.toLowerCase()}"]`)).click(),
  ]);
}

/* ---- What Rebound shows ---- */
