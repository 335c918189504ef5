import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterDelay, observeDeep } from './observe-deep';

/** MutationObserver callbacks, and the microtask observeDeep coalesces into, run after this. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

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
