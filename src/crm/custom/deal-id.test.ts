import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CustomRuleSchema, type CustomRule } from '../../settings/schema';
import { lostMatcher, neverWon } from '../../settings/stage-labels';
import { afterDelay } from '../../detection/observe-deep';
import type { Observation } from '../../detection/types';
import { adapterFromRule, probeRule } from '.';
import { dealIdFromPage, dealIdFromUrl, type DealIdSource } from './deal-id';

const url = (href: string) => new URL(href);

/** Puts elements with these classes and texts on the page (text as text, never as markup). */
function render(...elements: [tag: string, className: string, text: string][]) {
  document.body.replaceChildren(
    ...elements.map(([tag, className, text]) =>
      Object.assign(document.createElement(tag), { className, textContent: text }),
    ),
  );
}
const source = (dealIdFrom: DealIdSource['dealIdFrom'], dealIdKey = ''): DealIdSource => ({
  dealIdFrom,
  dealIdKey,
});

/** A rule as it was stored before deal-id sources existed. */
const OLD_RULE = {
  id: '5f0c3b8e-6a41-4c1e-9d7a-2b3c4d5e6f70',
  name: 'Acme CRM',
  urlPattern: 'https://crm.example.com/*',
  stageSelector: '.stage',
  lostButtonSelector: '',
  lostText: 'Lost',
  dealNameSelector: '',
  amountSelector: '',
};
const rule = (overrides: Partial<CustomRule> = {}): CustomRule =>
  CustomRuleSchema.parse({ ...OLD_RULE, ...overrides });

describe('dealIdFromUrl', () => {
  it.each<[string, DealIdSource, string, string]>([
    ['path', source('path'), 'https://crm.example.com/deals/42', 'crm.example.com/deals/42'],
    ['path, query ignored', source('path'), 'https://crm.example.com/d?id=1', 'crm.example.com/d'],
    [
      'segment 2',
      source('segment', '2'),
      'https://crm.example.com/deals/42/notes',
      'crm.example.com /42',
    ],
    ['segment 1', source('segment', '1'), 'https://crm.example.com/42/', 'crm.example.com /42'],
    [
      'query',
      source('query', 'id'),
      'https://crm.example.com/deal.php?id=42',
      'crm.example.com ?id=42',
    ],
    [
      'query among others',
      source('query', 'id'),
      'https://crm.example.com/?tab=2&id=7',
      'crm.example.com ?id=7',
    ],
    ['hash', source('hash'), 'https://crm.example.com/app#/deals/42', 'crm.example.com #/deals/42'],
    [
      'host with a port',
      source('query', 'id'),
      'http://localhost:8080/?id=9',
      'localhost:8080 ?id=9',
    ],
  ])('reads the %s', (_what, from, href, id) => {
    expect(dealIdFromUrl(from, url(href))).toBe(id);
  });

  it('tells two deals of a ?id= CRM apart, and the same deal on another path alike', () => {
    const from = source('query', 'id');
    const a = dealIdFromUrl(from, url('https://crm.example.com/deal?id=1'));
    const b = dealIdFromUrl(from, url('https://crm.example.com/deal?id=2'));
    expect(a).not.toBe(b);
    expect(dealIdFromUrl(from, url('https://crm.example.com/deal/edit?id=1'))).toBe(a);
  });

  it.each<[string, DealIdSource, string]>([
    ['a missing parameter', source('query', 'id'), 'https://crm.example.com/deal?dealId=1'],
    ['an empty parameter', source('query', 'id'), 'https://crm.example.com/deal?id='],
    ['a parameter of blanks', source('query', 'id'), 'https://crm.example.com/deal?id=%20%20'],
    ['another parameter name', source('query', 'id'), 'https://crm.example.com/?ID=1'],
    ['no hash', source('hash'), 'https://crm.example.com/app'],
    ['an empty hash', source('hash'), 'https://crm.example.com/app#'],
    ['too few segments', source('segment', '3'), 'https://crm.example.com/deals/42'],
    ['segment 0', source('segment', '0'), 'https://crm.example.com/deals/42'],
    ['a segment key that is no number', source('segment', 'x'), 'https://crm.example.com/deals'],
    ['an element (read from the page)', source('element', '.id'), 'https://crm.example.com/d/1'],
    [
      'an id too long to keep',
      source('query', 'id'),
      `https://crm.example.com/?id=${'9'.repeat(300)}`,
    ],
  ])('names no deal for %s', (_what, from, href) => {
    expect(dealIdFromUrl(from, url(href))).toBeUndefined();
  });
});

describe('dealIdFromPage', () => {
  afterEach(() => document.body.replaceChildren());

  it("reads an element's text, cleaned", () => {
    render(['span', 'deal-no', '\n  D-1042 ']);
    expect(
      dealIdFromPage(source('element', '.deal-no'), document, url('https://crm.example.com/app')),
    ).toBe('crm.example.com [D-1042]');
  });

  it.each([
    ['no such element', 'other', 'D-1', '.deal-no'],
    ['an empty element', 'deal-no', ' ', '.deal-no'],
    ['a paragraph, not an id', 'deal-no', 'word '.repeat(40), '.deal-no'],
    ['a selector that is not CSS', 'deal-no', '1', '[[['],
  ])('names no deal for %s', (_what, className, text, css) => {
    render(['span', className, text]);
    expect(
      dealIdFromPage(source('element', css), document, url('https://crm.example.com/')),
    ).toBeUndefined();
  });

  it('reads the URL for the other sources', () => {
    expect(
      dealIdFromPage(source('query', 'id'), document, url('https://crm.example.com/?id=3')),
    ).toBe('crm.example.com ?id=3');
  });
});

describe('CustomRuleSchema: the deal-id source', () => {
  it('reads a rule stored before sources existed as identified by path', () => {
    expect(CustomRuleSchema.parse(OLD_RULE)).toMatchObject({ dealIdFrom: 'path', dealIdKey: '' });
  });

  it.each<[string, Partial<CustomRule>]>([
    ['a query without its name', { dealIdFrom: 'query', dealIdKey: ' ' }],
    ['an element without its selector', { dealIdFrom: 'element' }],
    ['a segment without its number', { dealIdFrom: 'segment' }],
    ['a segment that is no number', { dealIdFrom: 'segment', dealIdKey: 'second' }],
    ['a segment 0', { dealIdFrom: 'segment', dealIdKey: '0' }],
    ['an unknown source', { dealIdFrom: 'cookie' as CustomRule['dealIdFrom'] }],
  ])('refuses %s, naming the field', (_what, overrides) => {
    const parsed = CustomRuleSchema.safeParse({ ...OLD_RULE, ...overrides });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path.at(-1)).toMatch(/^dealId/);
  });

  it.each<[Partial<CustomRule>]>([
    [{ dealIdFrom: 'hash' }],
    [{ dealIdFrom: 'query', dealIdKey: 'id' }],
    [{ dealIdFrom: 'segment', dealIdKey: '2' }],
    [{ dealIdFrom: 'element', dealIdKey: '#deal-number' }],
  ])('accepts %j', (overrides) => {
    expect(CustomRuleSchema.safeParse({ ...OLD_RULE, ...overrides }).success).toBe(true);
  });
});

describe('adapterFromRule: which deal a page is', () => {
  it('classifies pages by the rule, each deal under its own id', () => {
    const adapter = adapterFromRule(rule({ dealIdFrom: 'query', dealIdKey: 'id' }));
    expect(adapter.parsePage(url('https://crm.example.com/deal?id=1'))).toEqual({
      kind: 'deal',
      dealId: 'crm.example.com ?id=1',
    });
    expect(adapter.parsePage(url('https://crm.example.com/deal?id=2'))).toEqual({
      kind: 'deal',
      dealId: 'crm.example.com ?id=2',
    });
    // A page of the CRM that names no deal is not a deal page.
    expect(adapter.parsePage(url('https://crm.example.com/deals'))).toBeUndefined();
    expect(adapter.parsePage(url('https://other.example.com/deal?id=1'))).toBeUndefined();
  });

  it('keeps the old ids for a rule stored before sources existed', () => {
    expect(adapterFromRule(rule()).parsePage(url('https://crm.example.com/deals/9?x=1'))).toEqual({
      kind: 'deal',
      dealId: 'crm.example.com/deals/9',
    });
  });

  it("shows the id it reads in the rule's test probe", () => {
    render(['span', 'stage', 'Open']);
    const probe = probeRule(
      rule({ dealIdFrom: 'hash' }),
      document,
      url('https://crm.example.com/#/deal/5'),
    );
    expect(probe).toMatchObject({ dealId: 'crm.example.com #/deal/5', missing: [] });
    expect(
      probeRule(rule({ dealIdFrom: 'hash' }), document, url('https://crm.example.com/')),
    ).toMatchObject({
      dealId: undefined,
      missing: ['deal id'],
    });
    document.body.replaceChildren();
  });
});

describe('adapterFromRule: a deal named by an element', () => {
  const settle = () => vi.advanceTimersByTimeAsync(0);
  let controller: AbortController;
  let report: ReturnType<typeof vi.fn<(observation: Observation) => void>>;

  beforeEach(() => {
    vi.useFakeTimers();
    controller = new AbortController();
    report = vi.fn();
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  function show(dealNo: string | undefined, stage: string) {
    render(
      ...(dealNo === undefined ? [] : [['b', 'deal-no', dealNo] as [string, string, string]]),
      ['span', 'stage', stage],
    );
  }

  function arm() {
    const adapter = adapterFromRule(rule({ dealIdFrom: 'element', dealIdKey: '.deal-no' }));
    const pageUrl = url('https://crm.example.com/app');
    for (const detector of adapter.detectors) {
      detector({
        root: document,
        url: pageUrl,
        page: adapter.parsePage(pageUrl)!,
        signal: controller.signal,
        baselineUntil: 0,
        settle: afterDelay,
        isLost: lostMatcher(['Lost']),
        isWon: neverWon,
        report,
        health: () => {},
      });
    }
  }

  it('reports a loss under the id the element shows', async () => {
    show('D-1', 'Open');
    arm();
    show('D-1', 'Lost');
    await settle();
    await vi.advanceTimersByTimeAsync(2000);
    expect(report).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ dealId: 'crm.example.com [D-1]', stageAfter: 'Lost' }),
    );
  });

  it('does not take the next deal, swapped in already lost, for a loss of the last one', async () => {
    show('D-1', 'Open');
    arm();
    show('D-2', 'Lost'); // the CRM shows another deal in place, without a new URL
    await settle();
    await vi.advanceTimersByTimeAsync(2000);
    expect(report).not.toHaveBeenCalled();
    // Watched under its own id: reopened and lost, D-2 prompts.
    show('D-2', 'Open');
    await settle();
    show('D-2', 'Lost');
    await settle();
    await vi.advanceTimersByTimeAsync(2000);
    expect(report).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ dealId: 'crm.example.com [D-2]' }),
    );
  });

  it('waits for the element, and keeps the deal while the element is briefly missing', async () => {
    show(undefined, 'Open');
    arm();
    show('D-3', 'Open');
    await settle();
    show(undefined, 'Lost'); // a re-render: the id is gone for a moment
    await settle();
    show('D-3', 'Lost');
    await settle();
    await vi.advanceTimersByTimeAsync(2000);
    expect(report).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ dealId: 'crm.example.com [D-3]', stageBefore: 'Open' }),
    );
  });
});
