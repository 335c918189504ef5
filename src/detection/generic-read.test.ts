import { afterEach, describe, expect, it } from 'vitest';
import { lostMatcher } from '../settings/stage-labels';
import { hubspot } from '../crm/hubspot';
import { mergeDeal, readDealContext, readDealGenerically, titleName } from './generic-read';
import { fallbackDealName, lostLabelElements, ownText } from './page-shown';

const isLost = lostMatcher();
/** The lost labels the page shows, as text. */
const lostLabelsShown = (root: Document, matches: typeof isLost) =>
  lostLabelElements(root, matches).map(ownText);

/** Puts markup in the test page (parsed, as the fixtures' tests do). */
function setBody(html: string) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...parsed.body.childNodes);
}

function page(html: string, title = '') {
  document.title = title;
  setBody(html);
  return document;
}

afterEach(() => {
  document.body.replaceChildren();
  document.title = '';
});

describe('lostLabelElements: the lost labels a page shows as saved state', () => {
  it('counts each element whose own text is a lost label, in any language the labels cover', () => {
    page(`
      <header><span class="badge">Closed lost</span></header>
      <table><tr><td>Stage</td><td>Verloren</td></tr></table>
      <p>Closed lost deals this quarter, by owner and by month: 4</p>`);
    expect(lostLabelsShown(document, isLost)).toEqual(['Closed lost', 'Verloren']);
  });

  it('looks inside open shadow roots', () => {
    page('<div id="host"></div>');
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.append(Object.assign(document.createElement('span'), { textContent: 'Closed Lost' }));
    expect(lostLabelsShown(document, isLost)).toEqual(['Closed Lost']);
  });

  it.each([
    ['an option of a select', '<select><option>Open</option><option>Closed lost</option></select>'],
    ['a listbox of choices', '<ul role="listbox"><li role="option">Closed lost</li></ul>'],
    ['a menu', '<div role="menu"><div role="menuitem">Closed lost</div></div>'],
    ['a dialog still open', '<div role="dialog"><label>Stage</label><b>Closed Lost</b></div>'],
    ['a form control', '<input value="Closed lost">'],
    ['a hidden part', '<div hidden><span>Closed lost</span></div>'],
    ['an aria-hidden part', '<div aria-hidden="true"><span>Closed lost</span></div>'],
    ["Rebound's own panel", '<rebound-prompt><span>Closed lost</span></rebound-prompt>'],
  ])('leaves out %s (the user is choosing, or it is not the saved state)', (_what, html) => {
    page(html);
    expect(lostLabelsShown(document, isLost)).toEqual([]);
  });
});

describe('readDealGenerically: the deal with no selector of the CRM', () => {
  it("reads a record page's heading and the values beside Amount- and Company-like labels", () => {
    page(`
      <h1>Globex — Analytics pilot</h1>
      <dl><dt>Amount</dt><dd>$12,500.00</dd><dt>Account name:</dt><dd>Globex Corp</dd></dl>`);
    expect(readDealGenerically(document, '42', true)).toEqual({
      dealName: 'Globex — Analytics pilot',
      amount: 12500,
      currency: 'USD',
      company: 'Globex Corp',
    });
  });

  it('reads labels in other languages and wrapped labels, skipping an edit icon beside them', () => {
    page(`
      <div><div><span>Betrag</span></div><div>48.000,00 €</div></div>
      <div><label>Firma</label><button>✎</button></div>`);
    const deal = readDealGenerically(document, '42', true);
    expect(deal).toMatchObject({ amount: 48000, currency: 'EUR' });
    expect(deal.company).toBeUndefined();
  });

  it('falls back to the tab title without the CRM part, and reads nothing it cannot see', () => {
    page('<main><p>Loading…</p></main>', 'Initech renewal | Deals | HubSpot');
    expect(readDealGenerically(document, '42', true)).toEqual({
      dealName: 'Initech renewal',
      amount: undefined,
      currency: undefined,
      company: undefined,
    });
  });

  it('on a board or list, reads the card that links to the record', () => {
    page(`
      <section><h2>Closed lost</h2>
        <article><a href="/contacts/1/record/0-3/42">Hooli — Search appliance</a>
          <span>Hooli</span><span>€ 9,900</span></article>
        <article><a href="/contacts/1/record/0-3/4242">Other deal</a><span>$1</span></article>
      </section>`);
    expect(readDealGenerically(document, '42', false)).toEqual({
      dealName: 'Hooli — Search appliance',
      amount: 9900,
      currency: 'EUR',
    });
    expect(readDealGenerically(document, '7', false)).toEqual({});
    // A short table: the row, not the table, is the deal (the next row's amount is not its own).
    page(`<table><tr><td><a href="/r/1">One</a></td><td>x</td></tr>
      <tr><td><a href="/r/2">Two</a></td><td>$500</td></tr></table>`);
    expect(readDealGenerically(document, '1', false)).toEqual({ dealName: 'One' });
  });

  it('never renders page text: hostile markup stays text', () => {
    page('<h1>&lt;img src=x onerror=alert(1)&gt;</h1>');
    expect(readDealGenerically(document, '1', true).dealName).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('mergeDeal', () => {
  it("keeps the adapter's reading and fills what it missed from the generic one", () => {
    const merged = mergeDeal(
      { dealName: 'Acme renewal', amount: undefined, company: 'Acme', stage: 'Closed lost' },
      { dealName: 'Heading', amount: 100, currency: 'USD', company: 'Other' },
      'HubSpot deal 1',
      () => false,
    );
    expect(merged).toEqual({
      dealName: 'Acme renewal',
      amount: 100,
      currency: 'USD',
      company: 'Acme',
      stage: 'Closed lost',
    });
  });

  it("uses the generic name over the adapter's placeholder, and the fallback over nothing", () => {
    const untitled = (name: string) => name === 'Untitled deal';
    expect(
      mergeDeal({ dealName: 'Untitled deal' }, { dealName: 'Heading' }, 'x', untitled),
    ).toEqual({ dealName: 'Heading' });
    expect(mergeDeal(undefined, {}, fallbackDealName('Zoho CRM', '9'), untitled)).toEqual({
      dealName: 'Zoho CRM deal 9',
    });
  });
});

describe('titleName', () => {
  it.each([
    ['Acme renewal | HubSpot', 'Acme renewal'],
    ['Globex - Opportunity - Salesforce', 'Globex'],
    ['Re-launch — Pipedrive', 'Re-launch'],
    ['', undefined],
  ])('%s → %s', (title, name) => expect(titleName(title)).toBe(name));
});

describe('readDealContext: what the prompt shows of a deal', () => {
  const RECORD = new URL('https://app.hubspot.com/contacts/1/record/0-3/42');

  it("reads the adapter's selectors first, the generic readers for the rest", () => {
    page(
      '<span data-selenium-test="highlightTitle">Acme renewal (adapter)</span>' +
        '<dl><dt>Amount</dt><dd>$48,000</dd></dl>',
    );
    expect(readDealContext(hubspot, document, RECORD, '42')).toMatchObject({
      dealName: 'Acme renewal (adapter)',
      amount: 48000,
    });
  });

  it('names a deal it cannot read after its CRM and id, and cuts long page text to fit', () => {
    page('');
    expect(readDealContext(hubspot, document, RECORD, '42').dealName).toBe('HubSpot deal 42');
    page(`<h1>${'x'.repeat(900)}</h1>`);
    expect(readDealContext(hubspot, document, RECORD, '42').dealName).toHaveLength(500);
  });
});
