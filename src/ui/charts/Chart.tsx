import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './chart.css';

/**
 * One series of a chart: a value per x label (null where there is none, e.g. no feeling). Its
 * colour is a CSS colour, or the name of a custom property of the page (`--rb-accent`), read when
 * drawn so it follows light and dark mode.
 */
export type ChartSeries = { label: string; colour: string; values: (number | null)[] };

/**
 * What a chart draws. `bars`: a bar per label and series (one series, or series that each fill
 * their own labels); `stacked`: the series' bars on top of each other; `lines`: a line per series.
 */
export type ChartSpec = {
  kind: 'bars' | 'stacked' | 'lines';
  labels: string[];
  series: ChartSeries[];
  /** The y axis' range when it is fixed (a share: 0–1, a feeling: 1–5); else 0 to the largest. */
  yRange?: [number, number];
  yFormat?: (value: number) => string;
};

const HEIGHT_PX = 200;
/** A category label longer than this is cut on the axis (the table beside it has it whole). */
const LABEL_MAX = 16;
/** Steps between y ticks for counts: never a tick at 2.5 lessons. */
const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 1e6];

/**
 * Whether this page can draw on a canvas. happy-dom (the unit tests) cannot: the chart is then an
 * empty box, and its section's summary and table, which carry the same data, still render.
 */
function canDraw(): boolean {
  return !!document.createElement('canvas').getContext('2d');
}

const cssColour = (colour: string) => (colour.startsWith('--') ? `var(${colour})` : colour);
const cut = (label: string) =>
  label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1)}…` : label;

/** How far the 2nd, 3rd… series of one colour move towards white (+) or black (−). */
const SHADES = [0.45, -0.35, 0.7, -0.6];

function shade(hex: string, amount: number): string {
  const target = amount > 0 ? 255 : 0;
  const channels = [1, 3, 5].map((at) => {
    const c = parseInt(hex.slice(at, at + 2), 16);
    return Math.round(c + (target - c) * Math.abs(amount));
  });
  return `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The series with colours told apart: reasons of one group share their group's colour until the
 * user recolours one, so the second and later series of a colour are drawn lighter or darker.
 */
function distinct(series: ChartSeries[]): ChartSeries[] {
  const seen = new Map<string, number>();
  return series.map((s) => {
    const repeat = seen.get(s.colour) ?? 0;
    seen.set(s.colour, repeat + 1);
    if (!repeat || !/^#[0-9a-f]{6}$/i.test(s.colour)) return s;
    return { ...s, colour: shade(s.colour, SHADES[(repeat - 1) % SHADES.length]!) };
  });
}

/** Stacked bars: each series' tops added to the ones before, drawn tallest first. */
function drawnSeries(spec: ChartSpec): ChartSeries[] {
  const series = distinct(spec.series);
  if (spec.kind !== 'stacked') return series;
  const sums = spec.labels.map(() => 0);
  const stacked = series.map((s) => ({
    ...s,
    values: s.values.map((v, i) => (sums[i]! += v ?? 0)),
  }));
  return stacked.reverse();
}

function options(UPlot: typeof uPlot, spec: ChartSpec, box: HTMLElement): uPlot.Options {
  const style = getComputedStyle(box);
  // The page's own colours, so the axes read in light and dark mode alike.
  const text = style.color;
  const grid = style.getPropertyValue('--rb-border').trim() || 'rgba(128, 128, 128, 0.3)';
  const gap = getComputedStyle(document.body).backgroundColor;
  const bars = spec.kind !== 'lines';
  const paths = bars ? UPlot.paths.bars!({ size: [0.8, 48], gap: 1 }) : undefined;
  const format = spec.yFormat ?? String;
  const paint = (colour: string) =>
    colour.startsWith('--') ? style.getPropertyValue(colour).trim() : colour;
  return {
    width: box.clientWidth || 600,
    height: HEIGHT_PX,
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: { time: false, range: [-0.5, spec.labels.length - 0.5] },
      // Headroom above the tallest bar, so it never touches the top edge.
      y: { range: (_u, _min, max) => spec.yRange ?? [0, Math.max(1, Math.ceil(max * 1.1))] },
    },
    axes: [
      {
        stroke: text,
        grid: { show: false },
        ticks: { show: false },
        size: 32,
        incrs: [1, 2, 3, 4, 6, 12, 24, 48],
        values: (_u, splits) => splits.map((i) => cut(spec.labels[i] ?? '')),
      },
      {
        stroke: text,
        grid: { stroke: grid, width: 1 },
        ticks: { show: false },
        incrs: spec.yRange ? undefined : COUNT_STEPS,
        values: (_u, splits) => splits.map(format),
      },
    ],
    series: [
      {},
      ...drawnSeries(spec).map((s) => ({
        label: s.label,
        stroke: bars ? gap : paint(s.colour),
        fill: bars ? paint(s.colour) : undefined,
        width: bars ? 1 : 2,
        paths,
        points: { show: !bars, size: 6, fill: paint(s.colour), stroke: paint(s.colour) },
      })),
    ],
  };
}

/**
 * A uPlot chart sized to its container, redrawn when the spec changes and removed with the
 * component. The canvas is hidden from assistive technology: every chart sits beside a summary
 * in words and a table of the same numbers. uPlot is loaded when a chart first draws, so the
 * options page does not carry it until Insights opens.
 */
export function Chart({ spec }: { spec: ChartSpec }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || !canDraw()) return;
    let plot: uPlot | undefined;
    let gone = false;
    const resize = new ResizeObserver(() =>
      plot?.setSize({ width: el.clientWidth, height: HEIGHT_PX }),
    );
    void import('uplot').then(({ default: UPlot }) => {
      if (gone) return;
      const xs = spec.labels.map((_, i) => i);
      const data: uPlot.AlignedData = [xs, ...drawnSeries(spec).map((s) => s.values)];
      plot = new UPlot(options(UPlot, spec, el), data, el);
      resize.observe(el);
    });
    return () => {
      gone = true;
      resize.disconnect();
      plot?.destroy();
    };
  }, [spec]);
  return (
    <div aria-hidden="true" class="chart">
      <div ref={box} class="chart-plot" style={{ minHeight: `${HEIGHT_PX}px` }} />
      {spec.series.length > 1 && (
        <ul class="chart-legend">
          {distinct(spec.series).map((s) => (
            <li key={s.label}>
              <span class="reason-dot" style={{ background: cssColour(s.colour) }} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
