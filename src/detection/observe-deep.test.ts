import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queryAllDeep, queryDeep } from '../crm/dom';
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

describe('observeDeep lends its shadow roots to the queries', () => {
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

  it('runs once per frame however often it is asked', () => {
    const frame = frames();
    const fn = vi.fn();
    const request = perFrame(fn, new AbortController().signal, frame.schedule);
    for (let i = 0; i < 100; i++) request();
    expect(frame.pending).toHaveLength(1);
    expect(fn).not.toHaveBeenCalled();
    frame.run();
    expect(fn).toHaveBeenCalledOnce();
    request();
    frame.run();
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('cancels the frame it asked for when aborted, and asks for no more', () => {
    const frame = frames();
    const fn = vi.fn();
    const controller = new AbortController();
    const request = perFrame(fn, controller.signal, frame.schedule);
    request();
    controller.abort();
    expect(frame.pending).toHaveLength(0);
    request();
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
