// Firefox's add-on review, before a store upload (run by `npm run lint:firefox` after
// `wxt build -b firefox`): addons-linter, the linter AMO and `web-ext lint` run, on the built
// add-on. Fails on any error, warning or notice except the allowed ones below, each with why.
import { spawnSync } from 'node:child_process';

const DIR = process.argv[2] ?? '.output/firefox-mv3';

/**
 * Messages accepted on purpose: { code, file, why }. Empty: the build is clean (the library
 * code the linter flagged is taken out by src/build/library-patches.ts).
 */
const ALLOWED = [];

const run = spawnSync('node_modules/.bin/addons-linter', ['--output', 'json', DIR], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (!run.stdout) {
  console.error(run.stderr || run.error);
  process.exit(1);
}
const report = JSON.parse(run.stdout);
const messages = [...report.errors, ...report.warnings, ...report.notices];
const refused = messages.filter(
  (m) => !ALLOWED.some((a) => a.code === m.code && a.file === m.file),
);
const { errors, warnings, notices } = report.summary;
console.log(`addons-linter ${DIR}: ${errors} errors, ${warnings} warnings, ${notices} notices`);
for (const m of refused) {
  console.error(
    `${m._type} ${m.code} ${m.file ?? ''}:${m.line ?? ''}:${m.column ?? ''} ${m.message}`,
  );
}
if (refused.length > 0) process.exit(1);
