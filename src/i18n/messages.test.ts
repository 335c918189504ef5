import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import messages from '../public/_locales/en/messages.json';
import { t } from './t';

type Message = { message?: string; description?: string; placeholders?: Record<string, unknown> };

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const entries = Object.entries(messages as Record<string, Message>);

/** The extension's source (not its tests), as text. */
function sources(): { file: string; text: string }[] {
  return ['src', 'entrypoints'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
      .map((file) => ({
        file: join(dir, file),
        text: readFileSync(join(root, dir, file), 'utf8'),
      })),
  );
}

/** Keys read with t('…'), and the manifest's __MSG_…__ (wxt.config.ts). */
function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  for (const { file, text } of sources())
    for (const match of text.matchAll(/\bt\(\s*'([^']*)'/g)) used.set(match[1]!, file);
  const config = readFileSync(join(root, 'wxt.config.ts'), 'utf8');
  for (const match of config.matchAll(/__MSG_(\w+)__/g)) used.set(match[1]!, 'wxt.config.ts');
  return used;
}

describe('messages.json (English)', () => {
  it('has every key the code reads', () => {
    const missing = [...usedKeys()]
      .filter(([key]) => !(key in messages))
      .map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('has no key the code does not read', () => {
    const used = usedKeys();
    expect(entries.map(([key]) => key).filter((key) => !used.has(key))).toEqual([]);
  });

  it('finds the keys in the code (the scan is not empty)', () => {
    expect(usedKeys().size).toBeGreaterThan(100);
  });

  it('gives every message its text and a description for translators', () => {
    for (const [key, entry] of entries) {
      expect(entry.message?.trim(), key).toBeTruthy();
      expect(entry.description?.trim(), key).toBeTruthy();
    }
  });

  it('uses key names Chrome accepts', () => {
    for (const [key] of entries) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(key.startsWith('@@')).toBe(false);
    }
  });

  it('declares every named placeholder a message uses', () => {
    for (const [key, entry] of entries) {
      const declared = Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase());
      const used = [...(entry.message ?? '').matchAll(/\$(\w+)\$/g)].map((m) =>
        m[1]!.toLowerCase(),
      );
      expect(
        used.filter((name) => !declared.includes(name)),
        key,
      ).toEqual([]);
      expect(
        declared.filter((name) => !used.includes(name)),
        key,
      ).toEqual([]);
    }
  });
});

describe('t', () => {
  it('reads a message, with its substitutions in order', () => {
    expect(t('form_save')).toBe('Save');
    expect(t('prompt_title', 'Acme renewal')).toBe('Lost: Acme renewal');
    expect(t('import_done', ['lessons.json', 2, 1, 0])).toBe(
      'Imported lessons.json: 2 new, 1 updated, 0 already here.',
    );
  });
});
