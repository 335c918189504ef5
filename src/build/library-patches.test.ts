import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIBRARY_PATCHES, patchLibraryCode } from './library-patches';

const ROOT = `${resolve(import.meta.dirname, '../..')}/`;
/** A patched module as the build reads it: its installed source, under its resolved path. */
const patched = (module: string) =>
  patchLibraryCode(`${ROOT}${module.slice(1)}`, readFileSync(`${ROOT}${module.slice(1)}`, 'utf8'));

describe('the library patches', () => {
  it.each(LIBRARY_PATCHES.map((patch) => [patch.module]))(
    'leave %s with no Function constructor and no HTML written from a value',
    (module) => {
      // Comments (which name `new Function`) are not code: the build drops them.
      const code = patched(module).replace(/\/\/.*$/gm, '');
      expect(code).not.toMatch(/\bnew Function\b|\bFunction\(|=\s*Function\b/);
      expect(code).not.toMatch(/\.innerHTML=\w+\.__html/);
    },
  );

  it("keep zod's probe answering that eval is not available", () => {
    expect(patched('/node_modules/zod/v4/core/util.js')).toMatch(
      /export const allowsEval = \/\* @__PURE__\*\/ cached\(\(\) => \{[\s\S]*?return false;\n\}\);/,
    );
  });

  it('leave every other module as it is', () => {
    const code = 'const F = Function; new F("");';
    expect(patchLibraryCode('/x/node_modules/other/index.js', code)).toBe(code);
  });

  it('fail the build when a library no longer has the code a patch removes', () => {
    expect(() =>
      patchLibraryCode('/x/node_modules/zod/v4/core/util.js?v=1', 'export const a = 1;'),
    ).toThrow(/no longer has the code/);
  });
});
