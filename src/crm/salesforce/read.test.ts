import { beforeEach, describe, expect, it } from 'vitest';
import { readNamed } from '../../detection/dom';
import {
  closestDeep,
  kanbanColumnOf,
  kanbanDealId,
  nameFromTitle,
  readClassicDeal,
  readKanbanCard,
  readLightningDeal,
} from './read';
import { stage } from './selectors';

const ID18 = '0065g00000AbCdEAAV';

/** An element with an open shadow root holding `children`, as Lightning's components are. */
function shadowHost(tag: string, children: Node[], attributes: Record<string, string> = {}) {
  const host = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) host.setAttribute(name, value);
  host.attachShadow({ mode: 'open' }).append(...children);
  return host;
}

function el(tag: string, attributes: Record<string, string> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A Details-tab field: the layout item (its own shadow) with the value slotted in. */
function field(apiName: string, value: Node) {
  const item = el('records-record-layout-item', {
    'field-label': apiName,
    'data-target-selection-name': `sfdc:RecordField.Opportunity.${apiName}`,
  });
  item.attachShadow({ mode: 'open' }).append(el('span', {}, apiName), el('slot'));
  item.append(value);
  return item;
}

function pathItem(title: string, state: string) {
  return el(
    'li',
    { class: `slds-path__item ${state}` },
    el('a', { class: 'slds-path__link' }, el('span', { class: 'slds-path__title' }, title)),
  );
}

function lightningPage(options: { path?: Element[]; details?: boolean } = {}) {
  const highlights = shadowHost('records-highlights2', [
    el('h1', {}, el('slot', { name: 'primaryField' })),
  ]);
  highlights.append(
    el('lightning-formatted-text', { slot: 'primaryField' }, 'Globex — Analytics pilot'),
  );
  const parts: Element[] = [highlights];
  if (options.path) {
    parts.push(
      shadowHost('runtime_sales_pathassistant-path-assistant', [
        shadowHost('lightning-path', [el('ul', { class: 'slds-path__nav' }, ...options.path)]),
      ]),
    );
  }
  if (options.details !== false) {
    parts.push(
      shadowHost('records-record-layout-section', [
        field('Amount', el('lightning-formatted-text', {}, '$48,000.00')),
        field('AccountId', el('records-hoverable-link', {}, 'Globex Corporation')),
        field('OwnerId', el('records-hoverable-link', {}, 'Dana Seller')),
        field('StageName', el('lightning-formatted-text', {}, 'Negotiation/Review')),
      ]),
    );
  }
  document.body.replaceChildren(shadowHost('one-record-home-flexipage2', parts));
  document.title = 'Globex — Analytics pilot | Opportunity | Salesforce';
}

beforeEach(() => {
  document.body.replaceChildren();
  document.title = '';
});

describe('Lightning record page', () => {
  it('reads the deal through nested open shadow roots', () => {
    lightningPage({
      path: [
        pathItem('Prospecting', 'slds-is-complete'),
        pathItem('Negotiation/Review', 'slds-is-current'),
        pathItem('Closed', 'slds-is-incomplete'),
      ],
    });
    expect(readLightningDeal(document)).toEqual({
      dealName: 'Globex — Analytics pilot',
      amount: 48000,
      currency: 'USD',
      company: 'Globex Corporation',
      owner: 'Dana Seller',
      stage: 'Negotiation/Review',
    });
  });

  it('reads the Path’s current stage, not the stage the user merely selected', () => {
    lightningPage({
      path: [
        pathItem('Prospecting', 'slds-is-current'),
        pathItem('Closed', 'slds-is-incomplete slds-is-active'),
      ],
      details: false,
    });
    expect(readNamed(document, stage)).toBe('Prospecting');
  });

  it('reads a closed Path’s final item (lost or won)', () => {
    lightningPage({
      path: [
        pathItem('Prospecting', 'slds-is-complete'),
        pathItem('Closed Lost', 'slds-is-lost slds-is-active'),
      ],
      details: false,
    });
    expect(readNamed(document, stage)).toBe('Closed Lost');
  });

  it('falls back to the Details Stage field when the page has no Path', () => {
    lightningPage();
    expect(readNamed(document, stage)).toBe('Negotiation/Review');
  });

  it('does not read a Stage that is being edited (an input is not a saved stage)', () => {
    lightningPage({ details: false });
    const editing = shadowHost('records-record-layout-section', [
      field(
        'StageName',
        el('lightning-combobox', {}, el('button', { role: 'combobox' }, 'Closed Lost')),
      ),
    ]);
    document.body.append(editing);
    expect(readNamed(document, stage)).toBeUndefined();
  });

  it('names the deal from the tab title when the highlights panel is not there', () => {
    document.title = 'Initech — Renewal | Opportunity | Salesforce';
    expect(readLightningDeal(document).dealName).toBe('Initech — Renewal');
  });
});

describe('nameFromTitle', () => {
  it.each([
    ['Acme | Opportunity | Salesforce', 'Acme'],
    ['Acme | Salesforce', 'Acme'],
    ['Opportunity: Acme renewal ~ Salesforce - Enterprise Edition', 'Acme renewal'],
    ['Opportunity Edit: Acme renewal ~ Salesforce - Unlimited Edition', 'Acme renewal'],
  ])('%s → %s', (title, name) => expect(nameFromTitle(title)).toBe(name));
});

describe('Lightning Kanban card', () => {
  function board() {
    const card = el(
      'article',
      { class: 'kanban-card', 'data-record-id': ID18, draggable: 'true' },
      el('a', { href: `/lightning/r/Opportunity/${ID18}/view` }, 'Initech — Renewal'),
      el('span', { 'data-field': 'AccountId' }, 'Initech'),
      el('span', { 'data-field': 'Amount' }, '€12.500,00'),
    );
    // The column draws its header and list in its own shadow; the cards are slotted in.
    const column = shadowHost(
      'runtime_sales_kanban-column',
      [el('h2', {}, 'Closed Lost'), el('slot')],
      {
        'data-stage': 'Closed Lost',
      },
    );
    column.append(card);
    document.body.replaceChildren(shadowHost('runtime_sales_kanban-board', [column]));
    return card;
  }

  it('names its deal, its column and its details', () => {
    const card = board();
    expect(kanbanDealId(card)).toBe(ID18);
    expect(kanbanColumnOf(card)).toBe('Closed Lost');
    expect(readKanbanCard(card, 'Closed Lost')).toEqual({
      dealName: 'Initech — Renewal',
      amount: 12500,
      currency: 'EUR',
      company: 'Initech',
      stage: 'Closed Lost',
    });
  });

  it('takes the deal from the record link when the card has no id attribute', () => {
    const card = board();
    card.removeAttribute('data-record-id');
    expect(kanbanDealId(card)).toBe(ID18);
    card.querySelector('a')!.setAttribute('href', '/lightning/r/Account/0015g00000AbCdEAAV/view');
    expect(kanbanDealId(card)).toBeUndefined();
  });

  it('finds the column across shadow roots', () => {
    const inner = el('span');
    const host = shadowHost('x-card-body', [inner]);
    const column = el('div', { 'data-stage': 'Qualification' }, host);
    document.body.replaceChildren(column);
    expect(closestDeep(inner, '[data-stage]')).toBe(column);
    expect(kanbanColumnOf(inner)).toBe('Qualification');
  });
});

describe('Classic edit page', () => {
  it('reads the form’s inputs', () => {
    const select = el('select', { id: 'opp11', name: 'opp11' });
    for (const label of ['Prospecting', 'Closed Lost']) select.append(el('option', {}, label));
    (select as HTMLSelectElement).value = 'Prospecting';
    const name = el('input', { id: 'opp3', name: 'opp3' }) as HTMLInputElement;
    name.value = 'Acme Corp — Platform renewal';
    const account = el('input', { id: 'opp4', name: 'opp4' }) as HTMLInputElement;
    account.value = 'Acme Corp';
    const amount = el('input', { id: 'opp7', name: 'opp7' }) as HTMLInputElement;
    amount.value = '48,000.00';
    document.body.replaceChildren(el('form', { id: 'editPage' }, name, account, amount, select));
    expect(readClassicDeal(document)).toEqual({
      dealName: 'Acme Corp — Platform renewal',
      amount: 48000,
      currency: undefined,
      company: 'Acme Corp',
      stage: 'Prospecting',
    });
  });
});
