import type { NamedSelector } from '../../detection/types';

/*
 * Lightning renders its record page from web components (LWC / Aura) inside shadow roots; the
 * shared queryDeep evaluates each selector inside every open shadow root, so an alternative
 * must not need to cross a shadow boundary itself. Fields of the record layout are marked with
 * `data-target-selection-name="sfdc:RecordField.Opportunity.{ApiName}"` (used by the Lightning
 * App Builder and stable across releases); the value is slotted into the layout item by the
 * parent component, so it sits in the same tree as that attribute.
 */

/** A field's value in the Details tab (read mode only: an edit input is not a saved stage). */
function recordField(apiName: string, outputs: string[]): string[] {
  return outputs.map(
    (output) => `[data-target-selection-name="sfdc:RecordField.Opportunity.${apiName}"] ${output}`,
  );
}

/**
 * The stage a Lightning record page shows as saved. The Path first: its current item
 * (`slds-is-current`) while open; a closed opportunity's final item carries `slds-is-lost` or
 * `slds-is-won` instead. The user's selection in the Path (`slds-is-active`, aria-selected) is
 * not the stage and is never read. Then the Details tab's Stage field, for record pages
 * without a Path. Both update only once the save succeeded (the record cache refreshes them).
 */
export const stage: NamedSelector = {
  name: 'stage (Path or Details)',
  css: [
    '.slds-path__item.slds-is-current .slds-path__title',
    '.slds-path__item.slds-is-lost .slds-path__title',
    '.slds-path__item.slds-is-won .slds-path__title',
    ...recordField('StageName', ['lightning-formatted-text']),
  ],
};

/** The record's name: the highlights panel's primary field, else the Details tab's Name. */
export const dealName: NamedSelector = {
  name: 'opportunity name',
  css: [
    'records-highlights2 [slot="primaryField"] lightning-formatted-text',
    '[slot="primaryField"] lightning-formatted-text',
    '[slot="primaryField"]',
    ...recordField('Name', ['lightning-formatted-text']),
  ],
};

export const amount: NamedSelector = {
  name: 'amount',
  css: recordField('Amount', ['lightning-formatted-text', 'lightning-formatted-number']),
};

/** Lookups render as a link (records-hoverable-link / force-lookup) with the record's name. */
export const company: NamedSelector = {
  name: 'account',
  css: recordField('AccountId', ['records-hoverable-link', 'force-lookup a', 'a']),
};

export const owner: NamedSelector = {
  name: 'owner',
  css: recordField('OwnerId', ['records-hoverable-link', 'force-lookup a', 'a']),
};

/*
 * Lightning Kanban (list view displayed as Kanban). Its internals are not documented; these
 * rest on what the board shows: one column per stage, labelled with the stage, and one card per
 * opportunity that links to its record page. Cards carry their record id (data-record-id /
 * data-recordid) or the link; columns carry the stage (data-stage) or their accessible label.
 */
export const kanbanCard = '[data-record-id^="006"], [data-recordid^="006"]';
export const kanbanColumn = '[data-stage], [role="group"][aria-label]';
export const kanbanCardLink = 'a[href*="/006"]';
export const kanbanCardName: NamedSelector = { name: 'Kanban card title', css: [kanbanCardLink] };
export const kanbanCardAccount: NamedSelector = {
  name: 'Kanban card account',
  css: ['[data-field="AccountId"]', '[data-field="Account.Name"]'],
};
export const kanbanCardAmount: NamedSelector = {
  name: 'Kanban card amount',
  css: ['[data-field="Amount"]'],
};

/*
 * Salesforce Classic: server-rendered pages whose inputs carry the field's element id (`opp3`
 * Name, `opp4` Account, `opp7` Amount, `opp11` Stage …); the edit form is `#editPage`.
 */
export const classicForm: NamedSelector = {
  name: 'Classic edit form',
  css: ['form#editPage', 'form[name="editPage"]'],
};

export const classicStage: NamedSelector = {
  name: 'Classic Stage field',
  css: ['select#opp11', 'select[name="opp11"]', 'select[name="StageName"]'],
};

export const classicName: NamedSelector = {
  name: 'Classic opportunity name',
  css: ['input#opp3', 'input[name="opp3"]'],
};

export const classicAccount: NamedSelector = {
  name: 'Classic account',
  css: ['input#opp4', 'input[name="opp4"]'],
};

export const classicAmount: NamedSelector = {
  name: 'Classic amount',
  css: ['input#opp7', 'input[name="opp7"]'],
};
