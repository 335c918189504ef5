import type { TabHealth } from '../messaging/messages';

/**
 * What each CRM tab last reported when its content script armed: the page it shows and what it
 * found missing there. The popup and the options page read it (health/get, health/all), and
 * the loss flow reads which page a save came from. Lost when the worker sleeps; each page
 * re-reports when it arms, which is when it matters.
 */
export type TabHealthBoard = {
  report(health: TabHealth): void;
  of(tabId: number): TabHealth | undefined;
  all(): TabHealth[];
};

export function createTabHealth(): TabHealthBoard {
  const tabs = new Map<number, TabHealth>();
  return {
    report: (health) => void tabs.set(health.tabId, health),
    of: (tabId) => tabs.get(tabId),
    all: () => [...tabs.values()],
  };
}
