import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  readRecentDeals,
  recentDealsItem,
  RECENT_DEALS_DAYS,
  type RecentDeal,
} from '../background/recent-deals';
import { adapterById } from '../crm/registry';
import { database } from '../db/database';
import { t } from '../i18n/t';
import { reflectOnDealUrl } from '../background/reflect-page';
import { formatDateTime } from './format';

/** Deals shown before "Show all": the popup stays short. */
export const MISSED_SHOWN = 5;

const dealKey = (deal: { crm: string; dealId?: string }) => `${deal.crm}:${deal.dealId ?? ''}`;

/** What Rebound already did about a deal: a lesson was written, or a prompt was shown. */
export type DealMark = 'lesson' | 'prompted';

/** The marks of these deals, by `crm:dealId` (prompts are keyed so too). */
async function dealMarks(deals: readonly RecentDeal[]): Promise<Map<string, DealMark>> {
  const marks = new Map<string, DealMark>();
  if (deals.length === 0) return marks;
  const db = database();
  const [prompts, lessons] = await Promise.all([
    db.prompts.bulkGet(deals.map(dealKey)),
    db.lessons
      .where('[crm+dealId]')
      .anyOf(deals.map((d) => [d.crm, d.dealId]))
      .toArray(),
  ]);
  for (const prompt of prompts) if (prompt) marks.set(prompt.key, 'prompted');
  for (const lesson of lessons) marks.set(dealKey(lesson), 'lesson');
  return marks;
}

/**
 * "Missed a loss?" in the popup: the deals opened on supported CRMs in the last 14 days, each a
 * click away from a reflection with the deal filled in. Nothing when there are none.
 */
export function MissedLosses() {
  const [deals, setDeals] = useState<RecentDeal[]>([]);
  const [marks, setMarks] = useState<ReadonlyMap<string, DealMark>>(new Map());
  useEffect(() => {
    const refresh = () =>
      void readRecentDeals().then(async (read) => {
        setDeals(read);
        setMarks(await dealMarks(read).catch(() => new Map<string, DealMark>()));
      });
    refresh();
    return recentDealsItem.watch(refresh);
  }, []);
  return (
    <MissedLossList
      deals={deals}
      marks={marks}
      onReflect={(deal) => {
        const { crm, dealId, dealUrl, dealName, company } = deal;
        void browser.tabs.create({
          url: reflectOnDealUrl({ crm, dealId, dealUrl, dealName, company }),
        });
      }}
    />
  );
}

type Props = {
  /** Newest first. */
  deals: readonly RecentDeal[];
  /** By `crm:dealId`: the deals that already have a lesson, or had a prompt. */
  marks: ReadonlyMap<string, DealMark>;
  onReflect: (deal: RecentDeal) => void;
};

export function MissedLossList({ deals, marks, onReflect }: Props) {
  const [showAll, setShowAll] = useState(false);
  if (deals.length === 0) return null;
  const shown = showAll ? deals : deals.slice(0, MISSED_SHOWN);
  return (
    <section aria-labelledby="missed-title">
      <h2 id="missed-title">{t('missed_title')}</h2>
      <p class="muted" style={{ margin: '2px 0 6px' }}>
        {t('missed_intro', RECENT_DEALS_DAYS)}
      </p>
      <ul class="lesson-list">
        {shown.map((deal) => (
          <li class="card row" key={dealKey(deal)} data-testid="missed-deal">
            <div style={{ flex: 1, minWidth: 0 }}>
              <div class="lesson-name">{deal.dealName}</div>
              <div class="lesson-meta">
                {t('missed_seen', [
                  adapterById(deal.crm)?.name ?? deal.crm,
                  formatDateTime(new Date(deal.lastSeen).toISOString()),
                ])}
                {marks.get(dealKey(deal)) === 'lesson' && ` · ${t('missed_has_lesson')}`}
                {marks.get(dealKey(deal)) === 'prompted' && ` · ${t('missed_was_prompted')}`}
              </div>
            </div>
            <button type="button" onClick={() => onReflect(deal)}>
              {t('missed_reflect')}
            </button>
          </li>
        ))}
      </ul>
      {!showAll && deals.length > MISSED_SHOWN && (
        <button
          type="button"
          class="link"
          style={{ marginTop: '6px' }}
          onClick={() => setShowAll(true)}
        >
          {t('missed_show_all', deals.length)}
        </button>
      )}
    </section>
  );
}
