import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { parseEach } from './stored-list';

/** How many deals are kept: a few weeks of a busy rep's record pages. */
export const RECENT_DEALS_LIMIT = 200;
/** "Missed a loss?" offers the deals opened in the last 14 days; older ones are dropped. */
export const RECENT_DEALS_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A deal record page the user opened on a supported CRM, as the page showed it (untrusted
 * text, shown as text only): what "Missed a loss?" in the popup offers to reflect on.
 */
export const RecentDealSchema = z.object({
  crm: z.string().min(1).max(40),
  dealId: z.string().min(1).max(200),
  dealUrl: z.url({ protocol: /^https?$/ }),
  dealName: z.string().min(1).max(500),
  amount: z.number().finite().optional(),
  company: z.string().max(500).optional(),
  /** When the deal's page was last seen (ms since epoch). */
  lastSeen: z.number(),
});
export type RecentDeal = z.infer<typeof RecentDealSchema>;
export type SeenDeal = Omit<RecentDeal, 'lastSeen'>;

/**
 * Newest first. In storage.local beside the settings and the detection log (never sent
 * anywhere), under its own key so writing it wakes no settings watcher.
 */
export const recentDealsItem = storage.defineItem<RecentDeal[]>('local:recentDeals', {
  fallback: [],
});

const recentEnough = (now: number) => (deal: RecentDeal) =>
  now - deal.lastSeen <= RECENT_DEALS_DAYS * DAY_MS;

/**
 * The deals with `seen` at the front (seen again: moved up with its new name and lastSeen),
 * those older than 14 days dropped, cut to the limit.
 */
export function withDealSeen(
  deals: readonly RecentDeal[],
  seen: SeenDeal,
  now: number,
): RecentDeal[] {
  const others = deals.filter((d) => d.crm !== seen.crm || d.dealId !== seen.dealId);
  return [{ ...seen, lastSeen: now }, ...others]
    .filter(recentEnough(now))
    .slice(0, RECENT_DEALS_LIMIT);
}

/**
 * What is stored, through the schema: entries that no longer parse are left out (the list is a
 * convenience, not data the user wrote), as are those older than 14 days. Newest first.
 */
export function parseRecentDeals(stored: unknown, now: number): RecentDeal[] {
  return parseEach(stored, RecentDealSchema)
    .filter(recentEnough(now))
    .sort((a, b) => b.lastSeen - a.lastSeen)
    .slice(0, RECENT_DEALS_LIMIT);
}

export async function readRecentDeals(now: number = Date.now()): Promise<RecentDeal[]> {
  return parseRecentDeals(await recentDealsItem.getValue(), now);
}

/** Forgets every deal seen. */
export async function clearRecentDeals(): Promise<void> {
  await recentDealsItem.removeValue();
}

export type RecentDeals = {
  seen(deal: SeenDeal): Promise<void>;
  /** Forgets every deal seen, after the writes before it (none of them puts a deal back). */
  forget(): Promise<void>;
};

/**
 * The background's one writer of the list: one write at a time, so two tabs reporting at once
 * never lose each other's deal to a read-modify-write.
 */
export function openRecentDeals(now: () => number = Date.now): RecentDeals {
  let writing: Promise<void> = Promise.resolve();
  return {
    async seen(deal) {
      const parsed = RecentDealSchema.omit({ lastSeen: true }).parse(deal);
      const write = writing.then(async () => {
        const at = now();
        await recentDealsItem.setValue(withDealSeen(await readRecentDeals(at), parsed, at));
      });
      writing = write.catch(() => undefined);
      return write;
    },
    forget() {
      const cleared = writing.then(clearRecentDeals);
      writing = cleared.catch(() => undefined);
      return cleared;
    },
  };
}
