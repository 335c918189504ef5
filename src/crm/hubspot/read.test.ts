import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { boardColumnOf, boardDealId, readBoardCard, readHubSpotDeal } from './read';

const FIXTURE = readFileSync(
  resolve(import.meta.dirname, '../../../tests/fixtures/hubspot/deal-record.html'),
  'utf8',
);

/** The sandbox record page, parsed but with its script not run: the tests fill it in instead. */
function loadRecordPage(): Document {
  const page = new DOMParser().parseFromString(FIXTURE, 'text/html');
  for (const script of page.querySelectorAll('script')) script.remove();
  return page;
}

/** What the sandbox's `show()` does for a deal. */
function show(
  page: Document,
  deal: { name: string; amount: string; pipeline: string; company: string; stage: string },
) {
  const set = (selector: string, text: string) => {
    page.querySelector(selector)!.textContent = text;
  };
  page.title = `${deal.name} | HubSpot`;
  set('[data-selenium-test="highlightTitle"]', deal.name);
  set('[data-selenium-test="property-input-amount"]', deal.amount);
  set('[data-selenium-test="property-input-pipeline"]', deal.pipeline);
  set('[data-test-id="association-name"]', deal.company);
  set('[data-test-id="dropdown-toggle-text"]', deal.stage);
}

describe('readHubSpotDeal on the sandbox record page', () => {
  let page: Document;
  beforeEach(() => {
    page = loadRecordPage();
  });

  it('starts from the empty page (its script did not run)', () => {
    expect(page.querySelector('[data-selenium-test="highlightTitle"]')!.textContent).toBe('');
    expect(page.title).toBe('Deal | HubSpot');
  });

  it('reads name, amount, currency, company, pipeline and stage', () => {
    show(page, {
      name: 'Acme Corp — Platform renewal',
      amount: '$48,000.00',
      pipeline: 'Sales Pipeline',
      company: 'Acme Corp',
      stage: 'Presentation scheduled',
    });
    expect(readHubSpotDeal(page)).toEqual({
      dealName: 'Acme Corp — Platform renewal',
      amount: 48000,
      currency: 'USD',
      company: 'Acme Corp',
      pipeline: 'Sales Pipeline',
      stage: 'Presentation scheduled',
      owner: undefined,
    });
  });

  it('reads a European amount and a custom pipeline', () => {
    show(page, {
      name: 'Müller GmbH',
      amount: '€ 12.500,50',
      pipeline: 'Enterprise',
      company: 'Müller GmbH',
      stage: 'Closed lost',
    });
    expect(readHubSpotDeal(page)).toMatchObject({
      dealName: 'Müller GmbH',
      amount: 12500.5,
      currency: 'EUR',
      pipeline: 'Enterprise',
      stage: 'Closed lost',
    });
  });

  it('keeps page text as plain text', () => {
    const name = '<img src=x onerror=alert(1)>';
    show(page, { name, amount: '', pipeline: 'P', company: '"><script>', stage: 'Lost' });
    const deal = readHubSpotDeal(page);
    expect(deal.dealName).toBe(name);
    expect(deal.company).toBe('"><script>');
    expect(deal.amount).toBeUndefined();
  });

  it.each([
    ['Acme renewal | HubSpot', 'Acme renewal'],
    ['Acme renewal - HubSpot', 'Acme renewal'],
    ['Acme renewal – HubSpot CRM', 'Acme renewal'],
    ['Acme - EMEA renewal | HubSpot', 'Acme - EMEA renewal'],
    ['', 'Untitled deal'],
    [' | HubSpot', 'Untitled deal'],
  ])('without a title element, names the deal from the tab title %j', (title, name) => {
    page.querySelector('[data-selenium-test="highlightTitle"]')!.remove();
    page.title = title;
    expect(readHubSpotDeal(page).dealName).toBe(name);
  });

  it('falls back to the tab title while the title element is still empty', () => {
    page.title = 'Globex expansion | HubSpot';
    expect(readHubSpotDeal(page).dealName).toBe('Globex expansion');
  });

  it('leaves out what the page does not show', () => {
    page.querySelector('[data-test-id="right-sidebar"]')!.remove();
    expect(readHubSpotDeal(page)).toMatchObject({
      company: undefined,
      amount: undefined,
      currency: undefined,
      stage: undefined,
    });
  });
});

describe('HubSpot board cards', () => {
  /** A column and card as the board shows them (tests/fixtures/hubspot/deals-board.html). */
  function card(options: { href?: string; label?: string; heading?: string } = {}) {
    const column = document.createElement('section');
    if (options.label === undefined) column.setAttribute('data-rbd-droppable-id', 'stage-1');
    else column.setAttribute('role', 'group');
    if (options.label !== undefined) column.setAttribute('aria-label', options.label);
    const heading = column.appendChild(document.createElement('h2'));
    heading.textContent = options.heading ?? '';
    const el = column.appendChild(document.createElement('div'));
    el.draggable = true;
    const name = el.appendChild(document.createElement('a'));
    name.href = options.href ?? '/contacts/1/record/0-3/4711';
    name.textContent = 'Acme — renewal';
    el.appendChild(document.createElement('div')).textContent = 'Amount: €12.500,00';
    const company = el.appendChild(document.createElement('a'));
    company.href = '/contacts/1/record/0-2/99';
    company.textContent = 'Acme Corp';
    document.body.replaceChildren(column);
    return el;
  }

  it('reads the deal, its column and what the card shows', () => {
    const el = card({ label: 'Closed lost' });
    expect(boardDealId(el)).toBe('4711');
    expect(boardColumnOf(el)).toBe('Closed lost');
    expect(readBoardCard(el, 'Closed lost')).toEqual({
      dealName: 'Acme — renewal',
      amount: 12500,
      currency: 'EUR',
      company: 'Acme Corp',
      stage: 'Closed lost',
    });
  });

  it('reads a legacy deal link, and a drop target column named only by its heading', () => {
    document.body.replaceChildren();
    const el = card({ href: '/contacts/1/deal/42/', heading: 'Contract sent' });
    expect(boardDealId(el)).toBe('42');
    expect(boardColumnOf(el)).toBe('Contract sent');
  });

  it.each([
    ['a contact', '/contacts/1/record/0-1/4711'],
    ['a company', '/contacts/1/record/0-2/4711'],
    ['no id', '/contacts/1/record/0-3/'],
    ['a non-numeric id', '/contacts/1/record/0-3/new'],
  ])('names no deal for a card linking to %s', (_what, href) => {
    const el = card({ href, label: 'Closed lost' });
    // The company link does not count as the deal either.
    el.querySelector('a[href*="0-2"]')?.remove();
    expect(boardDealId(el)).toBeUndefined();
  });
});
