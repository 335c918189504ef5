import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    // Every core: vitest's default leaves one free, which on this two-core machine runs the unit
    // files one at a time (127 s; 88 s on both). The browser tests run one file at a time anyway.
    maxWorkers: availableParallelism(),
    projects: [
      {
        // Pure functions and DOM components, with WXT's fake browser and an in-memory IndexedDB.
        plugins: [WxtVitest({ root })],
        root,
        test: {
          name: 'unit',
          // Beside the source (entry points' own parts too): the test harness's own pure parts
          // (the stripped fixtures), the fixtures' generators (the bench's lessons) and the
          // release scripts' (tests/store: version bump).
          include: [
            'src/**/*.test.{ts,tsx}',
            'entrypoints/**/*.test.{ts,tsx}',
            'tests/e2e/*.test.ts',
            'tests/fixtures/**/*.test.ts',
            'tests/store/*.test.ts',
          ],
          exclude: ['tests/e2e/*.e2e.test.ts', 'tests/e2e/*.firefox.test.ts'],
          environment: 'happy-dom',
          // setup-i18n: browser.i18n.getMessage from the English messages.json.
          setupFiles: ['fake-indexeddb/auto', 'tests/setup-i18n.ts'],
        },
      },
      {
        // The built extension in a real Chromium (tests/e2e/harness.ts). One file at a time: each
        // launches its own browser, and the machine has two cores. The files share one process
        // and its modules (each still has a browser and a profile of its own): Playwright and the
        // harness are loaded once, not once a file (about a second a file).
        root,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          fileParallelism: false,
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The built Firefox add-on in Firefox ESR (tests/e2e/firefox.ts), and the built bundles
        // as add-on review reads them. One browser at a time, like the Chromium tests.
        root,
        test: {
          name: 'firefox',
          include: ['tests/e2e/**/*.firefox.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
