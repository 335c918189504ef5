import type { NamedSelector } from '../../detection/types';

/*
 * Zoho CRM renders with its own Lyte/Crux web components and marks elements for its QA
 * automation with `data-zcqa` attributes, which outlive its CSS class names. Its markup is not
 * documented: these selectors are those of the sandbox pages in tests/fixtures/zoho/, which
 * follow that convention. Each place the value shows is one alternative, so a layout without
 * one still reads the next; when Zoho's real markup differs, the popup's health line names the
 * missing element.
 */

/**
 * The deal's stage on its record page, in the order tried:
 * - the stage picker in the record header ("Stage: Negotiation/Review ▾");
 * - the current step of the header's stage-history bar (layouts without the picker);
 * - the Stage field of the "Deal Information" section, edited inline (compact layouts that
 *   show no stage in the header).
 */
export const stage: NamedSelector = {
  name: 'stage field',
  css: [
    '[data-zcqa="dv_stage_value"]',
    '[data-zcqa="dv_stage_history"] [aria-current="step"]',
    '[data-zcqa="value_Stage"]',
  ],
};

/** The deal name: the record header's title, then the Deal Name field. */
export const dealName: NamedSelector = {
  name: 'deal name',
  css: ['[data-zcqa="dv_record_name"]', '[data-zcqa="value_Deal_Name"]'],
};

/** The amount: the Amount field (with its currency), then the header's amount. */
export const amount: NamedSelector = {
  name: 'amount',
  css: ['[data-zcqa="value_Amount"]', '[data-zcqa="dv_header_amount"]'],
};

/** Deals belong to an Account: the company. */
export const company: NamedSelector = {
  name: 'account',
  css: ['[data-zcqa="value_Account_Name"]'],
};

/** The Pipeline field, shown when the org has pipelines (each with its own stages). */
export const pipeline: NamedSelector = {
  name: 'pipeline',
  css: ['[data-zcqa="value_Pipeline"]'],
};

export const owner: NamedSelector = {
  name: 'deal owner',
  css: ['[data-zcqa="value_Owner"]'],
};

/** A deal's card on the Kanban view (one per deal, inside its stage's column). */
export const kanbanCard = '[data-zcqa="kanban_card"]';

/** The column a card sits in, one per stage, and its title: the stage label as shown. */
export const kanbanColumn = '[data-zcqa="kanban_column"]';
export const kanbanColumnTitle = '[data-zcqa="kanban_column_title"]';

/** On a card: the deal name (a link to the record page), its amount and its account. */
export const kanbanCardName: NamedSelector = {
  name: 'kanban card deal name',
  css: ['[data-zcqa="kanban_card_title"]', 'a[href*="/tab/Potentials/"]'],
};

export const kanbanCardAmount: NamedSelector = {
  name: 'kanban card amount',
  css: ['[data-zcqa="kanban_card_field_Amount"]'],
};

export const kanbanCardAccount: NamedSelector = {
  name: 'kanban card account',
  css: ['[data-zcqa="kanban_card_field_Account_Name"]'],
};
