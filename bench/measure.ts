/** What every measurement of `npm run bench` shares: its figures' shape, runs and statistics. */
import type { BrowserContext } from 'playwright-core';

export const RUNS = 5;

export type Budget = { max: number };
/**
 * One named figure with one value per run; `error` instead of values when it could not be
 * measured (a missing UI, say): shown as such, never as a number.
 */
export type Figure = {
  name: string;
  unit: string;
  runs: number[];
  budget?: Budget;
  note?: string;
  error?: string;
};

export type Browsers = { with: BrowserContext; without: BrowserContext };
/** A measurement gives one or more named figures, each with one value per run. */
export type Measurement = (browsers: Browsers) => Promise<Figure[]>;

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
/** Nearest-rank percentile. */
export const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * values.length) - 1)]!;

/**
 * tsx keeps function names by wrapping them in a `__name` helper, which a page does not have:
 * a no-op one, to go before any function of ours that runs in a page. On globalThis: a `var` in
 * an init script of its own stays in that script's scope.
 */
export const NAME_SHIM = 'globalThis.__name = (f) => f;';

/** A function to run in the page before it loads, with its argument. */
export const initScript = <A>(fn: (arg: A) => void, arg: A) => ({
  content: `${NAME_SHIM} (${String(fn)})(${JSON.stringify(arg)});`,
});
