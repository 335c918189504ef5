import type { NamedSelector } from '../../detection/types';

/**
 * Pipedrive's web app (React) marks its parts with `data-test` attributes, which outlive its
 * CSS-module class churn; those come first. Later alternatives are structural (ARIA roles,
 * links to `/deal/{id}` and `/organization/{id}`), for layouts whose attributes differ. The
 * attribute names follow the sandbox's model of the app (tests/fixtures/pipedrive/): check them
 * against the live app when it changes, and add what it shows as a new first alternative.
 */

// ---- Deal detail page (`/deal/{id}`) ----

/**
 * What the deal header says about the deal's state. A won or lost deal shows a status badge
 * ("Won"/"Lost") where the Won/Lost buttons were; an open deal has no badge, and then its
 * current pipeline stage (the highlighted step of the stage bar) stands for "open". So the value
 * turns from a stage name into "Lost" exactly when Pipedrive has marked the deal lost.
 */
export const status: NamedSelector = {
  name: 'deal status or stage',
  css: [
    // The badge of a closed deal.
    '[data-test="deal-status-badge"]',
    '[data-test="deal-status"]',
    // An open deal: the stage bar's current step.
    '[data-test="pipeline-stage"][aria-current="step"]',
    '[data-test="stage-bar"] [aria-current="step"]',
    // The stage picker of the compact header.
    '[data-test="deal-stage-select"]',
  ],
};

/** The stage the deal is in (the step highlighted in the header's stage bar). */
export const stage: NamedSelector = {
  name: 'pipeline stage',
  css: [
    '[data-test="pipeline-stage"][aria-current="step"]',
    '[data-test="stage-bar"] [aria-current="step"]',
    '[data-test="deal-stage-select"]',
  ],
};

export const dealName: NamedSelector = {
  name: 'deal title',
  css: ['[data-test="deal-title"]', '[data-test="deal-details-header"] h1', 'main h1'],
};

/** The deal's value as shown, currency included ("€12,500", "12 500 EUR", "US$4,000"). */
export const value: NamedSelector = {
  name: 'deal value',
  css: ['[data-test="deal-value"]', '[data-test="deal-details-header"] [data-test="value"]'],
};

export const organization: NamedSelector = {
  name: 'organization',
  css: [
    '[data-test="deal-organization"]',
    '[data-test="deal-details-header"] a[href*="/organization/"]',
    'a[data-test="organization-link"]',
  ],
};

export const pipeline: NamedSelector = {
  name: 'pipeline',
  css: ['[data-test="deal-pipeline"]', '[data-test="pipeline-name"]'],
};

export const owner: NamedSelector = {
  name: 'owner',
  css: ['[data-test="deal-owner"]', '[data-test="owner-name"]'],
};

// ---- The "Mark as lost" modal of the board (a card dropped on the Lost zone) ----

/**
 * The modal's confirm button ("Mark as lost"). Won needs no modal; Pipedrive's other dialogs
 * (delete, move/convert) have their own confirm buttons, which must not match.
 */
export const lostConfirm: NamedSelector = {
  name: 'Mark as lost button',
  css: [
    '[data-test="lost-modal-confirm"]',
    '[data-test="lost-deal-modal"] button[type="submit"]',
    '[data-test="lost-modal"] button[type="submit"]',
  ],
};

/** The modal itself, to find the deal it was opened for. */
export const lostModal: NamedSelector = {
  name: 'Mark as lost modal',
  css: ['[data-test="lost-modal"]', '[data-test="lost-deal-modal"]', '[role="dialog"]'],
};

// ---- Pipeline board (`/pipeline/{id}`) ----

/** A deal card on the board; it links to its deal (`/deal/{id}`). */
export const card: NamedSelector = {
  name: 'deal card',
  css: [
    '[data-test="pipeline-deal-card"]',
    '[data-test="deal-card"]',
    '[draggable="true"]:has(a[href*="/deal/"])',
  ],
};

export const cardTitle: NamedSelector = {
  name: 'deal card title',
  css: ['[data-test="deal-card-title"]', 'a[href*="/deal/"]'],
};

export const cardValue: NamedSelector = {
  name: 'deal card value',
  css: ['[data-test="deal-card-value"]'],
};

export const cardOrganization: NamedSelector = {
  name: 'deal card organization',
  css: ['[data-test="deal-card-organization"]', '[data-test="deal-card-subtitle"]'],
};

/** The stage column a card sits in, and the column's stage name. */
export const column: NamedSelector = {
  name: 'stage column',
  css: ['[data-test="pipeline-stage-column"]', '[data-test="stage-column"]'],
};

export const columnName: NamedSelector = {
  name: 'stage name',
  css: ['[data-test="stage-name"]', '[data-test="stage-column-header"] h2', 'h2'],
};

/** The board's pipeline picker, showing the pipeline's name. */
export const boardPipeline: NamedSelector = {
  name: 'pipeline picker',
  css: ['[data-test="pipeline-select"]', '[data-test="pipeline-name"]'],
};
