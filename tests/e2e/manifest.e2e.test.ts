/**
 * The built manifest as a store reads it (issue #12, items 6 and 9): its version is
 * package.json's (what `npm run version:bump` changes), and the toolbar button and the store
 * listing have every icon size, each file drawn at exactly its size. Reads the build only: no
 * browser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, ROOT } from './harness';

type Manifest = {
  version: string;
  icons: Record<string, string>;
  action: { default_icon: Record<string, string> };
};
const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;
const SIZES = ['16', '32', '48', '128'];

/** A PNG's width and height, from its header (IHDR comes first, at a fixed offset). */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(join(EXTENSION_DIR, file));
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('the built manifest', () => {
  it('has the version of package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(manifest.version).toBe(pkg.version);
  });

  it('lists every icon size for the store and the toolbar, each PNG at its size', () => {
    expect(Object.keys(manifest.icons)).toEqual(SIZES);
    expect(manifest.action.default_icon).toEqual(manifest.icons);
    for (const size of SIZES) {
      expect(pngSize(manifest.icons[size]!), manifest.icons[size]).toEqual([
        Number(size),
        Number(size),
      ]);
    }
  });

  it('ships the PNGs, not the drawings they are made from', () => {
    // Control: the PNGs themselves are in the build.
    expect(() => readFileSync(join(EXTENSION_DIR, 'icon/128.png'))).not.toThrow();
    expect(() => readFileSync(join(EXTENSION_DIR, 'icon/icon.svg'))).toThrow(/ENOENT/);
  });
});
