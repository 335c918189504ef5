/** How long the page may keep growing above an anchor before landing on it stops. */
const SETTLE_MS = 3000;

/**
 * Scrolls to `element` and keeps it in view while the sections above it fill in (each reads its
 * own storage, so the page grows after the browser's own jump to the #anchor). Stops at the
 * user's first scroll, key or click, or once the page has had time to settle; returns a stop.
 */
export function landOnAnchor(element: Element, settleMs = SETTLE_MS): () => void {
  const land = () => element.scrollIntoView();
  land();
  const observer = new ResizeObserver(land);
  observer.observe(document.body);
  const controller = new AbortController();
  const stop = () => {
    observer.disconnect();
    controller.abort();
    clearTimeout(timer);
  };
  const timer = setTimeout(stop, settleMs);
  for (const type of ['wheel', 'keydown', 'pointerdown', 'touchstart']) {
    window.addEventListener(type, stop, { signal: controller.signal, passive: true });
  }
  return stop;
}
