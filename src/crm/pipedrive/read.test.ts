import { describe, expect, it } from 'vitest';
import { readNamed } from '../../detection/dom';
import { dealIdOfCard, dealIdOfModal, readPipedriveCard, readPipedriveDeal } from './read';
import * as selectors from './selectors';

const page = (html: string, title = '') =>
  new DOMParser().parseFromString(
    `<!doctype html><title>${title}</title><body>${html}</body>`,
    'text/html',
  );

const HEADER = `
  <header data-test="deal-details-header">
    <h1 data-test="deal-title">Initech — Fleet tracking</h1>
    <div id="actions">%ACTIONS%</div>
    <span data-test="deal-value">€12,500</span>
    <a data-test="deal-organization" href="/organization/31">Initech</a>
    <span data-test="deal-owner">Dana Scully</span>
    <span data-test="deal-pipeline">Sales pipeline</span>
    <ol data-test="stage-bar">
      <li data-test="pipeline-stage">Qualified</li>
      <li data-test="pipeline-stage" aria-current="step">Proposal made</li>
    </ol>
  </header>`;
const open = HEADER.replace('%ACTIONS%', '<button>Won</button><button>Lost</button>');
const lost = HEADER.replace('%ACTIONS%', '<span data-test="deal-status-badge">Lost</span>');

describe('readPipedriveDeal', () => {
  it('reads the header: title, value and currency, organization, owner, pipeline, stage', () => {
    expect(readPipedriveDeal(page(open))).toEqual({
      dealName: 'Initech — Fleet tracking',
      amount: 12500,
      currency: 'EUR',
      company: 'Initech',
      owner: 'Dana Scully',
      pipeline: 'Sales pipeline',
      stage: 'Proposal made',
    });
  });

  it('falls back to the tab title for the name', () => {
    expect(readPipedriveDeal(page('<p>No header yet</p>', 'Hooli deal - Pipedrive')).dealName).toBe(
      'Hooli deal',
    );
  });
});

describe('the status the deal page watches', () => {
  it('is the open deal’s stage, and "Lost" once the badge shows', () => {
    expect(readNamed(page(open), selectors.status)).toBe('Proposal made');
    expect(readNamed(page(lost), selectors.status)).toBe('Lost');
  });

  it('never reads the Lost button of an open deal as its status', () => {
    expect(readNamed(page(open), selectors.status)).not.toBe('Lost');
  });
});

describe('board cards and the lost modal', () => {
  const board = page(`
    <span data-test="pipeline-select">Sales pipeline</span>
    <section data-test="pipeline-stage-column">
      <h2 data-test="stage-name">Negotiations started</h2>
      <div data-test="pipeline-deal-card" draggable="true">
        <a data-test="deal-card-title" href="/deal/7003">Hooli — Search appliance</a>
        <div data-test="deal-card-organization">Hooli</div>
        <div data-test="deal-card-value">$15,000</div>
      </div>
      <div data-test="pipeline-deal-card" data-deal-id="7004"><span>No link</span></div>
      <div data-test="pipeline-deal-card"><a href="/person/3">Someone</a></div>
    </section>
    <form role="dialog" data-test="lost-modal" id="anonymous">
      <button type="submit" data-test="lost-modal-confirm">Mark as lost</button>
    </form>
    <form role="dialog" data-test="lost-modal" data-deal-id="7010">
      <button type="submit" data-test="lost-modal-confirm">Mark as lost</button>
    </form>`);
  const cards = [...board.querySelectorAll('[data-test="pipeline-deal-card"]')];
  const confirms = [...board.querySelectorAll('[data-test="lost-modal-confirm"]')];

  it('reads a card’s deal id from its link or its data-deal-id, and nothing else', () => {
    expect(cards.map(dealIdOfCard)).toEqual(['7003', '7004', undefined]);
  });

  it('reads a card with its column’s stage and the board’s pipeline', () => {
    expect(readPipedriveCard(cards[0]!, board)).toEqual({
      dealName: 'Hooli — Search appliance',
      amount: 15000,
      currency: 'USD',
      company: 'Hooli',
      pipeline: 'Sales pipeline',
      stage: 'Negotiations started',
    });
  });

  it('takes the deal id of a modal that names it, and none from one that does not', () => {
    expect(confirms.map(dealIdOfModal)).toEqual([undefined, '7010']);
  });
});
