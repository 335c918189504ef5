import type { NamedSelector } from '../../detection/types';

/**
 * Dynamics 365 Unified Interface names its form controls with `data-id` attributes built from
 * the column's logical name: `{column}.fieldControl-…` on the form body, `header_{column}.…` in
 * the form header, `{field}_id` in dialogs. These names are what Microsoft's own UI-test library
 * (EasyRepro) addresses, and they survive the CSS class churn. Values are read from the control
 * itself, never from the whole field cell (which also holds the label).
 */

/**
 * The opportunity's Status (statecode: Open / Won / Lost) in the form header, where the default
 * opportunity form shows it next to Est. Close Date, Est. Revenue and Owner. Alternatives: the
 * current Fluent option-set control (a combobox button showing the label), the older <select>,
 * and the same column placed on the form body.
 */
export const status: NamedSelector = {
  name: 'Status (header)',
  css: [
    '[data-id="header_statecode.fieldControl-option-set-select"]',
    '[data-id="header_statecode"] select',
    '[data-id="statecode.fieldControl-option-set-select"]',
  ],
};

/** Status Reason (statuscode: In Progress, On Hold, Won, Canceled, Out-Sold), when the form shows it. */
export const statusReason: NamedSelector = {
  name: 'Status Reason',
  css: [
    '[data-id="header_statuscode.fieldControl-option-set-select"]',
    '[data-id="statuscode.fieldControl-option-set-select"]',
  ],
};

/** The record's title in the form header (the opportunity's Topic), then the Topic field. */
export const dealName: NamedSelector = {
  name: 'opportunity name',
  css: [
    'h1[data-id="header_title"]',
    '[data-id="header_title"]',
    '[data-id="name.fieldControl-text-box-text"]',
  ],
};

/** Est. Revenue (estimatedvalue), formatted with the record's currency symbol. */
export const estRevenue: NamedSelector = {
  name: 'Est. Revenue',
  css: [
    '[data-id="header_estimatedvalue.fieldControl-currency-text-input"]',
    '[data-id="estimatedvalue.fieldControl-currency-text-input"]',
  ],
};

/**
 * The customer: the Account lookup (parentaccountid), else Potential Customer (customerid).
 * Lookups show the chosen record as a "selected tag" whose text is the record's name.
 */
export const account: NamedSelector = {
  name: 'account',
  css: [
    '[data-id="parentaccountid.fieldControl-LookupResultsDropdown_parentaccountid_selected_tag_text"]',
    '[data-id="header_parentaccountid.fieldControl-LookupResultsDropdown_parentaccountid_selected_tag_text"]',
    '[data-id="customerid.fieldControl-LookupResultsDropdown_customerid_selected_tag_text"]',
  ],
};

/** Owner, in the form header (default form) or on the body. */
export const owner: NamedSelector = {
  name: 'owner',
  css: [
    '[data-id="header_ownerid.fieldControl-LookupResultsDropdown_ownerid_selected_tag_text"]',
    '[data-id="ownerid.fieldControl-LookupResultsDropdown_ownerid_selected_tag_text"]',
  ],
};

/**
 * The "Close Opportunity" dialog that the command bar's Close as Lost / Close as Won buttons open
 * is a `role="dialog"` holding a dialog form: Status Reason, Competitor (for a loss), Close Date,
 * Actual Revenue, Description, and OK / Cancel. `ok_id`, `cancel_id`, `actualrevenue_id`,
 * `closedate_id` and `description_id` are the names EasyRepro uses; the status reason and
 * competitor controls follow the same `{field}_id` naming (alternatives cover both spellings of
 * the competitor field).
 */

/** The dialog's OK button: the click that sends the close. */
export const closeDialogOk: NamedSelector = {
  name: 'Close Opportunity OK',
  css: ['button[data-id="ok_id"]', 'button[data-id^="ok_id"]'],
};

/** Marks the close dialog of an opportunity: its Actual Revenue field (no other OK dialog has it). */
export const dialogActualRevenue: NamedSelector = {
  name: 'Actual Revenue (dialog)',
  css: ['[data-id^="actualrevenue_id"]'],
};

/** Status Reason in the dialog: Canceled / Out-Sold (or a custom reason) for a loss, Won for a win. */
export const dialogStatusReason: NamedSelector = {
  name: 'Status Reason (dialog)',
  css: [
    'select[data-id^="statusreason_id"]',
    '[data-id^="statusreason_id"] select',
    '[data-id="statusreason_id.fieldControl-option-set-select"]',
  ],
};

/**
 * Competitor lookup in the dialog, present only when closing as lost. Its chosen record shows as
 * a selected tag, like every lookup.
 */
export const dialogCompetitor: NamedSelector = {
  name: 'Competitor (dialog)',
  css: ['[data-id^="competitorid_id"]', '[data-id^="competitor_id"]'],
};

export const dialogCompetitorName: NamedSelector = {
  name: 'Competitor name (dialog)',
  css: [
    '[data-id^="competitorid_id"][data-id$="_selected_tag_text"]',
    '[data-id^="competitor_id"][data-id$="_selected_tag_text"]',
  ],
};
