import type { NamedSelector } from '../../detection/types';

/**
 * HubSpot's record page marks its parts with `data-test-id` / `data-selenium-test` attributes
 * (stable across its CSS-in-JS class churn). Alternatives follow, for the layouts seen: the
 * record header's stage dropdown, the "About this deal" card's property field, and finally any
 * element named for the `dealstage` property.
 */
export const stage: NamedSelector = {
  name: 'stage field',
  css: [
    '[data-test-id="record-highlight-stage"] [data-test-id="dropdown-toggle-text"]',
    '[data-test-id="deal-stage-select"]',
    '[data-selenium-test="property-input-dealstage"]',
    '[data-test-id="property-input-dealstage"]',
    '[name="dealstage"]',
  ],
};

export const dealName: NamedSelector = {
  name: 'deal name',
  css: [
    '[data-selenium-test="highlightTitle"]',
    '[data-test-id="record-highlight-title"]',
    '[data-selenium-test="property-input-dealname"]',
    'h1',
  ],
};

export const amount: NamedSelector = {
  name: 'amount',
  css: [
    '[data-selenium-test="property-input-amount"]',
    '[data-test-id="record-highlight-amount"]',
    '[name="amount"]',
  ],
};

export const company: NamedSelector = {
  name: 'company',
  css: [
    '[data-test-id="association-card-0-2"] [data-test-id="association-name"]',
    '[data-selenium-test="associated-company-name"]',
  ],
};

export const pipeline: NamedSelector = {
  name: 'pipeline',
  css: [
    '[data-selenium-test="property-input-pipeline"]',
    '[data-test-id="record-highlight-pipeline"]',
  ],
};

export const owner: NamedSelector = {
  name: 'owner',
  css: ['[data-selenium-test="property-input-hubspot_owner_id"]'],
};

/** "Closed lost reason", filled in HubSpot's required-properties dialog when a deal is lost. */
export const lostReason: NamedSelector = {
  name: 'closed lost reason',
  css: [
    '[data-selenium-test="property-input-closed_lost_reason"]',
    '[data-test-id="property-input-closed_lost_reason"]',
    '[name="closed_lost_reason"]',
  ],
};

/*
 * The deals board (objects/0-3/views/{id}/board). Its internals are not documented; these rest
 * on what the board shows and on HubSpot's public URL shapes: a card is an element that can be
 * dragged and holds a link to the deal's record page (/record/0-3/{id}) and to its company's
 * (/record/0-2/{id}); a column is labelled with its stage.
 */
/** Draggable things on the board: HTML5 drag (draggable), react-beautiful-dnd's drag handles. */
export const boardCard = '[draggable="true"], [data-rbd-draggable-id]';
export const boardCardDealLink: NamedSelector = {
  name: 'board card deal link',
  css: ['a[href*="/record/0-3/"]', 'a[href*="/deal/"]'],
};
export const boardCardCompany: NamedSelector = {
  name: 'board card company',
  css: ['a[href*="/record/0-2/"]', 'a[href*="/company/"]'],
};
/** A stage column: an accessible group or region named for the stage, or a drop target. */
export const boardColumn: NamedSelector = {
  name: 'board column',
  css: ['[role="group"][aria-label]', '[role="region"][aria-label]', '[data-rbd-droppable-id]'],
};
