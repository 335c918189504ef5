import type { CrmAdapter } from './types';
import type { ContentToBackground, DealMatches, DealOpen } from '../messaging/content-messages';
import { sendToBackground } from '../messaging/content-transport';
import type { DealContext } from '../lessons/deal';

/**
 * How long a record page may take to show the deal after it is armed: CRMs render the name and
 * amount after the page loads (and, after an in-app navigation, the previous deal is still on
 * screen for a moment).
 */
export const DEAL_SEEN_DELAY_MS = 1500;

/**
 * Tells the background which deal a record page shows, for the popup's "Missed a loss?" (a loss
 * Rebound did not catch can still be reflected on), and asks it for lessons of similar deals
 * (`deal/open`: the background decides, lost deals and settings included), handed to
 * `onMatches` when there are some. Once per arming, after the page had time to render; nothing
 * on boards or lists, nothing once `signal` aborts (navigated away, re-armed).
 */
export function reportDealSeen(options: {
  adapter: CrmAdapter;
  url: URL;
  /** The deal as the page shows it (cheaply: the adapter's selectors). */
  readDeal: (dealId: string) => DealContext;
  signal: AbortSignal;
  send?: (message: ContentToBackground) => unknown;
  /** Sends `deal/open` and gives its reply's matches. */
  ask?: (message: DealOpen) => Promise<{ ok: boolean; data?: DealMatches }>;
  onMatches?: (deal: { crm: string; dealId: string }, matches: DealMatches) => void;
  delayMs?: number;
}): void {
  const { adapter, url, readDeal, signal } = options;
  const page = adapter.parsePage(url);
  if (page?.kind !== 'deal' || signal.aborted) return;
  const send = options.send ?? sendToBackground;
  const timer = setTimeout(() => {
    if (signal.aborted) return;
    const deal = readDeal(page.dealId);
    const { dealName, amount, company } = deal;
    void send({
      type: 'deal/seen',
      crm: adapter.id,
      dealId: page.dealId,
      dealUrl: url.href,
      dealName,
      amount,
      company,
    });
    const { onMatches } = options;
    if (!onMatches) return;
    const message: DealOpen = {
      type: 'deal/open',
      crm: adapter.id,
      dealId: page.dealId,
      dealUrl: url.href,
      deal,
      stageEntered: false,
    };
    askDealMatches(message, { ask: options.ask, signal, onMatches });
  }, options.delayMs ?? DEAL_SEEN_DELAY_MS);
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}

/**
 * Asks the background what an open deal's page is offered (a cue plan, lessons of similar deals)
 * and hands it to `onMatches` when there is any and the page still shows that deal.
 */
export function askDealMatches(
  message: DealOpen,
  options: {
    ask?: (message: DealOpen) => Promise<{ ok: boolean; data?: DealMatches }>;
    signal: AbortSignal;
    onMatches: (deal: { crm: string; dealId: string }, matches: DealMatches) => void;
  },
): void {
  const ask = options.ask ?? ((request: DealOpen) => sendToBackground(request));
  void ask(message).then((reply) => {
    const found = reply.ok ? reply.data : undefined;
    if (!found || options.signal.aborted) return;
    if (found.cue || found.similar.length > 0) {
      options.onMatches({ crm: message.crm, dealId: message.dealId }, found);
    }
  });
}
