import { afterEach, describe, expect, it } from 'vitest';
import {
  cleanText,
  closestOnPath,
  openShadowRoots,
  parseAmount,
  queryAllDeep,
  readNamed,
  valueOf,
} from './dom';

describe('parseAmount', () => {
  it.each<[string, number, string | undefined]>([
    ['$12,500.00', 12500, 'USD'],
    ['$48,000', 48000, 'USD'],
    ['$1,234.56', 1234.56, 'USD'],
    ['€ 12.500,00', 12500, 'EUR'],
    ['1.234.567,89 €', 1234567.89, 'EUR'],
    ['12\u00a0500,50\u00a0€', 12500.5, 'EUR'],
    ['€12.500', 12500, 'EUR'],
    ['12 500 EUR', 12500, 'EUR'],
    ['£999.99', 999.99, 'GBP'],
    ['¥1,000,000', 1000000, 'JPY'],
    ["CHF 1'234.50", 1234.5, 'CHF'],
    ['USD 7,000', 7000, 'USD'],
    ['12,500.00 SEK', 12500, 'SEK'],
    ['2500', 2500, undefined],
  ])('%j is %d %s', (text, amount, currency) => {
    expect(parseAmount(text)).toEqual({ amount, currency });
  });

  it.each([
    ['an empty field', ''],
    ['no text', undefined],
    ['a dash', '—'],
    ['words only', 'Add amount'],
  ])('gives no amount for %s', (_what, text) => {
    expect(parseAmount(text).amount).toBeUndefined();
  });

  it('keeps the currency when there are no digits', () => {
    expect(parseAmount('€ —')).toEqual({ currency: 'EUR' });
  });
});

describe('cleanText', () => {
  it('collapses layout white space and non-breaking spaces', () => {
    expect(cleanText('\n  Closed\u00a0\u00a0lost \t\n')).toBe('Closed lost');
    expect(cleanText(null)).toBe('');
  });
});

describe('valueOf and readNamed', () => {
  afterEach(() => document.body.replaceChildren());

  function add<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
    document.body.append(el);
    return el;
  }

  it('reads the chosen option of a select, not its value', () => {
    const select = add('select', { name: 'dealstage' });
    for (const [value, label] of [
      ['qualifiedtobuy', 'Qualified to buy'],
      ['closedlost', ' Closed\n lost '],
    ]) {
      const option = document.createElement('option');
      option.value = value!;
      option.textContent = label!;
      select.append(option);
    }
    // Chosen before the first read: happy-dom's selectedOptions does not follow later changes.
    select.value = 'closedlost';
    expect(valueOf(select)).toBe('Closed lost');
  });

  it('reads what is typed in an input or textarea, not their text', () => {
    const input = add('input');
    input.value = '  $12,500.00 ';
    expect(valueOf(input)).toBe('$12,500.00');
    const textarea = add('textarea');
    textarea.value = 'typed';
    expect(valueOf(textarea)).toBe('typed');
  });

  it('reads the text of any other element, tidied', () => {
    const div = add('div');
    div.append('  Acme ', document.createElement('b'), '\n Corp ');
    div.querySelector('b')!.textContent = 'Big';
    expect(valueOf(div)).toBe('Acme Big Corp');
  });

  it('tries the alternatives of a named selector in order', () => {
    add('span', { 'data-b': '' }).textContent = 'second';
    const selector = { name: 'stage', css: ['[data-a]', '[data-b]', 'span'] };
    expect(readNamed(document, selector)).toBe('second');
    document.body.prepend(Object.assign(document.createElement('span'), { textContent: 'x' }));
    add('i', { 'data-a': '' }).textContent = 'first';
    expect(readNamed(document, selector)).toBe('first');
  });

  it('gives undefined when nothing matches or the match is empty', () => {
    expect(readNamed(document, { name: 'stage', css: ['[data-stage]'] })).toBeUndefined();
    add('span', { 'data-stage': '' }).textContent = ' \n ';
    expect(readNamed(document, { name: 'stage', css: ['[data-stage]'] })).toBeUndefined();
  });

  it('finds an element inside open shadow roots, nested ones too', () => {
    const outer = add('div').attachShadow({ mode: 'open' });
    const inner = outer
      .appendChild(document.createElement('section'))
      .attachShadow({ mode: 'open' });
    inner.appendChild(Object.assign(document.createElement('span'), { className: 'stage' }));
    inner.querySelector('.stage')!.textContent = 'Closed Lost';
    expect(openShadowRoots(document)).toEqual([outer, inner]);
    expect(readNamed(document, { name: 'stage', css: ['.stage'] })).toBe('Closed Lost');
  });

  it('prefers the page itself over shadow roots, and cannot see into closed ones', () => {
    const closed = add('div').attachShadow({ mode: 'closed' });
    closed.appendChild(Object.assign(document.createElement('b'), { textContent: 'hidden' }));
    const open = add('div').attachShadow({ mode: 'open' });
    open.appendChild(Object.assign(document.createElement('b'), { textContent: 'in shadow' }));
    expect(readNamed(document, { name: 'b', css: ['b'] })).toBe('in shadow');
    add('b').textContent = 'light';
    expect(readNamed(document, { name: 'b', css: ['b'] })).toBe('light');
    expect(queryAllDeep(document, 'b').map((b) => b.textContent)).toEqual(['light', 'in shadow']);
  });
});

describe('closestOnPath', () => {
  afterEach(() => document.body.replaceChildren());

  it('finds the button a click inside it came from, across a shadow boundary', () => {
    const host = document.createElement('div');
    host.className = 'dialog';
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const button = shadow.appendChild(document.createElement('button'));
    button.className = 'mark-lost';
    const icon = button.appendChild(document.createElement('i'));
    let found: [Element | undefined, Element | undefined] = [undefined, undefined];
    document.addEventListener(
      'click',
      (event) => (found = [closestOnPath(event, '.mark-lost'), closestOnPath(event, '.dialog')]),
      { once: true },
    );
    icon.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(found).toEqual([button, host]);
  });

  it('finds nothing when no element on the path matches', () => {
    const button = document.body.appendChild(document.createElement('button'));
    let found: Element | undefined = button;
    document.addEventListener('click', (event) => (found = closestOnPath(event, '.mark-lost')), {
      once: true,
    });
    button.click();
    expect(found).toBeUndefined();
  });
});
