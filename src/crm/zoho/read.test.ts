import { describe, expect, it } from 'vitest';
import { readNamed } from '../../detection/dom';
import { columnOfCard, dealIdOfCard, readZohoCard, readZohoDeal } from './read';
import { kanbanCard, stage } from './selectors';

const html = (body: string, title = 'Deal - Zoho CRM') =>
  new DOMParser().parseFromString(
    `<!doctype html><title>${title}</title><body>${body}</body>`,
    'text/html',
  );

const FIELDS = `
  <dl>
    <dd data-zcqa="value_Owner">Priya Raman</dd>
    <dd data-zcqa="value_Deal_Name">Acme Corp - Renewal</dd>
    <dd><a data-zcqa="value_Account_Name">Acme Corp</a></dd>
    <dd data-zcqa="value_Amount">€ 48.000,00</dd>
    <dd data-zcqa="value_Pipeline">Standard (Standard)</dd>
    <dd data-zcqa="value_Stage">Negotiation/Review</dd>
  </dl>`;

describe('readZohoDeal', () => {
  it('reads the record page: header first, then Deal Information', () => {
    const doc = html(`
      <header>
        <h1 data-zcqa="dv_record_name">Acme Corp - Platform renewal</h1>
        <button><span data-zcqa="dv_stage_value">Proposal/Price Quote</span> ▾</button>
      </header>${FIELDS}`);
    expect(readZohoDeal(doc)).toEqual({
      dealName: 'Acme Corp - Platform renewal',
      amount: 48000,
      currency: 'EUR',
      company: 'Acme Corp',
      pipeline: 'Standard (Standard)',
      stage: 'Proposal/Price Quote',
      owner: 'Priya Raman',
    });
  });

  it('reads the stage from the history bar, then from the Stage field', () => {
    const bar = html(`
      <ol data-zcqa="dv_stage_history">
        <li>Qualification</li><li aria-current="step">Closed-Lost to Competition</li>
      </ol>${FIELDS}`);
    expect(readNamed(bar, stage)).toBe('Closed-Lost to Competition');
    expect(readNamed(html(FIELDS), stage)).toBe('Negotiation/Review');
    expect(readNamed(html('<p>Loading…</p>'), stage)).toBeUndefined();
  });

  it('falls back to the tab title for the name', () => {
    const doc = html('<p>Loading…</p>', 'Globex — Analytics pilot - Zoho CRM');
    expect(readZohoDeal(doc).dealName).toBe('Globex — Analytics pilot');
    expect(readZohoDeal(html('', 'Zoho CRM')).dealName).toBe('Untitled deal');
  });

  it('keeps page text as text', () => {
    const doc = html('<h1 data-zcqa="dv_record_name">&lt;img src=x onerror=alert(1)&gt;</h1>');
    expect(readZohoDeal(doc).dealName).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('Kanban cards', () => {
  const board = html(`
    <section data-zcqa="kanban_column" data-column-value="Closed Lost">
      <header><span data-zcqa="kanban_column_title">Verloren</span><span>2 · $12,000</span></header>
      <article data-zcqa="kanban_card" data-record-id="4876876000000100001">
        <a data-zcqa="kanban_card_title" href="/crm/org1/tab/Potentials/4876876000000100001">Stark — Expansion</a>
        <div data-zcqa="kanban_card_field_Amount">$12,000.00</div>
        <div data-zcqa="kanban_card_field_Account_Name">Stark Industries</div>
      </article>
      <article data-zcqa="kanban_card">
        <a href="https://crm.zoho.com/crm/org1/tab/Potentials/4876876000000100002?x=1">Wayne</a>
      </article>
    </section>
    <section data-zcqa="kanban_column" data-column-value="Closed-Lost to Competition">
      <article data-zcqa="kanban_card"><a href="/crm/org1/tab/Contacts/5">Not a deal</a></article>
    </section>
    <article data-zcqa="kanban_card" data-record-id="4876876000000100009">Dragged out</article>`);
  const cards = [...board.querySelectorAll(kanbanCard)];

  it('names each card’s deal from its id attribute or its record link', () => {
    expect(cards.map(dealIdOfCard)).toEqual([
      '4876876000000100001',
      '4876876000000100002',
      undefined,
      '4876876000000100009',
    ]);
  });

  it('reads the column as its title shows it, else its value, and none outside a column', () => {
    expect(cards.map(columnOfCard)).toEqual([
      'Verloren',
      'Verloren',
      'Closed-Lost to Competition',
      undefined,
    ]);
  });

  it('reads the deal from the card', () => {
    expect(readZohoCard(cards[0]!, 'Verloren')).toEqual({
      dealName: 'Stark — Expansion',
      amount: 12000,
      currency: 'USD',
      company: 'Stark Industries',
      stage: 'Verloren',
    });
    expect(readZohoCard(cards[1]!, 'Verloren').dealName).toBe('Wayne');
  });
});
