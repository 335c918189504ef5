import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queryAllDeep, queryDeep } from './dom';
import { afterDelay, observeDeep, perFrame, type FrameScheduler } from './observe-deep';
import { settle } from './settle.test-helper';

describe('observeDeep', () => {
  let controller: AbortController;
  let onChange: ReturnType<typeof vi.fn<() => void>>;

  beforeEach(() => {
    controller = new AbortController();
    onChange = vi.fn();
  });
  afterEach(() => {
    controller.abort();
    document.body.replaceChildren();
  });

  it('calls once for a burst of DOM changes', async () => {
    observeDeep(document, onChange, controller.signal);
    const span = document.body.appendChild(document.createElement('span'));
    span.textContent = 'Contract sent';
    span.firstChild!.nodeValue = 'Closed lost';
    document.body.append(document.createElement('p'));
    await settle();
    expect(onChange).toHaveBeenCalledOnce();
    span.remove();
    await settle();
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('sees changes inside a shadow root that was there from the start', async () => {
    const shadow = document.body
      .appendChild(document.createElement('div'))
      .attachShadow({ mode: 'open' });
    const stage = shadow.appendChild(document.createElement('span'));
    observeDeep(document, onChange, controller.signal);
    stage.textContent = 'Closed lost';
    await settle();
    expect(onChange).toHaveBeenCalledOnce();
  });

  it('sees changes inside shadow roots added later, nested ones too', async () => {
    observeDeep(document, onChange, controller.signal);
    const host = document.createElement('div');
    const outer = host.attachShadow({ mode: 'open' });
    const inner = outer
      .appendChild(document.createElement('section'))
      .attachShadow({ mode: 'open' });
    const stage = inner.appendChild(document.createElement('span'));
    document.body.append(host);
    await settle();
    onChange.mockClear();
    stage.textContent = 'Closed lost';
    await settle();
    expect(onChange).toHaveBeenCalledOnce();
  });

  it('counts a form change event, which a native select sends without any mutation', async () => {
    const select = document.body.appendChild(document.createElement('select'));
    observeDeep(document, onChange, controller.signal);
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(onChange).toHaveBeenCalledOnce();
  });

  it('stops once aborted, even for a change already queued', async () => {
    observeDeep(document, onChange, controller.signal);
    document.body.append(document.createElement('p'));
    controller.abort();
    await settle();
    document.body.append(document.createElement('p'));
    document.body.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('does not start with an aborted signal', async () => {
    controller.abort();
    observeDeep(document, onChange, controller.signal);
    document.body.append(document.createElement('p'));
    await settle();
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('observeDeep lends the queries its shadow roots and kept answers', () => {
  let controller: AbortController;
  beforeEach(() => (controller = new AbortController()));
  afterEach(() => {
    controller.abort();
    document.body.replaceChildren();
    vi.restoreAllMocks();
  });

  const shadowWith = (text: string) => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(
      Object.assign(document.createElement('b'), {
        className: 'stage',
        textContent: text,
      }),
    );
    return host;
  };

  it('so a check after a change does not walk the whole document', async () => {
    document.body.append(shadowWith('Contract sent'));
    observeDeep(document, () => {}, controller.signal);
    const walk = vi.spyOn(Element.prototype, 'querySelectorAll');
    const walkDocument = vi.spyOn(Document.prototype, 'querySelectorAll');
    expect(queryDeep(document, '.stage')?.textContent).toBe('Contract sent');
    expect(queryDeep(document, '.missing')).toBeUndefined();
    expect([...walk.mock.calls, ...walkDocument.mock.calls]).not.toContainEqual(['*']);
  });

  it('sees shadow roots added later and forgets those taken off the page', async () => {
    observeDeep(document, () => {}, controller.signal);
    const host = document.body.appendChild(shadowWith('Closed lost'));
    await settle();
    expect(queryAllDeep(document, '.stage').map((el) => el.textContent)).toEqual(['Closed lost']);
    host.remove();
    await settle();
    expect(queryDeep(document, '.stage')).toBeUndefined();
  });

  it('walks the document again once no observer is left', () => {
    observeDeep(document, () => {}, controller.signal);
    controller.abort();
    document.body.append(shadowWith('Closed lost'));
    expect(queryDeep(document, '.stage')?.textContent).toBe('Closed lost');
  });

  // It keeps query answers while they hold, too.
  it('so a busy page is not scanned again for a selector that matched nothing', async () => {
    observeDeep(document, () => {}, controller.signal);
    expect(queryDeep(document, '.stage')).toBeUndefined();
    const scan = vi.spyOn(Document.prototype, 'querySelector');
    for (let i = 0; i < 10; i++) {
      document.body.append(Object.assign(document.createElement('span'), { textContent: `${i}` }));
      await settle();
      expect(queryDeep(document, '.stage')).toBeUndefined();
    }
    expect(scan).not.toHaveBeenCalled();
  });

  it('forgets an answer an added element changes, inside what was added too', async () => {
    observeDeep(document, () => {}, controller.signal);
    expect(queryDeep(document, '.stage')).toBeUndefined();
    const card = document.createElement('section');
    card.append(Object.assign(document.createElement('b'), { className: 'stage' }));
    document.body.append(card);
    await settle();
    expect(queryDeep(document, '.stage')).toBe(card.firstChild);
  });

  it('forgets answers when an attribute changes (a class can mark the current stage)', async () => {
    const item = document.body.appendChild(document.createElement('li'));
    observeDeep(document, () => {}, controller.signal);
    expect(queryDeep(document, '.is-current')).toBeUndefined();
    item.className = 'is-current';
    await settle();
    expect(queryDeep(document, '.is-current')).toBe(item);
  });

  it('forgets a found element once it leaves the page', () => {
    const first = document.body.appendChild(document.createElement('b'));
    observeDeep(document, () => {}, controller.signal);
    expect(queryDeep(document, 'b')).toBe(first);
    first.remove();
    expect(queryDeep(document, 'b')).toBeUndefined();
  });
});

describe('perFrame', () => {
  /** A scheduler whose frames the test runs by hand. */
  function frames() {
    const pending: (() => void)[] = [];
    const schedule: FrameScheduler = (fn) => {
      pending.push(fn);
      return () => pending.splice(pending.indexOf(fn), 1);
    };
    return { schedule, pending, run: () => pending.splice(0).forEach((fn) => fn()) };
  }

  it('runs at once for the first call of a frame, and once more at its end for the rest', async () => {
    const frame = frames();
    const fn = vi.fn();
    const request = perFrame(fn, new AbortController().signal, frame.schedule);
    for (let i = 0; i < 100; i++) request();
    await Promise.resolve();
    expect(fn).toHaveBeenCalledOnce();
    expect(frame.pending).toHaveLength(1);
    frame.run();
    await Promise.resolve();
    expect(fn).toHaveBeenCalledTimes(2);
    // That run started a frame of its own; with nothing asked meanwhile it ends quietly.
    frame.run();
    await Promise.resolve();
    expect(fn).toHaveBeenCalledTimes(2);
    expect(frame.pending).toHaveLength(0);
    request();
    await Promise.resolve();
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('cancels the frame it asked for when aborted, and runs no more', async () => {
    const frame = frames();
    const fn = vi.fn();
    const controller = new AbortController();
    const request = perFrame(fn, controller.signal, frame.schedule);
    request();
    request();
    controller.abort();
    await Promise.resolve();
    expect(frame.pending).toHaveLength(0);
    request();
    await Promise.resolve();
    expect(frame.pending).toHaveLength(0);
    expect(fn).not.toHaveBeenCalled();
  });

  it('two observers of one document each get their frame', async () => {
    const first = vi.fn();
    const second = vi.fn();
    const controller = new AbortController();
    observeDeep(document, first, controller.signal);
    observeDeep(document, second, controller.signal);
    document.body.append(document.createElement('p'));
    await settle();
    expect(first).toHaveBeenCalledOnce();
    expect(second).toHaveBeenCalledOnce();
    controller.abort();
    document.body.replaceChildren();
  });
});

describe('afterDelay', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('runs at once for no delay', () => {
    const fn = vi.fn();
    afterDelay(0, new AbortController().signal, fn);
    expect(fn).toHaveBeenCalledOnce();
  });

  it('runs after the delay', () => {
    const fn = vi.fn();
    afterDelay(500, new AbortController().signal, fn);
    vi.advanceTimersByTime(499);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledOnce();
  });

  it('never runs when aborted first', () => {
    const fn = vi.fn();
    const controller = new AbortController();
    afterDelay(500, controller.signal, fn);
    controller.abort();
    vi.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();
  });
});
