import { useEffect, useMemo, useState } from 'preact/hooks';
import { database } from '../../../src/db/database';
import { forEachLessonPage } from '../../../src/db/lesson-pages';
import { t } from '../../../src/i18n/t';
import {
  createInsights,
  formatShare,
  type Bucket,
  type DriftTable,
  type Insights as InsightsData,
} from '../../../src/lessons/insights';
import type { Template } from '../../../src/lessons/template';
import { Chart, type ChartSpec } from '../../../src/ui/charts/Chart';
import { formatAmount } from '../../../src/ui/format';
import { useTemplate } from '../../../src/ui/use-template';
import './insights.css';

type Read =
  | { state: 'reading'; read: number; total: number }
  | { state: 'ready'; insights: InsightsData }
  | { state: 'error'; error: string };

/** Reads the lessons a page at a time into the accumulator; only counts are kept. */
function useInsights(ids: string[] | undefined, template: Template | undefined): Read {
  const [read, setRead] = useState<Read>({ state: 'reading', read: 0, total: ids?.length ?? 0 });
  useEffect(() => {
    if (!template) return;
    // A newer `ids` (the library's filters changed) cancels the read still under way.
    const controller = new AbortController();
    const { signal } = controller;
    const insights = createInsights({ template, now: new Date(), formatAmount });
    setRead({ state: 'reading', read: 0, total: ids?.length ?? 0 });
    forEachLessonPage(
      database(),
      ids,
      (lessons, done, total) => {
        for (const lesson of lessons) insights.add(lesson);
        setRead({ state: 'reading', read: done, total });
      },
      signal,
    ).then(
      () => signal.aborted || setRead({ state: 'ready', insights: insights.result() }),
      (error: unknown) =>
        signal.aborted ||
        setRead({ state: 'error', error: error instanceof Error ? error.message : String(error) }),
    );
    return () => controller.abort();
  }, [ids, template]);
  return read;
}

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' });
const weekFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const weekLongFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const feelingFormat = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const countFormat = new Intl.NumberFormat();
const compactFormat = new Intl.NumberFormat(undefined, { notation: 'compact' });
const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent' });
const month = (b: Bucket) => monthFormat.format(b.start);
const ACCENT = '--rb-accent';
const NONE = '—';

type Table = { head: string[]; rows: { head: string; cells: (string | number)[] }[] };
type Card = { id: string; title: string; summary: string; chart: ChartSpec; table: Table };

/** Each chart with its summary and its table, from the same numbers. */
function cardsOf(insights: InsightsData): Card[] {
  const { weeks, months, reasons, amounts, control, feeling, plans } = insights;
  const monthLabels = months.buckets.map(month);
  const perMonth = (head: string, cell: (i: number) => (string | number)[]): Table => ({
    head: [t('insights_col_month'), head],
    rows: months.buckets.map((b, i) => ({ head: month(b), cells: cell(i) })),
  });
  const shareCell = (part: number, whole: number) => (whole ? formatShare(part, whole) : NONE);
  return [
    {
      id: 'weeks',
      title: t('insights_weeks_title'),
      summary: weeks.summary,
      chart: {
        kind: 'bars',
        labels: weeks.buckets.map((b) => weekFormat.format(b.start)),
        series: [{ label: t('insights_col_lessons'), colour: ACCENT, values: weeks.counts }],
      },
      table: {
        head: [t('insights_col_week'), t('insights_col_lessons')],
        rows: weeks.buckets.map((b, i) => ({
          head: weekLongFormat.format(b.start),
          cells: [weeks.counts[i]!],
        })),
      },
    },
    {
      id: 'months',
      title: t('insights_months_title'),
      summary: months.summary,
      chart: {
        kind: 'bars',
        labels: monthLabels,
        series: [{ label: t('insights_col_lessons'), colour: ACCENT, values: months.counts }],
      },
      table: perMonth(t('insights_col_lessons'), (i) => [months.counts[i]!]),
    },
    {
      id: 'reasons',
      title: t('insights_reasons_title'),
      summary: reasons.summary,
      chart: {
        kind: 'stacked',
        labels: monthLabels,
        series: reasons.series.map((s) => ({
          label: s.reason.label,
          colour: s.reason.colour,
          values: s.counts,
        })),
      },
      table: {
        head: [t('insights_col_month'), ...reasons.series.map((s) => s.reason.label)],
        rows: reasons.buckets.map((b, i) => ({
          head: month(b),
          cells: reasons.series.map((s) => s.counts[i]!),
        })),
      },
    },
    ...amounts.map((chart): Card => ({
      id: `amount-${chart.currency || 'none'}`,
      title: t('insights_amount_title', chart.currency || t('insights_no_currency')),
      summary: chart.summary,
      chart: {
        kind: 'bars',
        labels: chart.rows.map((r) => r.reason.label),
        // A series per reason, each filling its own bar, so each bar has its reason's colour.
        series: chart.rows.map((r, i) => ({
          label: r.reason.label,
          colour: r.reason.colour,
          values: chart.rows.map((_, j) => (i === j ? r.amount : null)),
        })),
        yFormat: (v) => compactFormat.format(v),
      },
      table: {
        head: [t('insights_col_reason'), t('insights_col_amount'), t('insights_col_deals')],
        rows: chart.rows.map((r) => ({
          head: r.reason.label,
          cells: [formatAmount(r.amount, chart.currency || undefined), r.deals],
        })),
      },
    })),
    {
      id: 'control',
      title: t('insights_control_title'),
      summary: control.summary,
      chart: {
        kind: 'lines',
        labels: monthLabels,
        series: [
          {
            label: t('insights_col_in_control'),
            colour: ACCENT,
            values: control.part.map((part, i) =>
              control.whole[i] ? part / control.whole[i]! : null,
            ),
          },
        ],
        yRange: [0, 1],
        yFormat: (v) => percentFormat.format(v),
      },
      table: perMonth(t('insights_col_in_control'), (i) => [
        shareCell(control.part[i]!, control.whole[i]!),
      ]),
    },
    {
      id: 'feeling',
      title: t('insights_feeling_title'),
      summary: feeling.summary,
      chart: {
        kind: 'lines',
        labels: monthLabels,
        series: [{ label: t('insights_col_feeling'), colour: ACCENT, values: feeling.mean }],
        yRange: [1, 5],
      },
      table: {
        head: [t('insights_col_month'), t('insights_col_feeling'), t('insights_col_feeling_n')],
        rows: feeling.buckets.map((b, i) => {
          const mean = feeling.mean[i];
          return {
            head: month(b),
            cells: [
              mean === null || mean === undefined ? NONE : feelingFormat.format(mean),
              feeling.n[i]!,
            ],
          };
        }),
      },
    },
    {
      id: 'plans',
      title: t('insights_plans_title'),
      summary: plans.summary,
      chart: {
        kind: 'bars',
        labels: monthLabels,
        series: [{ label: t('insights_col_plans'), colour: ACCENT, values: plans.part }],
      },
      table: perMonth(t('insights_col_plans'), (i) => [shareCell(plans.part[i]!, plans.whole[i]!)]),
    },
  ];
}

function InsightCard({ card }: { card: Card }) {
  const titleId = `insight-${card.id}-title`;
  return (
    <article class="card insight" aria-labelledby={titleId} data-testid={`insight-${card.id}`}>
      <h3 id={titleId}>{card.title}</h3>
      <p class="insight-summary">{card.summary}</p>
      <Chart spec={card.chart} />
      <details>
        <summary>{t('insights_show_table')}</summary>
        <table class="insight-table">
          <caption>{card.title}</caption>
          <thead>
            <tr>
              {card.table.head.map((head) => (
                <th key={head} scope="col">
                  {head}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {card.table.rows.map((row) => (
              <tr key={row.head}>
                <th scope="row">{row.head}</th>
                {row.cells.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </article>
  );
}

/**
 * Reasons changed after the fact ("what did I learn later?"): a table only, no chart: a few
 * pairs of reasons, each with its count, read best as rows.
 */
function DriftCard({ drift }: { drift: DriftTable }) {
  return (
    <article class="card insight" aria-labelledby="insight-drift-title" data-testid="insight-drift">
      <h3 id="insight-drift-title">{t('insights_drift_title')}</h3>
      <p class="insight-summary">{drift.summary}</p>
      <table class="insight-table" aria-labelledby="insight-drift-title">
        <thead>
          <tr>
            <th scope="col">{t('insights_drift_col_from')}</th>
            <th scope="col">{t('insights_drift_col_to')}</th>
            <th scope="col">{t('insights_col_lessons')}</th>
          </tr>
        </thead>
        <tbody>
          {drift.rows.map((row) => (
            <tr key={`${row.from.key}→${row.to.key}`}>
              <th scope="row">{row.from.label}</th>
              <td class="insight-text">{row.to.label}</td>
              <td>{row.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {drift.more > 0 && <p class="muted">{t('insights_drift_more', drift.more)}</p>}
    </article>
  );
}

/**
 * Insights (issue #10 item 4): progress and patterns of the lessons the library's filters match
 * (`ids`, in order; undefined: every lesson), never a win rate. Each chart has its summary in
 * words and the same numbers as a table.
 */
export function Insights({ ids }: { ids?: string[] }) {
  const template = useTemplate();
  const read = useInsights(ids, template);
  const cards = useMemo(() => (read.state === 'ready' ? cardsOf(read.insights) : []), [read]);
  return (
    <section aria-labelledby="insights-title" class="insights">
      {/* Its heading is above the library's search and filters, which apply here too. */}
      <p class="muted">{t('insights_intro')}</p>
      {read.state === 'reading' && (
        <p role="status" class="row">
          <progress
            max={read.total || undefined}
            value={read.read}
            aria-labelledby="insights-reading"
          />
          <span id="insights-reading">
            {t('insights_reading', [countFormat.format(read.read), countFormat.format(read.total)])}
          </span>
        </p>
      )}
      {read.state === 'error' && <p class="status error">{t('insights_read_error', read.error)}</p>}
      {read.state === 'ready' && read.insights.total === 0 && (
        <p class="muted">{ids ? t('insights_empty_filtered') : t('insights_empty')}</p>
      )}
      {read.state === 'ready' && read.insights.total > 0 && (
        <>
          {cards.map((card) => (
            <InsightCard key={card.id} card={card} />
          ))}
          {read.insights.amounts.length === 0 && <p class="muted">{read.insights.amountsEmpty}</p>}
          {read.insights.drift.rows.length > 0 && <DriftCard drift={read.insights.drift} />}
        </>
      )}
    </section>
  );
}
