/**
 * Waits until DOM changes made before it have been checked: the MutationObserver's callback (a
 * microtask), then observeDeep's per-frame check (happy-dom runs animation frames as
 * setImmediate, queued before the one here).
 */
export const settle = () => new Promise((resolve) => setTimeout(() => setImmediate(resolve), 0));
