import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIREFOX_EXTENSION_DIR } from './firefox';
import { EXTENSION_DIR, ROOT } from './harness';

/*
 * What add-on review reads in the built bundles (src/build/library-patches.ts takes it out):
 * no code from strings, no HTML written from a value. An empty string clearing an element
 * (Preact's `innerHTML = ''`) writes no HTML and is allowed, as addons-linter allows it.
 */
const EVAL = /\bnew Function\b|\bFunction\(|=\s*Function\b|\beval\(/;
const HTML_FROM_VALUE = /\.(?:inner|outer)HTML\s*=(?!=)\s*(?!(?:``|''|"")[,;)}])/;

function scripts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => join(dir, file));
}

describe.each([
  ['Chrome', EXTENSION_DIR],
  ['Firefox', FIREFOX_EXTENSION_DIR],
])('the %s build', (_, dir) => {
  const files = scripts(dir);

  it('has bundles to read (it was built)', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('contains no Function constructor nor eval in any bundle', () => {
    const offending = files.filter((file) => EVAL.test(readFileSync(file, 'utf8')));
    expect(offending.map((file) => relative(ROOT, file))).toEqual([]);
  });

  it('writes no HTML from a value in any bundle', () => {
    const offending = files.filter((file) => HTML_FROM_VALUE.test(readFileSync(file, 'utf8')));
    expect(offending.map((file) => relative(ROOT, file))).toEqual([]);
  });
});
