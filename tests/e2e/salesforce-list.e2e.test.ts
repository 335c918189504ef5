/**
 * Salesforce Lightning list view, displayed as a table (issue #8, item 2): Stage edited inline
 * (pencil → combobox → Save in the bottom bar), saved through aura. Aura answers a failed action
 * 200 too (`okStatusIsNotProof`), so the page must show the loss: the row's Stage cell showing
 * "Closed Lost" after the save is generic evidence. The adapter's Kanban watcher also runs on
 * list URLs (a list view may be displayed as Kanban): it must not read the table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_GRACE_MS } from '../../src/detection/correlator';
import { EVIDENCE_WAIT_MS } from '../../src/detection/page-read';
import { expectDecision, expectPrompt, launchExtension, promptOn, type Extension } from './harness';
import {
  editStageInList,
  id18,
  listStageShown,
  listViewUrl,
  saveListEdit,
  serveSalesforce,
  type KanbanCard,
  type SalesforceSandbox,
} from './salesforce.sandbox';

let ext: Extension;
let sandbox: SalesforceSandbox;
let next = 81_000;

beforeAll(async () => {
  ext = await launchExtension();
  sandbox = await serveSalesforce(ext.context);
});
afterAll(() => ext?.close());

/** An unclear save waits out the grace time, then the page is asked for the loss. */
const PAGE_EVIDENCE_MS = PAGE_GRACE_MS + EVIDENCE_WAIT_MS;

/** Rows of opportunities never seen before in this profile. */
function rows(...specs: [stage: string, name: string][]): KanbanCard[] {
  return specs.map(([stage, name]) => ({
    id: id18(`006Dn00000${next++}`),
    stage,
    name,
    account: `${name.split(' ')[0]} Ltd`,
    amount: '$64,000.00',
  }));
}

const dealOf = (row: KanbanCard) => ({ crm: 'salesforce', dealId: row.id });

async function openList(table: KanbanCard[]) {
  sandbox.saveStatus = 200;
  sandbox.auraState = 'SUCCESS';
  const page = await ext.context.newPage();
  await page.goto(listViewUrl(table));
  await page.getByRole('row').nth(1).waitFor();
  return page;
}

describe('Salesforce list view: Stage edited inline', () => {
  it('opens one prompt, named from the row’s link, once aura saved it and the cell shows it', async () => {
    const table = rows(
      ['Negotiation/Review', 'Globex — Data platform'],
      ['Closed Lost', 'Initech — Old printers'],
    );
    const page = await openList(table);
    await editStageInList(page, 'Globex — Data platform', 'Closed Lost');
    await expectPrompt(page, PAGE_EVIDENCE_MS);
    await expect(promptOn(page).getByRole('heading').first().textContent()).resolves.toContain(
      'Globex — Data platform',
    );
    const decision = await expectDecision(ext, dealOf(table[0]!), 'prompted');
    expect(decision.evidence).toBe('save + page');
    expect(sandbox.saves.at(-1)?.body).toMatchObject({
      message: {
        actions: [
          {
            descriptor: 'aura://RecordUiController/ACTION$updateRecord',
            params: { recordInput: { fields: { Id: table[0]!.id, StageName: 'Closed Lost' } } },
          },
        ],
      },
    });
    await expect(listStageShown(page, 'Globex — Data platform')).resolves.toBe('Closed Lost');
    // The evidence was the cell, read generically: the Kanban watcher, armed on list URLs too,
    // reported nothing about the table (neither this row nor the one already lost).
    const reports = (await ext.detectionLog()).filter((e) => e.kind === 'page' && !e.generic);
    expect(reports.filter((e) => table.some((r) => r.id === e.dealId))).toEqual([]);
    await expect(promptOn(page).count()).resolves.toBe(1);
  });
});

describe('Salesforce list view: no prompt', () => {
  it('when aura answers 200 with state ERROR: the editor stays open with the error (and the retry that saves prompts)', async () => {
    const table = rows(['Proposal/Price Quote', 'Umbrella — Lab sensors']);
    const page = await openList(table);
    sandbox.auraState = 'ERROR';
    await editStageInList(page, 'Umbrella — Lab sensors', 'Closed Lost');
    await expectDecision(ext, dealOf(table[0]!), 'no-page-evidence');
    await expect(page.getByRole('dialog', { name: 'Edit Stage' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('We hit a snag');
    await expect(listStageShown(page, 'Umbrella — Lab sensors')).resolves.toBe(
      'Proposal/Price Quote',
    );
    await expect(promptOn(page).count()).resolves.toBe(0);
    sandbox.auraState = 'SUCCESS';
    await saveListEdit(page);
    await expectPrompt(page, PAGE_EVIDENCE_MS);
  });
});
