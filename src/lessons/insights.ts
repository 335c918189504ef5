import { t } from '../i18n/t';
import { firstValue } from './edit-history';
import { PLAN_ACTION, PLAN_CUE } from './questions';
import { GROUP_COLOURS } from './reasons';
import type { Lesson } from './schema';
import { reasonLabel, reasonOf, type Template } from './template';

/**
 * Insights over lessons (issue #10 item 4): progress and patterns, never a win rate — wins are
 * not read here at all. Lessons are fed one at a time to an accumulator, so the options page can
 * read 50,000 of them in pages and keep only counts. Buckets are in local time: a loss at 23:30
 * on the 31st belongs to the month the user lived it in.
 */

/** How many weeks the weekly chart covers, ending this week. */
export const WEEKS_SHOWN = 26;
/** How many months the monthly charts cover at most, ending this month. */
export const MONTHS_SHOWN = 36;
/** The summaries speak of the recent past: the last 90 days. */
export const RECENT_DAYS = 90;
/**
 * Below this many, a share is told as a count only ("3 of 8"): a percentage of a handful of
 * lessons claims a precision it does not have.
 */
export const PERCENT_FROM = 20;
/** Reasons over time shows this many reasons by name; the rest are summed as one series. */
export const TOP_REASONS = 6;
/** The reasons changed on a second look show this many pairs; the rest are told as a count. */
export const TOP_DRIFTS = 10;

const DAY_MS = 86_400_000;
/** The reason key of lessons that name none. */
const NO_REASON = '';
/** The series that sums the reasons beyond the top ones. */
const REST = '*rest';
const GREY = GROUP_COLOURS.other!;

/** A reason as the charts show it: merges followed, its colour, its label. */
export type ReasonRef = { key: string; label: string; colour: string };

/** A week (its Monday) or a month (its first day), as a local date. */
export type Bucket = { key: string; start: Date };

export type CountChart = { buckets: Bucket[]; counts: number[]; summary: string };
export type ReasonSeries = { reason: ReasonRef; counts: number[] };
export type ReasonsChart = { buckets: Bucket[]; series: ReasonSeries[]; summary: string };
export type AmountRow = { reason: ReasonRef; amount: number; deals: number };
/** Amounts lost in one currency: different currencies are never added together. */
export type AmountChart = { currency: string; rows: AmountRow[]; summary: string };
export type ShareChart = { buckets: Bucket[]; part: number[]; whole: number[]; summary: string };
export type FeelingChart = {
  buckets: Bucket[];
  /** Mean feeling 1–5, or null in a month where no lesson gave one. */
  mean: (number | null)[];
  n: number[];
  summary: string;
};

/** Lessons whose reason changed from one to another after they were first saved. */
export type DriftRow = { from: ReasonRef; to: ReasonRef; count: number };
/**
 * Reasons changed on a second look, the TOP_DRIFTS most frequent pairs first (no rows when none
 * changed); `more`: the lessons whose change is in a pair not shown.
 */
export type DriftTable = { rows: DriftRow[]; lessons: number; more: number; summary: string };

export type Insights = {
  total: number;
  weeks: CountChart;
  months: CountChart;
  reasons: ReasonsChart;
  amounts: AmountChart[];
  /** Said when no lesson records an amount. */
  amountsEmpty: string;
  /** Lessons whose reason is within my control (`part`) of those with a known reason (`whole`). */
  control: ShareChart;
  feeling: FeelingChart;
  /** Lessons with an if-then plan (`part`) of all lessons (`whole`). */
  plans: ShareChart;
  drift: DriftTable;
};

export type InsightsAccumulator = {
  add(lesson: Lesson): void;
  result(): Insights;
};

/** "3 of 8" under PERCENT_FROM; "35% (7 of 20)" from there: the counts are always said. */
export function formatShare(part: number, whole: number): string {
  if (whole < PERCENT_FROM) return t('insights_share_count', [part, whole]);
  return t('insights_share_percent', [Math.round((part / whole) * 100), part, whole]);
}

type Tally = {
  lessons: number;
  byReason: Map<string, number>;
  inControl: number;
  withReason: number;
  feelingSum: number;
  feelings: number;
  plans: number;
};

const emptyTally = (): Tally => ({
  lessons: 0,
  byReason: new Map(),
  inControl: 0,
  withReason: 0,
  feelingSum: 0,
  feelings: 0,
  plans: 0,
});

const pad = (n: number) => String(n).padStart(2, '0');
const monthKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
const dayKey = (d: Date) => `${monthKey(d)}-${pad(d.getDate())}`;
const monthStart = (d: Date) => new Date(d.getFullYear(), d.getMonth(), 1);
/** The Monday of a date's week, at noon (so adding days never trips over a DST change). */
function weekStart(d: Date): Date {
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate(), 12);
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  return monday;
}
const addMonths = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth() + n, 1);
const addWeeks = (d: Date, n: number) =>
  new Date(d.getFullYear(), d.getMonth(), d.getDate() + 7 * n, 12);

/** Consecutive buckets from `first` to `last` (both included), at most `max`, ending at `last`. */
function bucketRange(
  first: Date,
  last: Date,
  max: number,
  step: (d: Date, n: number) => Date,
  key: (d: Date) => string,
): Bucket[] {
  const buckets: Bucket[] = [];
  for (let d = last; buckets.length < max && d >= first; d = step(d, -1))
    buckets.push({ key: key(d), start: d });
  return buckets.reverse();
}

const hasText = (value: string | undefined) => !!value?.trim();

function add(tally: Tally, reason: string, controllable: boolean | undefined, lesson: Lesson) {
  tally.lessons++;
  tally.byReason.set(reason, (tally.byReason.get(reason) ?? 0) + 1);
  if (controllable !== undefined) {
    tally.withReason++;
    if (controllable) tally.inControl++;
  }
  if (typeof lesson.feeling === 'number' && lesson.feeling >= 1 && lesson.feeling <= 5) {
    tally.feelingSum += lesson.feeling;
    tally.feelings++;
  }
  if (hasText(lesson.answers?.[PLAN_ACTION]) || hasText(lesson.answers?.[PLAN_CUE])) tally.plans++;
}

export type InsightsOptions = {
  template: Template;
  now: Date;
  /** How an amount reads in a summary (the UI's currency format). */
  formatAmount?: (amount: number, currency: string) => string;
};

/** An accumulator of insights: `add` every lesson (in any order), then read `result`. */
export function createInsights({
  template,
  now,
  formatAmount = (amount, currency) => `${amount} ${currency}`.trim(),
}: InsightsOptions): InsightsAccumulator {
  const months = new Map<string, Tally>();
  const weeks = new Map<string, number>();
  const amounts = new Map<string, Map<string, { amount: number; deals: number }>>();
  const recent = emptyTally();
  const recentFrom = now.getTime() - RECENT_DAYS * DAY_MS;
  const reasons = new Map<string, ReasonRef & { controllable?: boolean }>();
  /** Counts by "from key → to key" (keys hold no arrow: they are reason ids). */
  const drift = new Map<string, number>();
  let total = 0;
  let earliest: Date | undefined;
  let latest: Date | undefined;

  /** A lesson's reason id, resolved once per id: 50,000 lessons share a few dozen reasons. */
  function resolve(id: string | undefined) {
    const cacheKey = id ?? NO_REASON;
    let found = reasons.get(cacheKey);
    if (found) return found;
    const info = reasonOf(template, id);
    const key = info?.id ?? cacheKey;
    found =
      reasons.get(key) ??
      (key === NO_REASON
        ? { key, label: t('insights_no_reason'), colour: GREY }
        : {
            key,
            label: reasonLabel(template, key),
            colour: info?.colour ?? GREY,
            // A reason this device never had: whether it was within control is unknown.
            controllable: info?.controllable,
          });
    reasons.set(cacheKey, found);
    reasons.set(key, found);
    return found;
  }

  return {
    add(lesson) {
      const at = new Date(lesson.createdAt);
      if (Number.isNaN(at.getTime())) return;
      total++;
      if (!earliest || at < earliest) earliest = at;
      if (!latest || at > latest) latest = at;
      const reason = resolve(lesson.reason);
      // The reason it was first saved with (src/lessons/edit-history.ts), through merges: a
      // first save without a reason that got one later is not a change of mind.
      const first = firstValue(lesson, 'reason', lesson.reason);
      if (typeof first === 'string' && first) {
        const from = resolve(first);
        if (from.key !== reason.key) {
          const key = `${from.key}→${reason.key}`;
          drift.set(key, (drift.get(key) ?? 0) + 1);
        }
      }
      const month = monthKey(at);
      let tally = months.get(month);
      if (!tally) months.set(month, (tally = emptyTally()));
      add(tally, reason.key, reason.controllable, lesson);
      if (at.getTime() >= recentFrom) add(recent, reason.key, reason.controllable, lesson);
      const week = dayKey(weekStart(at));
      weeks.set(week, (weeks.get(week) ?? 0) + 1);
      if (typeof lesson.amount === 'number' && Number.isFinite(lesson.amount)) {
        const currency = (lesson.currency ?? '').trim().toUpperCase();
        let byReason = amounts.get(currency);
        if (!byReason) amounts.set(currency, (byReason = new Map()));
        const row = byReason.get(reason.key) ?? { amount: 0, deals: 0 };
        byReason.set(reason.key, { amount: row.amount + lesson.amount, deals: row.deals + 1 });
      }
    },

    result() {
      const end = latest && latest > now ? latest : now;
      const first = earliest ?? now;
      const monthBuckets = total
        ? bucketRange(monthStart(first), monthStart(end), MONTHS_SHOWN, addMonths, monthKey)
        : [];
      const weekBuckets = total
        ? bucketRange(weekStart(first), weekStart(end), WEEKS_SHOWN, addWeeks, dayKey)
        : [];
      const tallies = monthBuckets.map((b) => months.get(b.key) ?? emptyTally());
      const none = t('insights_none_recent', RECENT_DAYS);
      const ref = (key: string): ReasonRef => {
        const { label, colour } = reasons.get(key)!;
        return { key, label, colour };
      };

      // Weeks: the last WEEKS_SHOWN weeks, whatever the chart's first week.
      const thisWeek = weekStart(now);
      const weeksFrom = dayKey(addWeeks(thisWeek, 1 - WEEKS_SHOWN));
      const thisWeekKey = dayKey(thisWeek);
      let inWeeks = 0;
      for (const [key, count] of weeks)
        if (key >= weeksFrom && key <= thisWeekKey) inWeeks += count;
      const weeksChart: CountChart = {
        buckets: weekBuckets,
        counts: weekBuckets.map((b) => weeks.get(b.key) ?? 0),
        summary: t('insights_weeks_summary', [WEEKS_SHOWN, inWeeks, weeks.get(thisWeekKey) ?? 0]),
      };

      const monthsChart: CountChart = {
        buckets: monthBuckets,
        counts: tallies.map((m) => m.lessons),
        summary: t('insights_months_summary', [
          months.get(monthKey(now))?.lessons ?? 0,
          months.get(monthKey(addMonths(monthStart(now), -1)))?.lessons ?? 0,
          total,
        ]),
      };

      // Reasons over time: the most frequent reasons in the chart's months by name, then the rest.
      const reasonTotals = new Map<string, number>();
      for (const m of tallies)
        for (const [key, count] of m.byReason)
          reasonTotals.set(key, (reasonTotals.get(key) ?? 0) + count);
      const ranked = [...reasonTotals].sort(
        (a, b) => b[1] - a[1] || ref(a[0]).label.localeCompare(ref(b[0]).label),
      );
      const named = ranked.slice(0, TOP_REASONS).map(([key]) => key);
      const series: ReasonSeries[] = named.map((key) => ({
        reason: ref(key),
        counts: tallies.map((m) => m.byReason.get(key) ?? 0),
      }));
      if (ranked.length > TOP_REASONS) {
        series.push({
          reason: { key: REST, label: t('insights_other_reasons'), colour: GREY },
          counts: tallies.map((m) => {
            let rest = m.lessons;
            for (const key of named) rest -= m.byReason.get(key) ?? 0;
            return rest;
          }),
        });
      }
      const [topKey, topCount] =
        [...recent.byReason]
          .filter(([key]) => key !== NO_REASON)
          .sort((a, b) => b[1] - a[1] || ref(a[0]).label.localeCompare(ref(b[0]).label))[0] ?? [];
      const reasonsChart: ReasonsChart = {
        buckets: monthBuckets,
        series,
        summary: !recent.lessons
          ? none
          : topKey === undefined
            ? t('insights_reasons_none', RECENT_DAYS)
            : t('insights_reasons_summary', [
                RECENT_DAYS,
                ref(topKey).label,
                formatShare(topCount!, recent.lessons),
              ]),
      };

      const amountCharts: AmountChart[] = [...amounts]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([currency, byReason]) => {
          const rows = [...byReason]
            .map(([key, row]) => ({ reason: ref(key), ...row }))
            .sort((a, b) => b.amount - a.amount || a.reason.label.localeCompare(b.reason.label));
          const deals = rows.reduce((sum, row) => sum + row.deals, 0);
          const top = rows[0]!;
          return {
            currency,
            rows,
            summary: t('insights_amount_summary', [
              currency || t('insights_no_currency'),
              top.reason.label,
              formatAmount(top.amount, currency),
              formatShare(top.deals, deals),
            ]),
          };
        });

      const control: ShareChart = {
        buckets: monthBuckets,
        part: tallies.map((m) => m.inControl),
        whole: tallies.map((m) => m.withReason),
        summary: !recent.lessons
          ? none
          : recent.withReason
            ? t('insights_control_summary', [
                RECENT_DAYS,
                formatShare(recent.inControl, recent.withReason),
              ])
            : t('insights_reasons_none', RECENT_DAYS),
      };

      const mean = (sum: number, n: number) => Math.round((sum / n) * 10) / 10;
      const feeling: FeelingChart = {
        buckets: monthBuckets,
        mean: tallies.map((m) => (m.feelings ? mean(m.feelingSum, m.feelings) : null)),
        n: tallies.map((m) => m.feelings),
        summary: !recent.lessons
          ? none
          : recent.feelings
            ? t('insights_feeling_summary', [
                RECENT_DAYS,
                mean(recent.feelingSum, recent.feelings).toFixed(1),
                recent.feelings,
              ])
            : t('insights_feeling_none', RECENT_DAYS),
      };

      const plans: ShareChart = {
        buckets: monthBuckets,
        part: tallies.map((m) => m.plans),
        whole: tallies.map((m) => m.lessons),
        summary: recent.lessons
          ? t('insights_plans_summary', [RECENT_DAYS, formatShare(recent.plans, recent.lessons)])
          : none,
      };

      const driftRows: DriftRow[] = [...drift]
        .map(([key, count]) => {
          const [from, to] = key.split('→') as [string, string];
          return { from: ref(from), to: ref(to), count };
        })
        .sort(
          (a, b) =>
            b.count - a.count ||
            a.from.label.localeCompare(b.from.label) ||
            a.to.label.localeCompare(b.to.label),
        );
      const drifted = driftRows.reduce((sum, row) => sum + row.count, 0);
      const top = driftRows[0];
      const shownDrifts = driftRows.slice(0, TOP_DRIFTS);
      const driftTable: DriftTable = {
        rows: shownDrifts,
        lessons: drifted,
        more: drifted - shownDrifts.reduce((sum, row) => sum + row.count, 0),
        summary: !top
          ? ''
          : drifted === 1
            ? t('insights_drift_summary_one', [top.from.label, top.to.label])
            : t('insights_drift_summary', [
                formatShare(drifted, total),
                top.from.label,
                top.to.label,
                top.count,
              ]),
      };

      return {
        total,
        weeks: weeksChart,
        months: monthsChart,
        reasons: reasonsChart,
        amounts: amountCharts,
        amountsEmpty: t('insights_amount_none'),
        control,
        feeling,
        plans,
        drift: driftTable,
      };
    },
  };
}
