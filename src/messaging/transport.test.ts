import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendToBackground as sendFromContent } from './content-transport';
import {
  onBackgroundMessage,
  sendToBackground,
  sendToTab,
  type BackgroundHandlers,
} from './transport';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

const UNREADABLE =
  'Rebound got an answer it could not read. Reload this page; if it keeps happening, restart the browser.';
const answers = (reply: unknown) =>
  vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(reply as never);

const HEALTH = { crm: 'hubspot', url: 'https://app.hubspot.com/x', tabId: 3, at: 1 };

describe('sendToBackground', () => {
  it("parses the reply's data with its request type's schema", async () => {
    answers({ ok: true, data: [HEALTH] });
    const reply = await sendToBackground({ type: 'health/all' });
    expect(reply).toEqual({ ok: true, data: [HEALTH] });
  });

  it.each([
    ['data of another shape', { ok: true, data: { tabs: [HEALTH] } }],
    ['a health without its tab', { ok: true, data: [{ ...HEALTH, tabId: 'three' }] }],
    ['no envelope', [HEALTH]],
    ['nothing', undefined],
  ])('turns a reply with %s into a failure in words', async (_what, raw) => {
    answers(raw);
    expect(await sendToBackground({ type: 'health/all' })).toEqual({
      ok: false,
      error: UNREADABLE,
    });
  });

  it('refuses data on a reply that carries none', async () => {
    answers({ ok: true, data: 'surprise' });
    expect(await sendToBackground({ type: 'options/open' })).toEqual({
      ok: false,
      error: UNREADABLE,
    });
  });

  it("passes the other side's failure on as it is", async () => {
    answers({ ok: false, error: 'Disk full.' });
    expect(await sendToBackground({ type: 'health/all' })).toEqual({
      ok: false,
      error: 'Disk full.',
    });
  });

  it('says so when the message cannot be delivered', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    expect(await sendToBackground({ type: 'health/all' })).toEqual({
      ok: false,
      error: 'Rebound was updated or restarted. Reload this page to reconnect it.',
    });
  });
});

describe("the content script's sendToBackground", () => {
  it('reads the waiting prompt, and refuses one of the wrong shape', async () => {
    const loss = {
      lossId: crypto.randomUUID(),
      crm: 'hubspot',
      dealId: '42',
      dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/42',
      stageBefore: '',
      deal: { dealName: 'Acme' },
    };
    answers({ ok: true, data: { type: 'prompt/open', loss } });
    expect(await sendFromContent({ type: 'prompt/pull' })).toEqual({
      ok: true,
      data: { type: 'prompt/open', loss },
    });
    answers({ ok: true, data: { type: 'prompt/open', loss: { ...loss, lossId: 'not-a-uuid' } } });
    expect(await sendFromContent({ type: 'prompt/pull' })).toEqual({
      ok: false,
      error: UNREADABLE,
    });
  });
});

describe('sendToTab', () => {
  it("refuses a page's answer of the wrong shape", async () => {
    const send = vi.spyOn(browser.tabs, 'sendMessage');
    const ask = { type: 'page/read', dealId: '42', lookForLoss: true } as const;
    send.mockResolvedValue({ ok: true, data: { dealUrl: 'https://x.test/', deal: {} } } as never);
    expect(await sendToTab(1, ask)).toEqual({ ok: false, error: UNREADABLE });
    const read = { dealUrl: 'https://x.test/', deal: { dealName: 'Acme' } };
    send.mockResolvedValue({ ok: true, data: read } as never);
    expect(await sendToTab(1, ask)).toEqual({ ok: true, data: read });
  });
});

describe('onBackgroundMessage', () => {
  it('answers each message with its handler, and drops what does not parse', async () => {
    const listeners: ((raw: unknown, sender: object, respond: (r: unknown) => void) => boolean)[] =
      [];
    vi.spyOn(browser.runtime.onMessage, 'addListener').mockImplementation((listener) => {
      listeners.push(listener as never);
    });
    const handlers = { 'health/all': vi.fn(async () => ({ ok: true, data: [] })) };
    onBackgroundMessage(handlers as unknown as BackgroundHandlers);
    const respond = vi.fn();
    expect(listeners[0]!({ type: 'health/all', extra: 1 }, {}, respond)).toBe(true);
    await vi.waitFor(() => expect(respond).toHaveBeenCalledWith({ ok: true, data: [] }));
    expect(listeners[0]!({ type: 'lesson/save', lesson: {} }, {}, respond)).toBe(false);
    expect(listeners[0]!({ type: 'no/such' }, {}, respond)).toBe(false);
  });
});
