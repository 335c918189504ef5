import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapters } from './registry';

const ROOT = resolve(import.meta.dirname, '../..');

// One content script per CRM, so a tab carries only its own adapter (issue #8): a CRM in the
// registry without its entry would get no content script at all.
describe('content script entry points', () => {
  it.each(adapters.map((a) => [a.id]))('%s has its own, importing only its adapter', (id) => {
    const file = resolve(ROOT, `entrypoints/${id}.content.ts`);
    expect(existsSync(file)).toBe(true);
    const source = readFileSync(file, 'utf8');
    expect(source).toContain(`from '../src/crm/${id}'`);
    expect(source).not.toContain('registry');
  });
});
