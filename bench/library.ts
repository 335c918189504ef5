/**
 * The library's figures at many lessons (issue #10, item 7): one profile seeded once with
 * generated lessons (tests/fixtures/lessons/generate.ts, tests/e2e/seed.ts) serves the library,
 * popup and export runs; each import run gets a fresh empty profile. BENCH_LESSONS sets the
 * count (50,000 unless told), e.g. BENCH_LESSONS=5000 for a quick run.
 *
 * What the pages must offer to be measured (the UI's side of the contract):
 * - options.html#library: rows `[data-testid="lesson-row"]`; a search `input[type="search"]`;
 *   `[data-testid="library-count"]` with `data-query` (the search text as typed),
 *   `data-filter` (the hash's query string, `crm=pipedrive&outcome=competitor`) and
 *   `data-state="ready"` once what the library shows matches both.
 * - options.html#data: `[data-testid="export-panel"]` with `select[name="format"]` (json, csv),
 *   `[data-testid="export-start"]`, `[data-testid="export-status"]` that gets
 *   `data-state="done"` once the file is handed to the download; `[data-testid="import-file"]`,
 *   `[data-testid="import-preview"]`, `[data-testid="import-confirm"]` and
 *   `[data-testid="import-status"]` that gets `data-state="done"` once the write committed.
 * - popup.html: `[data-testid="popup-lesson"]`, or the list of recent lessons it has today;
 *   `[data-testid="review-card"]` for each lesson due for review (issue #11).
 * A page without its part makes its figures fail with a message saying what is missing: no
 * number is made up. The library's search index must notice lessons written behind Dexie's back
 * (the seeding bypasses Dexie), or its search figures measure an index without them.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { generateLessons } from '../tests/fixtures/lessons/generate';
import { launchExtension, ROOT, type Extension } from '../tests/e2e/harness';
import { countStoredLessons, seedLessons, seedReviews } from '../tests/e2e/seed';
import { backlogReviews } from '../src/lessons/review-schedule';
import {
  initScript,
  median,
  NAME_SHIM,
  RUNS,
  type Budget,
  type Figure,
  type Measurement,
} from './measure';

/** The count the budgets are set at; another one makes a partial run. */
export const FULL_LESSONS = 50_000;

/** BENCH_LESSONS, or the full count. */
export function lessonCount(value = process.env.BENCH_LESSONS): number {
  if (value === undefined || value === '') return FULL_LESSONS;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`BENCH_LESSONS must be a whole number of lessons, not "${value}"`);
  }
  return count;
}

const SEED = 1;
/** Typed letter by letter; the generated lessons mention it often ("pricing"). */
const SEARCH_WORD = 'pricing';
/** Filter changes, as the library keeps them in its hash; the last goes back to none. */
const FILTERS = [
  'crm=hubspot',
  'crm=pipedrive&outcome=competitor',
  'outcome=no-decision',
  'crm=salesforce&outcome=bad-fit',
  '',
];
const POPUP_OPENS = 5;
/** How long a part of the UI may take to show in an empty profile before it counts as missing. */
const PROBE_MS = 10_000;
/** How long anything may take at the full count: long enough to give a figure over budget. */
const DEADLINE_MS = 120_000;

const ROW = '[data-testid="lesson-row"]';
const COUNT = '[data-testid="library-count"]';
const RECENT_LABEL = (
  JSON.parse(readFileSync(join(ROOT, 'src/public/_locales/en/messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >
).popup_recent!.message;
const POPUP_LESSON = `[data-testid="popup-lesson"], section[aria-label="${RECENT_LABEL}"] li`;
const REVIEW_CARD = '[data-testid="review-card"]';
/**
 * The review rows are those the v5 upgrade makes for the seeded lessons, as if it had run this
 * many days ago: the backlog's plans have come due a few a day since, so some are due now.
 */
const REVIEW_UPGRADE_DAYS_AGO = 7;

/** A figure's part of the UI is not there: its figures say so instead of giving a number. */
class MissingUi extends Error {}

/** The parts of the UI the figures need, each looked for once in an empty profile. */
const PARTS = {
  library: {
    what: 'The library (issue #10, item 2)',
    path: 'options.html#library',
    selector: `${COUNT}[data-state="ready"]`,
  },
  export: {
    what: 'The export panel (issue #10, item 5)',
    path: 'options.html#data',
    selector: '[data-testid="export-panel"]',
  },
  import: {
    what: 'The import panel (issue #10, item 6)',
    path: 'options.html#data',
    selector: '[data-testid="import-file"]',
  },
} as const;
type Part = keyof typeof PARTS;

/**
 * `first`: the element whose first showing is timed, by page (`/popup.html`); `also`: a second
 * one timed the same way (the popup's first review card).
 */
type Watch = {
  first: Record<string, string>;
  also: Record<string, string>;
  count: string;
  row: string;
  deadlineMs: number;
};
type Want = { attrs: Record<string, string>; rows: boolean };
type InPage = {
  __bench: {
    /** performance.now() at the frame after this page's `first` element was first visible. */
    firstVisible?: Promise<number>;
    /** The same for this page's `also` element. */
    alsoVisible?: Promise<number>;
    /** performance.now() at the frame after library-count shows `want`. */
    shows(want: Want): Promise<number>;
    /** performance.now() at the next keydown. */
    keydown(): Promise<number>;
  };
  __keystroke?: Promise<number>;
};

/**
 * In each page, before it loads: watches (by mutation, not by polling) for the first visible
 * element of the page's `first`, and offers waits for the library's count to show a state.
 */
function installWatch({ first, also, count, row, deadlineMs }: Watch): void {
  const w = window as unknown as InPage;
  const visible = (el: Element | null) =>
    !!el && el.checkVisibility({ visibilityProperty: true }) && el.getClientRects().length > 0;
  const anyVisible = (selector: string) =>
    Array.from(document.querySelectorAll(selector)).some(visible);
  const afterFrame = (resolve: (at: number) => void) =>
    requestAnimationFrame(() => resolve(performance.now()));
  const when = (met: () => boolean, failure: () => string) =>
    new Promise<number>((resolve, reject) => {
      if (met()) return afterFrame(resolve);
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(failure()));
      }, deadlineMs);
      const observer = new MutationObserver(() => {
        if (!met()) return;
        observer.disconnect();
        clearTimeout(timer);
        afterFrame(resolve);
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true });
    });
  const seconds = `${deadlineMs / 1000} s`;
  const timedOf = (selector: string | undefined) =>
    selector === undefined
      ? undefined
      : when(
          () => anyVisible(selector),
          () => `No ${selector} was visible within ${seconds} of navigation`,
        );
  w.__bench = {
    firstVisible: timedOf(first[location.pathname]),
    alsoVisible: timedOf(also[location.pathname]),
    shows: ({ attrs, rows }) => {
      const describe = () => {
        const el = document.querySelector(count);
        return el
          ? JSON.stringify(Object.fromEntries(Array.from(el.attributes, (a) => [a.name, a.value])))
          : 'nothing';
      };
      return when(
        () => {
          const el = document.querySelector(count);
          return (
            !!el &&
            Object.entries(attrs).every(([name, value]) => el.getAttribute(name) === value) &&
            (!rows || anyVisible(row))
          );
        },
        () =>
          `${count} did not show ${JSON.stringify(attrs)}${rows ? ' with rows' : ''} ` +
          `within ${seconds}; it shows ${describe()}`,
      );
    },
    keydown: () =>
      new Promise((resolve) =>
        addEventListener('keydown', () => resolve(performance.now()), {
          capture: true,
          once: true,
        }),
      ),
  };
}

/**
 * Runs `fn` in the page on its window (which has the watch) with `arg`; sent as source, so that
 * the window's type is the watch's.
 */
function inPage<A, R>(page: Page, fn: (w: InPage, arg: A) => R | Promise<R>, arg: A): Promise<R> {
  return page.evaluate(`(${String(fn)})(window, ${JSON.stringify(arg)})`) as Promise<R>;
}

const WATCH: Watch = {
  first: { '/options.html': ROW, '/popup.html': POPUP_LESSON },
  also: { '/popup.html': REVIEW_CARD },
  count: COUNT,
  row: ROW,
  deadlineMs: DEADLINE_MS,
};

/** A launched extension whose pages all carry the watch. */
async function launchWatched(): Promise<Extension> {
  const ext = await launchExtension();
  await ext.context.addInitScript(initScript(installWatch, WATCH));
  // Functions given to page.evaluate come from tsx too.
  await ext.context.addInitScript({ content: NAME_SHIM });
  return ext;
}

/** Each of `parts` that an empty profile's pages do not show, with the sentence that says so. */
async function missingParts(ext: Extension, parts: Part[]) {
  const missing: Partial<Record<Part, string>> = {};
  for (const part of parts) {
    const { what, path, selector } = PARTS[part];
    const page = await ext.openPage(path);
    const shown = await page
      .locator(selector)
      .first()
      .waitFor({ state: 'attached', timeout: PROBE_MS })
      .then(
        () => true,
        () => false,
      );
    await page.close();
    if (!shown) {
      missing[part] =
        `${what} is not built yet: ${path} shows no ${selector} within ${PROBE_MS / 1000} s ` +
        `in an empty profile (see the contract in bench/library.ts)`;
    }
  }
  return missing;
}

type Spec = { name: string; unit: string; budget?: Budget; note?: string };

/**
 * The figures of `specs`, their runs from `measure` (one array per spec); when measuring fails,
 * every figure carries the reason instead.
 */
async function figures(specs: Spec[], measure: () => Promise<number[][]>): Promise<Figure[]> {
  try {
    const runs = await measure();
    return specs.map((spec, i) => ({ ...spec, runs: runs[i]! }));
  } catch (e) {
    if (!(e instanceof MissingUi)) console.error(e);
    const error = e instanceof Error ? e.message : String(e);
    return specs.map((spec) => ({ ...spec, runs: [], error }));
  }
}

/** CDP's figure for the page's JS heap after a full garbage collection, in MB. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
  if (used === undefined) throw new Error('CDP gave no JSHeapUsedSize');
  return used / 1e6;
}

/**
 * The library's measurements at `count` lessons, in the order of the table, and what to close
 * at the end.
 */
export function libraryBench(count: number): {
  measurements: Measurement[];
  close(): Promise<void>;
} {
  const at = `at ${count.toLocaleString('en')} lessons`;
  const files = mkdtempSync(join(tmpdir(), 'rebound-bench-'));
  const opened: Extension[] = [];
  let exported: string | undefined;

  /** The profile seeded once; the parts of the UI it lacks were looked for before seeding. */
  const seeded = (() => {
    let profile:
      | Promise<{
          ext: Extension;
          missing: Partial<Record<Part, string>>;
          seedSeconds: number;
          bytesPerLesson: number;
          reviews: { rows: number; due: number };
        }>
      | undefined;
    return () =>
      (profile ??= (async () => {
        const ext = await launchWatched();
        opened.push(ext);
        const missing = await missingParts(ext, ['library', 'export', 'import']);
        const started = performance.now();
        const lessons = generateLessons(count, SEED);
        const { usageBefore, usageAfter } = await seedLessons(ext, lessons);
        const seedSeconds = (performance.now() - started) / 1000;
        const stored = await countStoredLessons(ext);
        if (stored !== count)
          throw new Error(`Seeded ${count} lessons, the database has ${stored}`);
        const upgradedAt = new Date(Date.now() - REVIEW_UPGRADE_DAYS_AGO * 24 * 3600 * 1000);
        const reviews = backlogReviews(lessons, upgradedAt);
        await seedReviews(ext, reviews);
        const dueNow = reviews.filter((r) => r.due && Date.parse(r.due) <= Date.now()).length;
        console.log(`Seeded ${reviews.length} review rows, ${dueNow} due now`);
        return {
          ext,
          missing,
          seedSeconds,
          bytesPerLesson: (usageAfter - usageBefore) / count,
          reviews: { rows: reviews.length, due: dueNow },
        };
      })());
  })();
  const needs = async (part: Part) => {
    const profile = await seeded();
    const missing = profile.missing[part];
    if (missing) throw new MissingUi(missing);
    return profile.ext;
  };

  const seeding: Measurement = () =>
    figures(
      [
        { name: `setup: generating and seeding ${count.toLocaleString('en')} lessons`, unit: 's' },
        {
          name: 'bytes stored per lesson',
          unit: 'B',
          note: 'navigator.storage.estimate() ÷ count',
        },
      ],
      async () => {
        const profile = await seeded();
        // Seeded once: one value stands for every run.
        return [[profile.seedSeconds], [profile.bytesPerLesson]];
      },
    );

  /** Per run, one fresh library page: first rows, heap, filter changes, then typing a search. */
  const library: Measurement = () =>
    figures(
      [
        { name: `library ${at}: first rows visible`, unit: 'ms', budget: { max: 500 } },
        {
          name: `library ${at}: options page JS heap after GC`,
          unit: 'MB',
          budget: { max: 60 },
          note: 'CDP JSHeapUsedSize once the library is ready; 1 MB = 10⁶ B',
        },
        {
          name: `library ${at}: filter change, median of ${FILTERS.length}`,
          unit: 'ms',
          budget: { max: 100 },
        },
        {
          name: `library ${at}: search per keystroke, median of ${SEARCH_WORD.length}`,
          unit: 'ms',
          budget: { max: 50 },
        },
      ],
      async () => {
        const ext = await needs('library');
        const out = { first: [] as number[], heap: [] as number[], filter: [] as number[] };
        const search: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          const page = await ext.openPage('options.html#library');
          try {
            out.first.push(await inPage(page, (w) => w.__bench.firstVisible!, undefined));
            const ready = { attrs: { 'data-state': 'ready' }, rows: true };
            await inPage(page, (w, want) => w.__bench.shows(want), ready);
            out.heap.push(await heapAfterGc(page));
            const changes: number[] = [];
            for (const filter of FILTERS) {
              const change = async (w: InPage, filter: string) => {
                const shown = w.__bench.shows({
                  attrs: { 'data-filter': filter, 'data-state': 'ready' },
                  rows: true,
                });
                const start = performance.now();
                location.hash = filter ? `#library?${filter}` : '#library';
                return (await shown) - start;
              };
              changes.push(await inPage(page, change, filter));
            }
            out.filter.push(median(changes));
            await page.locator('input[type="search"]').first().click();
            const keystrokes: number[] = [];
            for (let i = 1; i <= SEARCH_WORD.length; i++) {
              const typed = SEARCH_WORD.slice(0, i);
              // Armed before the key is pressed, so the keydown is heard; awaited after.
              const arm = (w: InPage, typed: string) => {
                const shown = w.__bench.shows({
                  attrs: { 'data-query': typed, 'data-state': 'ready' },
                  rows: false,
                });
                w.__keystroke = Promise.all([w.__bench.keydown(), shown]).then(([a, b]) => b - a);
              };
              await inPage(page, arm, typed);
              await page.keyboard.press(typed.at(-1)!);
              keystrokes.push(await inPage(page, (w) => w.__keystroke!, undefined));
            }
            // The generated lessons hold the word: no rows means an index without them, and
            // its timings would be of searching nothing.
            const found = {
              attrs: { 'data-query': SEARCH_WORD, 'data-state': 'ready' },
              rows: true,
            };
            await inPage(page, (w, want) => w.__bench.shows(want), found);
            search.push(median(keystrokes));
          } finally {
            await page.close();
          }
        }
        return [out.first, out.heap, out.filter, search];
      },
    );

  /** The popup opened again and again: its recent lessons and its review (some cards due). */
  const popup: Measurement = () =>
    figures(
      [
        {
          name: `popup ${at}: open → first lesson shown, median of ${POPUP_OPENS}`,
          unit: 'ms',
          budget: { max: 150 },
        },
        {
          name: `popup ${at} with its review: open → first due card shown, median of ${POPUP_OPENS}`,
          unit: 'ms',
          budget: { max: 150 },
        },
      ],
      async () => {
        const { ext, reviews } = await seeded();
        if (reviews.due === 0) throw new Error('No review row is due: the review is not measured');
        const lesson: number[] = [];
        const review: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          const opens: number[] = [];
          const cards: number[] = [];
          for (let i = 0; i < POPUP_OPENS; i++) {
            const page = await ext.openPage('popup.html');
            opens.push(await inPage(page, (w) => w.__bench.firstVisible!, undefined));
            cards.push(await inPage(page, (w) => w.__bench.alsoVisible!, undefined));
            await page.close();
          }
          lesson.push(median(opens));
          review.push(median(cards));
        }
        return [lesson, review];
      },
    );

  /** What a downloaded export holds, counted, so a timing of an empty file is no figure. */
  const exportedCount = (format: 'json' | 'csv', text: string) =>
    format === 'json'
      ? ((JSON.parse(text) as { lessons?: unknown[] }).lessons?.length ?? 0)
      : Papa.parse(text, { header: true, skipEmptyLines: true }).data.length;

  const exportAs =
    (format: 'json' | 'csv'): Measurement =>
    () =>
      figures(
        [{ name: `${format.toUpperCase()} export ${at}`, unit: 's', budget: { max: 2 } }],
        async () => {
          const ext = await needs('export');
          const runs: number[] = [];
          for (let run = 0; run < RUNS; run++) {
            const page = await ext.openPage('options.html#data');
            try {
              const panel = page.getByTestId('export-panel');
              await panel.locator('select[name="format"]').selectOption(format);
              const start = performance.now();
              const [download] = await Promise.all([
                page.waitForEvent('download', { timeout: DEADLINE_MS }),
                page
                  .locator('[data-testid="export-status"][data-state="done"]')
                  .waitFor({ state: 'attached', timeout: DEADLINE_MS }),
                panel.getByTestId('export-start').click(),
              ]);
              runs.push((performance.now() - start) / 1000);
              const file = join(files, `export.${format}`);
              await download.saveAs(file);
              const held = exportedCount(format, readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
              if (held !== count) {
                throw new Error(`The ${format} export holds ${held} lessons, not ${count}`);
              }
              if (format === 'json') exported = file;
            } finally {
              await page.close();
            }
          }
          return [runs];
        },
      );

  /** Per run, a fresh empty profile imports the JSON export. */
  const importJson: Measurement = () =>
    figures(
      [
        { name: `JSON import ${at}, into an empty profile`, unit: 's', budget: { max: 5 } },
        { name: `of which: file chosen → preview shown`, unit: 's' },
        { name: `of which: confirm → written`, unit: 's' },
      ],
      async () => {
        await needs('import');
        if (!exported) throw new Error('No JSON export to import: the JSON export did not run');
        const file = join(files, 'import.json');
        copyFileSync(exported, file);
        const total: number[] = [];
        const preview: number[] = [];
        const write: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          const fresh = await launchWatched();
          try {
            const page = await fresh.openPage('options.html#data');
            const input = page.getByTestId('import-file');
            await input.waitFor({ state: 'attached', timeout: PROBE_MS });
            const chosen = performance.now();
            await input.setInputFiles(file);
            await page.getByTestId('import-preview').waitFor({ timeout: DEADLINE_MS });
            const previewed = performance.now();
            await page.getByTestId('import-confirm').click();
            const confirmed = performance.now();
            await page
              .locator('[data-testid="import-status"][data-state="done"]')
              .waitFor({ state: 'attached', timeout: DEADLINE_MS });
            const written = performance.now();
            const stored = await countStoredLessons(fresh);
            if (stored !== count) throw new Error(`Imported ${stored} lessons, not ${count}`);
            preview.push((previewed - chosen) / 1000);
            write.push((written - confirmed) / 1000);
            total.push((previewed - chosen + written - confirmed) / 1000);
          } finally {
            await fresh.close();
          }
        }
        return [total, preview, write];
      },
    );

  return {
    measurements: [seeding, library, popup, exportAs('json'), exportAs('csv'), importJson],
    async close() {
      for (const ext of opened) await ext.close();
      rmSync(files, { recursive: true, force: true });
    },
  };
}
