import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterMarkupTokens, stripAdapterMarkup } from './strip';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const fixtures = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter(
  (file) => file.endsWith('.html') && !file.startsWith('custom'),
);

/** The page's text without its scripts and styles (which are renamed along with the markup). */
function shownText(doc: Document): string {
  doc.querySelectorAll('script, style').forEach((el) => el.remove());
  return doc.body.textContent ?? '';
}

describe('the stripped variant of the sandbox pages', () => {
  it("takes its names from the adapters' selectors", () => {
    const tokens = adapterMarkupTokens();
    expect(tokens.attributes).toEqual(expect.arrayContaining(['data-test-id', 'data-zcqa']));
    expect(tokens.classes).toContain('slds-path__item');
    expect(tokens.tags).toContain('lightning-formatted-text');
    // What the page does is not markup: form names, slots, roles, drag and drop.
    for (const kept of ['name', 'slot', 'role', 'draggable', 'aria-label'])
      expect(tokens.attributes).not.toContain(kept);
  });

  it('renames a name everywhere it stands whole, the same way each time, and nothing else', () => {
    const html = `<div data-test-id="stage" class="slds-path__item slds-path__item-x">Closed lost</div>
      <input name="opp11" id="opp11"><script>$('[data-test-id="stage"]')</script>`;
    const out = stripAdapterMarkup(html);
    expect(out).not.toMatch(/data-test-id|"slds-path__item |id="opp11"/);
    expect(out).toContain('slds-path__item-x');
    expect(out).toContain('name="opp11"');
    expect(out).toContain('>Closed lost<');
    const renamed = /<div ([\w-]+)="stage"/.exec(out)![1]!;
    expect(out).toContain(`$('[${renamed}="stage"]')`);
  });

  it.each(fixtures)('%s: no adapter selector finds anything in it', (file) => {
    const html = readFileSync(join(FIXTURES, file), 'utf8');
    const doc = new DOMParser().parseFromString(stripAdapterMarkup(html), 'text/html');
    const before = new DOMParser().parseFromString(html, 'text/html');
    const { attributes, classes } = adapterMarkupTokens();
    const css = [...attributes.map((a) => `[${a}]`), ...classes.map((c) => `.${c}`)].join(', ');
    expect(doc.querySelectorAll(css)).toHaveLength(0);
    // The page is the same page: the text it shows is all still there.
    expect(shownText(doc)).toBe(shownText(before));
  });
});
