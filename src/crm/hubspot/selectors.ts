import type { NamedSelector } from '../types';

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
