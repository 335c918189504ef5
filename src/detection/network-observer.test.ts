// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hubspotNetwork } from '../crm/hubspot/network';
import type { NetworkSpec, RequestBody } from './types';
import { observeStageSaves, type SaveAnswered } from './network-observer';

type Listener = (details: Record<string, unknown>) => void;
type Event = 'onBeforeRequest' | 'onCompleted' | 'onErrorOccurred';

/**
 * The browser's webRequest as the observer sees it (WXT's fake browser has none): listeners
 * are called for the requests their URL filter matches, as Chrome does.
 */
function fakeWebRequest() {
  const listeners: { event: Event; listener: Listener; urls: string[]; extra?: string[] }[] = [];
  for (const event of ['onBeforeRequest', 'onCompleted', 'onErrorOccurred'] as const) {
    vi.spyOn(fakeBrowser.webRequest[event], 'addListener').mockImplementation(
      ((listener: Listener, filter: { urls: string[] }, extra?: string[]) =>
        void listeners.push({ event, listener, urls: filter.urls, extra })) as never,
    );
  }
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const matches = (pattern: string, url: string) =>
    new RegExp(`^${pattern.split('*').map(escape).join('.*')}$`).test(url);
  const fire = (event: Event, details: Record<string, unknown>) => {
    for (const l of listeners)
      if (l.event === event && l.urls.some((p) => matches(p, String(details.url))))
        l.listener(details);
  };
  let nextId = 1;
  return {
    listeners,
    /** A request the page sends, answered `status` (or failing, with `status` undefined). */
    request(
      url: string,
      body: unknown,
      { status, method = 'PATCH', tabId = 7 }: { status?: number; method?: string; tabId?: number },
    ) {
      const requestId = String(nextId++);
      const bytes = new TextEncoder().encode(JSON.stringify(body)).buffer;
      fire('onBeforeRequest', {
        requestId,
        url,
        method,
        tabId,
        timeStamp: 1_700_000_000_000,
        requestBody: { raw: [{ bytes }] },
      });
      if (status === undefined)
        fire('onErrorOccurred', { requestId, url, error: 'net::ERR_FAILED' });
      else fire('onCompleted', { requestId, url, statusCode: status });
      return requestId;
    },
    /** Only the answer of a request already sent (a completion Chrome reports). */
    complete: (requestId: string, url: string, status: number) =>
      fire('onCompleted', { requestId, url, statusCode: status }),
  };
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => void vi.restoreAllMocks());

const DEAL_API = 'https://app.hubspot.com/api/crm/v3/objects/deals/42';

function observe(networks: Record<string, NetworkSpec> = { hubspot: hubspotNetwork }) {
  const web = fakeWebRequest();
  const confirmed = vi.fn<(save: SaveAnswered) => void>();
  const refused = vi.fn<(save: SaveAnswered) => void>();
  observeStageSaves(networks, { onConfirmed: confirmed, onRefused: refused });
  return { web, confirmed, refused };
}

describe('observeStageSaves', () => {
  it('reports a stage save answered 2xx, with its tab, status and when it was sent', () => {
    const { web, confirmed, refused } = observe();
    web.request(DEAL_API, { properties: { dealstage: 'closedlost' } }, { status: 200, tabId: 9 });
    expect(confirmed).toHaveBeenCalledExactlyOnceWith({
      crm: 'hubspot',
      tabId: 9,
      status: 200,
      sentAt: 1_700_000_000_000,
      dealId: '42',
      stageValue: 'closedlost',
      lost: true,
    });
    expect(refused).not.toHaveBeenCalled();
  });

  it.each([204, 299])('takes %i as accepted', (status) => {
    const { web, confirmed } = observe();
    web.request(DEAL_API, { properties: { dealstage: 'closedlost' } }, { status });
    expect(confirmed).toHaveBeenCalledOnce();
  });

  it.each([301, 400, 403, 409, 422, 500, 503])(
    'reports a save answered %i as refused',
    (status) => {
      const { web, confirmed, refused } = observe();
      web.request(DEAL_API, { properties: { dealstage: 'closedlost' } }, { status });
      expect(refused).toHaveBeenCalledExactlyOnceWith(
        expect.objectContaining({ dealId: '42', status, lost: true }),
      );
      expect(confirmed).not.toHaveBeenCalled();
    },
  );

  it('reports nothing for a save that never got an answer (a network error)', () => {
    const { web, confirmed, refused } = observe();
    const id = web.request(DEAL_API, { properties: { dealstage: 'closedlost' } }, {});
    // Whatever the browser says later about that request, it is forgotten.
    web.complete(id, DEAL_API, 200);
    expect(confirmed).not.toHaveBeenCalled();
    expect(refused).not.toHaveBeenCalled();
  });

  it('reports each answer once, however often the browser repeats it', () => {
    const { web, confirmed } = observe();
    const id = web.request(DEAL_API, { properties: { dealstage: 'closedlost' } }, { status: 200 });
    web.complete(id, DEAL_API, 200);
    expect(confirmed).toHaveBeenCalledOnce();
  });

  it('reports every deal of a batch save', () => {
    const { web, confirmed } = observe();
    web.request(
      'https://app.hubspot.com/api/crm/v3/objects/deals/batch/update',
      {
        inputs: [
          { id: '1', properties: { dealstage: 'closedlost' } },
          { id: '2', properties: { dealstage: 'closedwon' } },
        ],
      },
      { status: 200, method: 'POST' },
    );
    expect(confirmed.mock.calls.map(([s]) => [s.dealId, s.lost])).toEqual([
      ['1', true],
      ['2', false],
    ]);
  });

  it('ignores requests that save no stage, and reads (GET)', () => {
    const { web, confirmed, refused } = observe();
    web.request(DEAL_API, { properties: { amount: '5000' } }, { status: 200 });
    web.request(
      DEAL_API,
      { properties: { dealstage: 'closedlost' } },
      { status: 200, method: 'GET' },
    );
    expect(confirmed).not.toHaveBeenCalled();
    expect(refused).not.toHaveBeenCalled();
  });

  it('ignores requests no tab made (another extension, a service worker)', () => {
    const { web, confirmed } = observe();
    web.request(DEAL_API, { properties: { dealstage: 'closedlost' } }, { status: 200, tabId: -1 });
    expect(confirmed).not.toHaveBeenCalled();
  });

  it('reads each CRM’s requests with its own parser, on its own hosts only', () => {
    const parse = vi.fn<NetworkSpec['parse']>((_method, _url, body: RequestBody) =>
      body.kind === 'json' ? [{ dealId: 'x', stageValue: 'Lost', lost: true }] : [],
    );
    const other: NetworkSpec = { urls: ['https://crm.example.com/api/*'], parse };
    const { web, confirmed } = observe({ hubspot: hubspotNetwork, example: other });
    web.request('https://crm.example.com/api/deal', { stage: 'Lost' }, { status: 200 });
    web.request('https://elsewhere.example.com/api/deal', { stage: 'Lost' }, { status: 200 });
    expect(parse).toHaveBeenCalledExactlyOnceWith('PATCH', 'https://crm.example.com/api/deal', {
      kind: 'json',
      value: { stage: 'Lost' },
    });
    expect(confirmed).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ crm: 'example', dealId: 'x' }),
    );
    // The request bodies are asked for, or the parsers would read none.
    expect(web.listeners.filter((l) => l.event === 'onBeforeRequest')).toEqual([
      expect.objectContaining({ urls: hubspotNetwork.urls, extra: ['requestBody'] }),
      expect.objectContaining({ urls: other.urls, extra: ['requestBody'] }),
    ]);
  });

  it('listens to nothing when no CRM has readable saves', () => {
    const { web } = observe({});
    expect(web.listeners).toEqual([]);
  });
});
