import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterHostPermissions } from '../../src/crm/registry';
import { EXTENSION_DIR } from './harness';

/**
 * Issue #12 item 4 on what is shipped: the built package (.output/chrome-mv3) has no eval and
 * loads no code from the network, and its manifest asks for no more than it uses. No browser:
 * it is in the e2e project because it reads the build, which `npm test` makes only before the
 * browser tests. (zod's `new Function` probe is removed from the bundles separately, for the
 * Firefox build; it is only ever a feature test, never code from anywhere else.)
 */
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name))
      : /\.(js|mjs|html)$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );

/** Code from anywhere but the package, or text run as code. */
const FORBIDDEN: [name: string, pattern: RegExp][] = [
  ['eval(', /(?<![\w$.])eval\s*\(/],
  ['a remote <script src>', /<script[^>]*\ssrc\s*=\s*["']?(https?:)?\/\//i],
  ['importScripts of a URL', /importScripts\s*\(\s*["'`](https?:)?\/\//],
  ['import() of a URL', /\bimport\s*\(\s*["'`](https?:)?\/\//],
  ['a static import of a URL', /\bfrom\s*["'`]https?:\/\//],
  ['a string run by setTimeout', /\bset(Timeout|Interval)\s*\(\s*["'`]/],
];

const found = (text: string) =>
  FORBIDDEN.filter(([, pattern]) => pattern.test(text)).map(([n]) => n);

describe('the built package', () => {
  it('finds what it looks for (the patterns are not dead)', () => {
    expect(found('x=eval("1")')).toEqual(['eval(']);
    expect(found('<script src="https://cdn.example.com/a.js"></script>')).toEqual([
      'a remote <script src>',
    ]);
    expect(found('importScripts("https://cdn.example.com/w.js")')).toEqual([
      'importScripts of a URL',
    ]);
    expect(found('await import(`//cdn.example.com/m.js`)')).toEqual(['import() of a URL']);
    expect(found('import x from "https://cdn.example.com/m.js"')).toEqual([
      'a static import of a URL',
    ]);
    expect(found('setTimeout("alert(1)", 5)')).toEqual(['a string run by setTimeout']);
    // What the package does have: its own files, relative; a method named like it.
    expect(found('<script type="module" src="/chunks/options.js"></script>')).toEqual([]);
    expect(found('db.evaluate(x); retrieval(y); import("./chunk.js")')).toEqual([]);
  });

  it('has no eval and loads no remote code', () => {
    const scanned = files(EXTENSION_DIR);
    expect(scanned.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(10);
    const offending = scanned.flatMap((file) =>
      found(readFileSync(file, 'utf8')).map((name) => `${relative(EXTENSION_DIR, file)}: ${name}`),
    );
    expect(offending).toEqual([]);
  });

  it('asks for the permissions it uses, the CRM hosts, and sets a strict CSP', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    // Each justified in the README's Permissions (and used: see there for where).
    expect([...manifest.permissions].sort()).toEqual(
      ['alarms', 'notifications', 'scripting', 'storage', 'unlimitedStorage', 'webRequest'].sort(),
    );
    expect(manifest.host_permissions).toEqual(adapterHostPermissions());
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect(manifest.host_permissions.filter((p: string) => /:\/\/\*\//.test(p))).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(manifest.content_security_policy).toEqual({
      extension_pages:
        "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    });
    expect(manifest.web_accessible_resources).toBeUndefined();
  });
});
