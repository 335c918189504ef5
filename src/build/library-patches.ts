import type { Plugin } from 'vite';

/**
 * Code of our libraries that Rebound never runs but that would still ship in every bundle, and
 * that Firefox's add-on review (addons-linter) reads as eval or as HTML injection. Each patch
 * names the exact text it replaces: when a library update changes that text the build fails
 * here, and the patch is rewritten on purpose rather than silently doing nothing.
 */
export type LibraryPatch = {
  /** The end of the module's resolved path (node_modules/…). */
  module: string;
  /** Why the code can go. */
  why: string;
  find: string | RegExp;
  replace: string;
};

export const LIBRARY_PATCHES: readonly LibraryPatch[] = [
  {
    module: '/node_modules/zod/v4/core/util.js',
    why:
      "zod probes whether `new Function` works, to compile object parsers (its JIT). An extension's " +
      'CSP forbids eval anyway, so the probe always answers false there; answering false without ' +
      'probing keeps every parser on zod’s interpreter, as in the browser today.',
    find: 'try {\n        const F = Function;\n        new F("");\n        return true;\n    }\n    catch (_) {\n        return false;\n    }',
    replace: 'return false;',
  },
  {
    module: '/node_modules/zod/v4/core/doc.js',
    why: 'The JIT itself: only called when the probe above says eval works, which it now never does.',
    find: /compile\(\) \{\n {8}const F = Function;[\s\S]*?return factory\(\.\.\.Object\.values\(this\.closed\)\);\n {4}\}/,
    replace:
      'compile() {\n        throw new Error("Rebound: zod\'s JIT is removed from the bundle (src/build/library-patches.ts)");\n    }',
  },
  {
    module: '/node_modules/preact/dist/preact.module.js',
    why:
      "Preact's dangerouslySetInnerHTML, the one place it writes HTML. Rebound never uses it (eslint " +
      'forbids the prop: CRM text is rendered as text), so using it now fails loudly instead.',
    find: /\((\w+)\.innerHTML=(\w+)\.__html\)/,
    replace:
      '(()=>{throw new Error("Rebound renders no HTML: dangerouslySetInnerHTML is removed (src/build/library-patches.ts)")})()',
  },
];

/** Applies the patches meant for `id` to its code (the code unchanged for any other module). */
export function patchLibraryCode(
  id: string,
  code: string,
  patches: readonly LibraryPatch[] = LIBRARY_PATCHES,
): string {
  const path = id.split('?')[0]!.replaceAll('\\', '/');
  let patched = code;
  for (const patch of patches) {
    if (!path.endsWith(patch.module)) continue;
    const found =
      typeof patch.find === 'string' ? patched.includes(patch.find) : patch.find.test(patched);
    if (!found) {
      throw new Error(
        `${patch.module} no longer has the code src/build/library-patches.ts removes ` +
          `(${patch.why}): update the patch for the library's new version.`,
      );
    }
    patched = patched.replace(patch.find, patch.replace);
  }
  return patched;
}

/** The patches as a Vite plugin, for every build (Chrome and Firefox alike). */
export function libraryPatches(): Plugin {
  return {
    name: 'rebound:library-patches',
    enforce: 'pre',
    transform(code, id) {
      const patched = patchLibraryCode(id, code);
      return patched === code ? null : { code: patched, map: null };
    },
  };
}
