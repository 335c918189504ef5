/**
 * `npm run zip:verify`: the sources zip rebuilds the same Firefox add-on, as Firefox's review
 * will try (https://extensionworkshop.com/documentation/publish/source-code-submission/).
 * Makes the Firefox zip and the sources zip (`wxt zip -b firefox`), unpacks the sources into a
 * temporary folder, runs `npm ci` and `npx wxt build -b firefox` there, and compares the build
 * with this one: the same files with the same bytes, or the list of what differs. Slow (a
 * clean `npm ci`): not part of `npm test`.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { unzipSync } from 'fflate';

const ROOT = resolve(import.meta.dirname, '../..');

function run(command: string, cwd: string): void {
  console.log(`$ ${command}   (in ${cwd})`);
  execSync(`nice ${command}`, { cwd, stdio: 'inherit' });
}

/** Every file under `dir`, as paths relative to it, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** The Firefox build folder WXT wrote under `root` (firefox-mv2 or firefox-mv3). */
function firefoxBuild(root: string): string {
  const found = readdirSync(join(root, '.output')).filter((name) => name.startsWith('firefox-'));
  if (found.length !== 1) throw new Error(`Expected one Firefox build in ${root}, found ${found}`);
  return join(root, '.output', found[0]!);
}

const started = Date.now();
run('npx wxt zip -b firefox', ROOT);
const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const sourcesZip = join(ROOT, '.output', `${name}-${version}-sources.zip`);
const sources = unzipSync(readFileSync(sourcesZip));
const dir = mkdtempSync(join(tmpdir(), 'rebound-sources-'));
try {
  for (const [path, bytes] of Object.entries(sources)) {
    if (path.endsWith('/')) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  console.log(`${Object.keys(sources).length} files from ${relative(ROOT, sourcesZip)} in ${dir}`);
  run('npm ci --no-audit --no-fund', dir);
  run('npx wxt build -b firefox', dir);

  const original = firefoxBuild(ROOT);
  const rebuilt = firefoxBuild(dir);
  const before = filesUnder(original);
  const after = filesUnder(rebuilt);
  const missing = before.filter((file) => !after.includes(file));
  const extra = after.filter((file) => !before.includes(file));
  const changed = before.filter(
    (file) =>
      after.includes(file) &&
      !readFileSync(join(original, file)).equals(readFileSync(join(rebuilt, file))),
  );
  const seconds = Math.round((Date.now() - started) / 1000);
  if (missing.length || extra.length || changed.length) {
    console.error(
      `The sources zip does not rebuild the same add-on (${seconds} s):\n` +
        `  missing from the rebuild: ${missing.join(', ') || 'none'}\n` +
        `  only in the rebuild: ${extra.join(', ') || 'none'}\n` +
        `  different bytes: ${changed.join(', ') || 'none'}`,
    );
    process.exitCode = 1;
  } else {
    console.log(
      `The sources zip rebuilds the same add-on: ${before.length} files in ` +
        `${relative(ROOT, original)}, byte for byte (${seconds} s).`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
