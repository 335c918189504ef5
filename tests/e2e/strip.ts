/**
 * The "markup never seen" variant of every sandbox page (issue #8, item 3). Real CRMs rename
 * their test ids, classes and components without notice; the adapters' selectors were written
 * from our own imitations, so a test on those imitations alone shares their assumptions. This
 * transform renames, everywhere in a fixture (its markup, its CSS and its script alike, so the
 * page still works as before), every attribute, id, class and custom-element name that any
 * adapter's selectors use. What a page does — the requests it sends, what it shows — stays.
 *
 * Kept as they are, because they are what the page does rather than how it is marked up: form
 * field `name`s (the CRM's server reads them from the form post), `slot` (shadow DOM places the
 * content by it), `role`, `aria-*`, `type`, `href`, `for`, `value` and standard tag names (the
 * page's behaviour and accessibility tree). Detection must hold on what is left: the CRM's own
 * save request, and the generic readers.
 */
import * as dynamics from '../../src/crm/dynamics/selectors';
import * as hubspot from '../../src/crm/hubspot/selectors';
import * as pipedrive from '../../src/crm/pipedrive/selectors';
import * as salesforce from '../../src/crm/salesforce/selectors';
import * as zoho from '../../src/crm/zoho/selectors';
import type { NamedSelector } from '../../src/detection/types';

const FUNCTIONAL_ATTRIBUTES = new Set([
  'name',
  'slot',
  'role',
  'type',
  'href',
  'for',
  'value',
  'draggable',
]);
const isFunctional = (attribute: string) =>
  FUNCTIONAL_ATTRIBUTES.has(attribute) || attribute.startsWith('aria-');

function isNamedSelector(value: unknown): value is NamedSelector {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as NamedSelector).css) &&
    typeof (value as NamedSelector).name === 'string'
  );
}

/** Every selector string the adapters declare, however deeply their modules nest them. */
function adapterSelectors(): string[] {
  const found: string[] = [];
  const visit = (value: unknown) => {
    if (isNamedSelector(value)) found.push(...value.css);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  [dynamics, hubspot, pipedrive, salesforce, zoho].forEach(visit);
  return found;
}

export type MarkupTokens = {
  attributes: string[];
  ids: string[];
  classes: string[];
  tags: string[];
};

/** The names the adapters' selectors rely on, sorted longest first (so no name eats another). */
export function adapterMarkupTokens(selectors = adapterSelectors()): MarkupTokens {
  const attributes = new Set<string>();
  const ids = new Set<string>();
  const classes = new Set<string>();
  const tags = new Set<string>();
  for (const css of selectors) {
    // Attribute selectors' values are left: renaming the attribute already hides them.
    const bare = css.replace(/\[([\w-]+)[^\]]*\]/g, (_all, attribute: string) => {
      if (!isFunctional(attribute)) attributes.add(attribute);
      return ' ';
    });
    for (const [, id] of bare.matchAll(/#([\w-]+)/g)) ids.add(id!);
    for (const [, name] of bare.matchAll(/\.([\w-]+)/g)) classes.add(name!);
    // Custom elements (Lightning's components): standard tags have no hyphen.
    for (const [, tag] of bare.matchAll(/(?:^|[\s>+~(,])([a-z][\w]*-[\w-]+)/g)) tags.add(tag!);
  }
  const sorted = (set: Set<string>) => [...set].sort((a, b) => b.length - a.length);
  return {
    attributes: sorted(attributes),
    ids: sorted(ids),
    classes: sorted(classes),
    tags: sorted(tags),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name no adapter knows, the same for the same name (so the page's own script still finds it). */
function renamed(token: string): string {
  let hash = 0;
  for (const char of token) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `${token.includes('-') ? 'x' : 'x-'}${hash.toString(36)}-${token.length}`;
}

/**
 * The fixture with every adapter-known name renamed wherever it stands as a whole name (not as
 * part of a longer one): `data-test-id="stage"` and `$('[data-test-id="stage"]')` alike.
 */
export function stripAdapterMarkup(html: string, tokens = adapterMarkupTokens()): string {
  // Form field names are what the CRM's server reads: set aside, then put back unchanged.
  const names: string[] = [];
  let out = html.replace(
    /\bname="[^"]*"/g,
    (attribute) => `\uE000${names.push(attribute) - 1}\uE000`,
  );
  for (const token of [...tokens.attributes, ...tokens.ids, ...tokens.classes, ...tokens.tags]) {
    const whole = new RegExp(`(?<![\\w-])${escapeRegExp(token)}(?![\\w-])`, 'g');
    out = out.replace(whole, renamed(token));
  }
  return out.replace(/\uE000(\d+)\uE000/g, (_all, index: string) => names[Number(index)]!);
}
