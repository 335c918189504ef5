/**
 * `npm run bench`: the built extension in Chromium, against the same pages without it. Writes
 * bench/results.json and prints a table. Each figure is the median of RUNS runs (with min and
 * max); a with/without comparison is made within one run, the two alternating in order.
 * Later issues add figures: each is one entry of DETECTION below or of the library's
 * measurements (bench/library.ts). BENCH_ONLY and BENCH_LESSONS make partial runs (below).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { format, resolveConfig } from 'prettier';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { CHROMIUM } from '../tests/e2e/chromium';
import { installBusyPage } from './busy-page';
import { FULL_LESSONS, lessonCount, libraryBench } from './library';
import { similarBench } from './similar';
import {
  initScript,
  median,
  percentile,
  RUNS,
  type Browsers,
  type Figure,
  type Measurement,
} from './measure';
import {
  chooseStage,
  EXTENSION_DIR,
  hubspotDealUrl,
  launchExtension,
  launchWithoutExtension,
  promptOn,
  ROOT,
  serveHubSpot,
} from '../tests/e2e/harness';

const IDLE_MS = 10_000;
const BURSTS = 100;
const BURST_SIZE = 100;
const BURST_GAP_MS = 20;
const DEALS_PER_RUN = 10;

type Result = Figure & { median?: number; min?: number; max?: number; pass?: boolean };

/** Renderer main-thread time of one page, from CDP Performance.getMetrics (ms). */
async function mainThread(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return { script: get('ScriptDuration'), task: get('TaskDuration') };
  };
}

let nextDeal = 900_000;

/** Alternates which browser goes first, so neither always gets the warmer machine. */
const inTurn = async <T>(
  run: number,
  browsers: Browsers,
  fn: (c: BrowserContext) => Promise<T>,
) => {
  const order = run % 2 ? (['without', 'with'] as const) : (['with', 'without'] as const);
  const out = {} as Record<'with' | 'without', T>;
  for (const which of order) out[which] = await fn(browsers[which]);
  return out;
};

const injectedAtLoad: Measurement = async () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    content_scripts?: { matches: string[]; js?: string[] }[];
  };
  // A string: MatchPattern tests for `Location`, which Node does not have.
  const url = hubspotDealUrl();
  const files = (manifest.content_scripts ?? [])
    .filter((cs) => cs.matches.some((p) => new MatchPattern(p).includes(url)))
    .flatMap((cs) => cs.js ?? []);
  const bytes = files.map((f) => readFileSync(join(EXTENSION_DIR, f)));
  const raw = bytes.reduce((sum, b) => sum + b.length, 0);
  const gzip = bytes.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
  const note = files.join(', ');
  // The build is deterministic: one value stands for every run.
  return [
    { name: 'injected at load, raw', unit: 'kB', runs: [raw / 1000], note },
    { name: 'injected at load, gzip', unit: 'kB', runs: [gzip / 1000], budget: { max: 15 }, note },
  ];
};

const idlePage: Measurement = async (browsers) => {
  const script = { with: [] as number[], without: [] as number[], ext: [] as number[] };
  const task = { with: [] as number[], without: [] as number[], ratio: [] as number[] };
  for (let run = 0; run < RUNS; run++) {
    const r = await inTurn(run, browsers, async (context) => {
      const page = await context.newPage();
      const read = await mainThread(page);
      await page.goto(hubspotDealUrl({ dealId: String(nextDeal++) }));
      await page.waitForTimeout(IDLE_MS);
      const m = await read();
      await page.close();
      return m;
    });
    script.with.push(r.with.script);
    script.without.push(r.without.script);
    script.ext.push(r.with.script - r.without.script);
    task.with.push(r.with.task);
    task.without.push(r.without.task);
    task.ratio.push(r.with.task / r.without.task);
  }
  const over = 'load + 10 s idle';
  return [
    { name: `idle deal page: script, with extension (${over})`, unit: 'ms', runs: script.with },
    { name: `idle deal page: script, without (${over})`, unit: 'ms', runs: script.without },
    { name: `idle deal page: extension script (${over})`, unit: 'ms', runs: script.ext },
    { name: `idle deal page: main thread, with (${over})`, unit: 'ms', runs: task.with },
    { name: `idle deal page: main thread, without (${over})`, unit: 'ms', runs: task.without },
    { name: 'idle deal page: main thread, with ÷ without', unit: '×', runs: task.ratio },
  ];
};

function busyPage(stage: 'found' | 'not found'): Measurement {
  return async (browsers) => {
    const perBurst: number[] = [];
    const ratio: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const r = await inTurn(run, browsers, async (context) => {
        const page = await context.newPage();
        await page.addInitScript(initScript(installBusyPage, stage === 'found' ? 'found' : 'none'));
        await page.goto(hubspotDealUrl({ dealId: String(nextDeal++) }));
        // Let the page and the content script finish loading: only the bursts are measured.
        await page.waitForTimeout(1000);
        const read = await mainThread(page);
        const before = await read();
        await page.evaluate(
          ([bursts, size, gap]) =>
            (window as unknown as { __benchBursts(...a: number[]): Promise<void> }).__benchBursts(
              bursts!,
              size!,
              gap!,
            ),
          [BURSTS, BURST_SIZE, BURST_GAP_MS],
        );
        const after = await read();
        await page.close();
        return { script: after.script - before.script, task: after.task - before.task };
      });
      perBurst.push((r.with.script - r.without.script) / BURSTS);
      ratio.push(r.with.task / r.without.task);
    }
    const what = `busy page, stage ${stage}`;
    return [
      {
        name: `${what}: extension script per ${BURST_SIZE}-mutation burst`,
        unit: 'ms',
        runs: perBurst,
        budget: { max: 0.3 },
      },
      { name: `${what}: main thread, with ÷ without`, unit: '×', runs: ratio },
    ];
  };
}

/**
 * In the page: from the click on "Closed lost" to the frame after the prompt's dialog is in the
 * page (its host is added by the content script, the panel script renders into it).
 */
function watchLossToPrompt(): void {
  const w = window as unknown as {
    __clickAt?: number;
    __lostShownAt?: number;
    __promptAt?: Promise<number>;
  };
  addEventListener(
    'click',
    (e) => {
      const option = (e.target as Element).closest?.('[role="option"]');
      if (option?.textContent?.trim() === 'Closed lost') w.__clickAt = performance.now();
    },
    true,
  );
  w.__promptAt = new Promise((resolve) => {
    const seen = () => {
      const stage = document.querySelector('[data-test-id="dropdown-toggle-text"]');
      if (w.__clickAt && !w.__lostShownAt && /Closed lost/.test(stage?.textContent ?? ''))
        w.__lostShownAt = performance.now();
      const host = document.querySelector('rebound-prompt');
      if (!host?.shadowRoot?.querySelector('[role="dialog"]')) return false;
      requestAnimationFrame(() => resolve(performance.now()));
      return true;
    };
    const observer = new MutationObserver(() => seen() && observer.disconnect());
    addEventListener('DOMContentLoaded', () =>
      observer.observe(document.documentElement, {
        childList: true,
        subtree: true,
        characterData: true,
      }),
    );
  });
}

const lossToPrompt: Measurement = async (browsers) => {
  const medians: number[] = [];
  const p95s: number[] = [];
  const saves: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const latencies: number[] = [];
    const saved: number[] = [];
    for (let deal = 0; deal < DEALS_PER_RUN; deal++) {
      const page = await browsers.with.newPage();
      await page.addInitScript(initScript(watchLossToPrompt, undefined));
      await page.goto(hubspotDealUrl({ dealId: String(nextDeal++) }));
      await chooseStage(page, 'Closed lost');
      await promptOn(page).waitFor({ state: 'visible', timeout: 5000 });
      const times = await page.evaluate(async () => {
        const w = window as unknown as {
          __clickAt: number;
          __lostShownAt: number;
          __promptAt: Promise<number>;
        };
        return { prompt: (await w.__promptAt) - w.__clickAt, save: w.__lostShownAt - w.__clickAt };
      });
      latencies.push(times.prompt);
      saved.push(times.save);
      await page.close();
    }
    medians.push(median(latencies));
    p95s.push(percentile(latencies, 95));
    saves.push(median(saved));
  }
  const over = `${DEALS_PER_RUN} deals a run`;
  return [
    {
      name: `loss → prompt visible, median (${over})`,
      unit: 'ms',
      runs: medians,
      budget: { max: 100 },
    },
    { name: `loss → prompt visible, p95 (${over})`, unit: 'ms', runs: p95s, budget: { max: 200 } },
    {
      name: `of which the sandbox's own save: click → page shows lost, median (${over})`,
      unit: 'ms',
      runs: saves,
    },
  ];
};

/** The detection figures (the extension on CRM pages), in the order of the table. */
const DETECTION: Measurement[] = [
  injectedAtLoad,
  idlePage,
  busyPage('found'),
  busyPage('not found'),
  lossToPrompt,
];

/** BENCH_ONLY=detection, library or similar runs one group (a partial run); unset, all. */
const GROUPS = ['detection', 'library', 'similar'] as const;
function onlyGroup(value = process.env.BENCH_ONLY) {
  if (value === undefined || value === '') return undefined;
  const group = GROUPS.find((g) => g === value);
  if (!group) throw new Error(`BENCH_ONLY must be one of ${GROUPS.join(', ')}, not "${value}"`);
  return group;
}

function summarise(figure: Figure): Result {
  if (figure.error) return { ...figure, pass: false };
  const value = median(figure.runs);
  return {
    ...figure,
    median: value,
    min: Math.min(...figure.runs),
    max: Math.max(...figure.runs),
    ...(figure.budget && { pass: value <= figure.budget.max }),
  };
}

function table(results: Result[]): string {
  const fmt = (n: number | undefined) =>
    n === undefined ? '—' : Math.abs(n) >= 100 ? n.toFixed(0) : n.toPrecision(3);
  const rows = results.map((r) => [
    r.name,
    r.error ? '—' : `${fmt(r.median)} ${r.unit}`,
    r.error ? '' : `${fmt(r.min)} – ${fmt(r.max)}`,
    r.budget ? `≤ ${r.budget.max} ${r.unit}` : '',
    r.error ? 'ERROR' : r.pass === undefined ? '' : r.pass ? 'pass' : 'FAIL',
  ]);
  const head = ['measurement', 'median', 'min – max', 'budget', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  // One line per distinct reason: the figures of one measurement share theirs.
  const errors = [...new Set(results.flatMap((r) => (r.error ? [r.error] : [])))];
  return [
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    ...(errors.length ? ['', 'Not measured:', ...errors.map((e) => `- ${e}`)] : []),
  ].join('\n');
}

async function main() {
  const started = Date.now();
  const only = onlyGroup();
  const lessons = lessonCount();
  const library = libraryBench(lessons);
  const runs = (group: (typeof GROUPS)[number]) => only === undefined || only === group;
  const measurements = [
    ...(runs('detection') ? DETECTION : []),
    ...(runs('library') ? library.measurements : []),
    ...(runs('similar') ? [similarBench] : []),
  ];
  const ext = await launchExtension();
  const plain = await launchWithoutExtension();
  try {
    await serveHubSpot(ext.context);
    await serveHubSpot(plain.context);
    const browsers = { with: ext.context, without: plain.context };
    const results: Result[] = [];
    for (const measure of measurements) {
      for (const figure of await measure(browsers)) results.push(summarise(figure));
    }
    const machine = {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      chromium: execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim(),
      node: process.version,
    };
    const output = {
      date: new Date().toISOString(),
      machine,
      runs: RUNS,
      lessons,
      wallSeconds: Math.round((Date.now() - started) / 1000),
      measurements: results,
    };
    // Only a whole run, every figure measured, replaces the committed results: the README's
    // table is made from them. Any other goes where test runs leave their output.
    const partial = [
      only && `BENCH_ONLY=${only}`,
      lessons !== FULL_LESSONS && `BENCH_LESSONS=${lessons}`,
      results.some((r) => r.error) && 'figures not measured',
    ].filter(Boolean);
    const file = join(
      ROOT,
      partial.length ? 'test-results/bench-results.json' : 'bench/results.json',
    );
    // Formatted as `npm run lint` (Prettier) wants the committed file.
    const json = await format(JSON.stringify(output), {
      ...(await resolveConfig(file)),
      filepath: file,
    });
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, json);
    console.log(table(results));
    console.log(`\n${machine.chromium}, ${machine.cpus} cores; ${output.wallSeconds} s`);
    console.log(
      `Written to ${relative(ROOT, file)}${partial.length ? ` (a partial run: ${partial.join(', ')})` : ''}`,
    );
    if (results.some((r) => r.pass === false)) process.exitCode = 1;
  } finally {
    await library.close();
    await ext.close();
    await plain.close();
  }
}

await main();
