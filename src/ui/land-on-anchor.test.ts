import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { landOnAnchor } from './land-on-anchor';

/** happy-dom has no layout: the observer's callback is what the page growing would call. */
let grow: () => void;
beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: () => void) {
        grow = callback;
      }
      observe() {}
      disconnect() {
        grow = () => {};
      }
    },
  );
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('landOnAnchor', () => {
  it('keeps the section in view while the page above it grows, until the user scrolls', () => {
    const section = document.createElement('section');
    const scrolls = vi.spyOn(section, 'scrollIntoView').mockImplementation(() => {});
    landOnAnchor(section);
    grow();
    grow();
    expect(scrolls).toHaveBeenCalledTimes(3);
    window.dispatchEvent(new Event('wheel'));
    grow();
    expect(scrolls).toHaveBeenCalledTimes(3);
  });

  it('stops once the page had time to settle', () => {
    const section = document.createElement('section');
    const scrolls = vi.spyOn(section, 'scrollIntoView').mockImplementation(() => {});
    landOnAnchor(section, 1000);
    vi.advanceTimersByTime(1000);
    grow();
    expect(scrolls).toHaveBeenCalledTimes(1);
  });
});
