import { useState } from 'preact/hooks';
import { adapterById } from '../crm/registry';
import { describeEntry, redacted, type Decision, type DetectionEntry } from '../detection/log';
import { t } from '../i18n/t';
import type { TabHealth } from '../messaging/messages';
import { downloadText } from './download';
import { formatDateTime } from './format';
import { useConfirmDelete } from './use-confirm-delete';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The per-CRM counts look back a week: long enough to see a trend, short enough to be current. */
export const HEALTH_DAYS = 7;
/** Entries shown before "Show all": a day's work, without rendering all 500. */
export const LOG_SHOWN = 50;

/** Decisions after which the user was asked (or will be, once the tab or the queue allows). */
const PROMPTED: readonly Decision[] = ['prompted', 'queued-bulk', 'prompt-waiting', 'won-asked'];

export function wasPrompted(entry: DetectionEntry): boolean {
  return entry.decision !== undefined && PROMPTED.includes(entry.decision);
}

export type CrmHealth = {
  crm: string;
  lastDecision?: number;
  prompted: number;
  notPrompted: number;
  /** The latest report of a tab of this CRM that lacked an element Rebound reads. */
  missing?: TabHealth;
};

/**
 * For each CRM in the log (most recently active first): its decisions of the last 7 days. A CRM
 * whose page lacked an element Rebound reads has a line too, with nothing in the log yet: that
 * is what the popup's warning sends the user here to see.
 */
export function crmHealth(
  log: readonly DetectionEntry[],
  health: readonly TabHealth[],
  now: number,
): CrmHealth[] {
  const byCrm = new Map<string, CrmHealth & { lastSeen: number }>();
  for (const entry of log) {
    const crm = byCrm.get(entry.crm) ?? {
      crm: entry.crm,
      prompted: 0,
      notPrompted: 0,
      lastSeen: 0,
    };
    crm.lastSeen = Math.max(crm.lastSeen, entry.at);
    if (entry.kind === 'decision') {
      crm.lastDecision = Math.max(crm.lastDecision ?? 0, entry.at);
      if (now - entry.at <= HEALTH_DAYS * DAY_MS) {
        if (wasPrompted(entry)) crm.prompted++;
        else crm.notPrompted++;
      }
    }
    byCrm.set(entry.crm, crm);
  }
  for (const report of health) {
    if (!report.missing) continue;
    const crm = byCrm.get(report.crm) ?? {
      crm: report.crm,
      prompted: 0,
      notPrompted: 0,
      lastSeen: report.at,
    };
    if (report.at > (crm.missing?.at ?? -1)) crm.missing = report;
    byCrm.set(report.crm, crm);
  }
  return [...byCrm.values()]
    .sort((a, b) => b.lastSeen - a.lastSeen)
    .map(({ lastSeen: _lastSeen, ...crm }) => crm);
}

const crmName = (crm: string) => adapterById(crm)?.name ?? crm;
const when = (at: number) => formatDateTime(new Date(at).toISOString());

/** The log for a bug report: redacted (no deal names, amounts, companies or record ids). */
export function exportDetectionLog(log: readonly DetectionEntry[], now = Date.now()): void {
  const day = new Date(now).toISOString().slice(0, 10);
  downloadText(
    `rebound-detection-log-${day}.json`,
    `${JSON.stringify(redacted(log), null, 2)}\n`,
    'application/json',
  );
}

type Props = {
  /** Oldest first, as stored. */
  log: readonly DetectionEntry[];
  health: readonly TabHealth[];
  /**
   * Deal names by `crm:dealId` from elsewhere (the deals seen, src/background/recent-deals.ts):
   * a refused or unclear save names no deal in the log.
   */
  dealNames?: ReadonlyMap<string, string>;
  now: number;
  onExport: () => void;
  onClear: () => Promise<void>;
};

/**
 * What Rebound saw and decided, newest first, in words: each CRM's week, then each entry with
 * its time, CRM and deal. Every string from a CRM page is rendered as text.
 */
export function DetectionLogView({ log, health, dealNames, now, onExport, onClear }: Props) {
  const [showAll, setShowAll] = useState(false);
  const clear = useConfirmDelete(t('log_clear_question'), onClear, {
    button: t('log_clear'),
    yes: t('log_clear_yes'),
  });
  const crms = crmHealth(log, health, now);
  const newest = [...log].reverse();
  const shown = showAll ? newest : newest.slice(0, LOG_SHOWN);
  // Only decisions carry the deal: its page and save entries are named by it too.
  const names = new Map(dealNames);
  for (const entry of log) {
    if (entry.deal?.dealName) names.set(`${entry.crm}:${entry.dealId}`, entry.deal.dealName);
  }
  return (
    <>
      {crms.length > 0 && (
        <ul class="lesson-list" aria-label={t('log_health_title')}>
          {crms.map((crm) => (
            <li key={crm.crm} class="card" data-testid="crm-health">
              <strong>{crmName(crm.crm)}</strong>{' '}
              {crm.lastDecision === undefined
                ? t('log_health_no_decision')
                : t('log_health_line', [
                    when(crm.lastDecision),
                    crm.prompted,
                    crm.notPrompted,
                    HEALTH_DAYS,
                  ])}
              {crm.missing?.missing && (
                <div class="status error">
                  {t('log_health_missing', [crm.missing.missing, when(crm.missing.at)])}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {log.length === 0 && <p class="muted">{t('log_empty')}</p>}
      {log.length > 0 && (
        <>
          <ol class="lesson-list" aria-label={t('log_entries')}>
            {shown.map((entry, i) => (
              <LogEntry
                key={`${entry.at}-${i}`}
                entry={entry}
                dealName={names.get(`${entry.crm}:${entry.dealId}`)}
              />
            ))}
          </ol>
          <div class="row">
            {!showAll && newest.length > LOG_SHOWN && (
              <button type="button" class="link" onClick={() => setShowAll(true)}>
                {t('log_show_all', newest.length)}
              </button>
            )}
            <span class="spacer" />
            <button type="button" onClick={onExport}>
              {t('log_export')}
            </button>
            {clear.button}
          </div>
          {clear.confirm}
        </>
      )}
    </>
  );
}

function LogEntry({ entry, dealName }: { entry: DetectionEntry; dealName?: string }) {
  const mark =
    entry.kind !== 'decision'
      ? entry.kind === 'page'
        ? t('log_mark_page')
        : entry.kind === 'similar'
          ? t('log_mark_similar')
          : t('log_mark_save')
      : wasPrompted(entry)
        ? t('log_mark_prompted')
        : t('log_mark_not_prompted');
  const tone = entry.kind !== 'decision' ? 'seen' : wasPrompted(entry) ? 'prompted' : 'skipped';
  return (
    <li class={`card log-entry log-${tone}`} data-testid="log-entry" data-decision={entry.decision}>
      <div class="row">
        <span class="log-mark">{mark}</span>
        {dealName && <span class="lesson-name">{dealName}</span>}
        <span class="lesson-meta">
          {when(entry.at)} · {crmName(entry.crm)}
        </span>
      </div>
      <div class="lesson-next">{describeEntry(entry)}</div>
    </li>
  );
}
