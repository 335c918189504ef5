import { describe, expect, it } from 'vitest';
import { afterDelay } from '../../detection/observe-deep';
import type { DetectorEnv, PageInfo } from '../../detection/types';
import { isLostCloseDialog, lostDealIdOf, readDynamicsDeal, readStageBefore } from './read';

const GUID = '7d9f3c2a-4b1e-4f0a-9c8d-2e6b5a4f3d21';

/** The opportunity form's parts, with the data-id names Unified Interface gives them. */
const HEADER = `
  <h1 data-id="header_title">500 units of Product SKU JJ202</h1>
  <div data-id="header_estimatedvalue">
    <input data-id="header_estimatedvalue.fieldControl-currency-text-input" value="€150,000.00" />
    <label>Est. Revenue</label>
  </div>
  <div data-id="header_statecode">
    <button role="combobox" data-id="header_statecode.fieldControl-option-set-select">Open</button>
    <label>Status</label>
  </div>
  <div data-id="header_ownerid">
    <span data-id="header_ownerid.fieldControl-LookupResultsDropdown_ownerid_selected_tag_text">Alex Wu</span>
  </div>`;
const BODY = `
  <span data-id="parentaccountid.fieldControl-LookupResultsDropdown_parentaccountid_selected_tag_text">Contoso Pharmaceuticals</span>
  <div data-id="statuscode.fieldControl-option-set-select">In Progress</div>`;

const lostDialog = (competitor = 'Fabrikam, Inc.') => `
  <section role="dialog" aria-label="Close Opportunity">
    <div data-id="statusreason_id-FieldSectionItemContainer">
      <select data-id="statusreason_id.fieldControl-option-set-select">
        <option value="4">Canceled</option><option value="5" selected>Out-Sold</option>
      </select>
    </div>
    <div data-id="competitorid_id-FieldSectionItemContainer">
      <div data-id="competitorid_id.fieldControl-Lookup_competitorid_id">
        ${competitor ? `<span data-id="competitorid_id.fieldControl-LookupResultsDropdown_competitorid_id_selected_tag_text">${competitor}</span>` : ''}
      </div>
    </div>
    <input data-id="actualrevenue_id.fieldControl-currency-text-input" value="€0.00" />
    <button data-id="ok_id">OK</button>
  </section>`;

const wonDialog = `
  <section role="dialog" aria-label="Close Opportunity">
    <select data-id="statusreason_id.fieldControl-option-set-select"><option value="3">Won</option></select>
    <input data-id="actualrevenue_id.fieldControl-currency-text-input" value="€150,000.00" />
    <button data-id="ok_id">OK</button>
  </section>`;

/** A dialog with a custom lost reason and no competitor field: the dialog alone cannot tell. */
const customReasonDialog = `
  <section role="dialog">
    <select data-id="statusreason_id.fieldControl-option-set-select"><option value="100000001">Budget cut</option></select>
    <input data-id="actualrevenue_id.fieldControl-currency-text-input" value="0" />
    <button data-id="ok_id">OK</button>
  </section>`;

/** Another OK dialog of the app (Assign), which has no Actual Revenue. */
const assignDialog = `
  <section role="dialog" aria-label="Assign Opportunity">
    <div data-id="competitorid_id-lookalike"></div>
    <button data-id="ok_id">Assign</button>
  </section>`;

function page(html: string, title = 'Opportunity: 500 units of Product SKU JJ202 - Dynamics 365') {
  return new DOMParser().parseFromString(
    `<html><head><title>${title}</title></head><body>${html}</body></html>`,
    'text/html',
  );
}

const ok = (doc: Document) => doc.querySelector('[data-id="ok_id"]')!;

const envFor = (doc: Document, pageInfo: PageInfo): DetectorEnv => ({
  root: doc,
  url: new URL('https://contoso.crm4.dynamics.com/main.aspx'),
  page: pageInfo,
  baselineUntil: 0,
  settle: afterDelay,
  signal: new AbortController().signal,
  isLost: () => false,
  isWon: () => false,
  report: () => undefined,
  health: () => undefined,
});

describe('readDynamicsDeal', () => {
  it('reads the form: topic, Est. Revenue and currency, account, owner, status', () => {
    expect(readDynamicsDeal(page(HEADER + BODY))).toEqual({
      dealName: '500 units of Product SKU JJ202',
      amount: 150000,
      currency: 'EUR',
      company: 'Contoso Pharmaceuticals',
      owner: 'Alex Wu',
      stage: 'Open (In Progress)',
    });
  });

  it('reads the status reason and competitor from the close dialog while it is open', () => {
    const doc = page(HEADER + BODY + lostDialog());
    expect(readDynamicsDeal(doc, ok(doc)).stage).toBe(
      'Lost (Out-Sold; competitor: Fabrikam, Inc.)',
    );
  });

  it('leaves the competitor out when none was chosen', () => {
    const doc = page(HEADER + BODY + lostDialog(''));
    expect(readDynamicsDeal(doc, ok(doc)).stage).toBe('Lost (Out-Sold)');
  });

  it('reads a closed form as the form shows it', () => {
    const doc = page(HEADER.replace('>Open<', '>Lost<') + BODY.replace('In Progress', 'Out-Sold'));
    expect(readDynamicsDeal(doc).stage).toBe('Lost (Out-Sold)');
  });

  it('falls back to the tab title for the name, and reads other currencies', () => {
    const doc = page(
      '<input data-id="header_estimatedvalue.fieldControl-currency-text-input" value="$48,000.00" />',
      'Opportunity: Northwind — renewal - Dynamics 365',
    );
    expect(readDynamicsDeal(doc)).toMatchObject({
      dealName: 'Northwind — renewal',
      amount: 48000,
      currency: 'USD',
    });
  });

  it('keeps page text within the lengths a loss message accepts', () => {
    const doc = page(HEADER + BODY + lostDialog('F'.repeat(400)));
    const deal = readDynamicsDeal(doc, ok(doc));
    expect(deal.stage!.length).toBeLessThanOrEqual(200);
  });

  it('reads what there is on an empty page', () => {
    expect(readDynamicsDeal(page('', 'Dynamics 365'))).toEqual({
      dealName: 'Untitled opportunity',
      amount: undefined,
      currency: undefined,
      company: undefined,
      owner: undefined,
      stage: undefined,
    });
  });
});

describe('readStageBefore', () => {
  it('is the header Status, else the Status Reason', () => {
    expect(readStageBefore(page(HEADER + BODY))).toBe('Open');
    expect(readStageBefore(page(BODY))).toBe('In Progress');
    expect(readStageBefore(page(''))).toBeUndefined();
  });
});

describe('the Close Opportunity OK click', () => {
  it.each([
    ['the Close as Lost dialog', lostDialog(), true],
    ['the Close as Lost dialog, no competitor chosen', lostDialog(''), true],
    ['the Close as Won dialog', wonDialog, false],
    [
      'a custom lost reason without a competitor field (left to the header status)',
      customReasonDialog,
      false,
    ],
    ['another dialog with an OK button', assignDialog, false],
  ])('%s → lost: %s', (_what, dialog, lost) => {
    expect(isLostCloseDialog(ok(page(HEADER + dialog)))).toBe(lost);
  });

  it('names the form’s opportunity, and only on an opportunity form', () => {
    const doc = page(HEADER + lostDialog());
    expect(lostDealIdOf(ok(doc), envFor(doc, { kind: 'deal', dealId: GUID }))).toBe(GUID);
    expect(lostDealIdOf(ok(doc), envFor(doc, { kind: 'list' }))).toBeUndefined();
    const won = page(HEADER + wonDialog);
    expect(lostDealIdOf(ok(won), envFor(won, { kind: 'deal', dealId: GUID }))).toBeUndefined();
  });
});
