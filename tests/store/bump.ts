/**
 * `npm run version:bump -- <MAJOR.MINOR.PATCH | patch | minor | major>`: the new version in
 * package.json and package-lock.json (WXT builds the manifest's version from package.json), and
 * CHANGELOG.md's Unreleased section moved under it with today's date. Checks everything before
 * writing anything, so a refusal leaves the three files as they were.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  changelogDate,
  nextVersion,
  releaseChangelog,
  withLockfileVersion,
  withPackageVersion,
} from './release';

const ROOT = resolve(import.meta.dirname, '../..');
const spec = process.argv[2];
if (!spec) {
  console.error('Usage: npm run version:bump -- <MAJOR.MINOR.PATCH | patch | minor | major>');
  process.exit(1);
}

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
try {
  const current = (JSON.parse(read('package.json')) as { version: string }).version;
  const version = nextVersion(current, spec);
  const files = {
    'package.json': withPackageVersion(read('package.json'), version),
    'package-lock.json': withLockfileVersion(read('package-lock.json'), version),
    'CHANGELOG.md': releaseChangelog(read('CHANGELOG.md'), version, changelogDate(new Date())),
  };
  for (const [file, text] of Object.entries(files)) writeFileSync(join(ROOT, file), text);
  console.log(`${current} → ${version}: package.json, package-lock.json and CHANGELOG.md.`);
  console.log('The manifest takes it at the next build (`npm run zip`).');
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
