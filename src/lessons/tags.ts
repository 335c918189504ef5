import { TAG_MAX } from './schema';

/** Tags compare ignoring case (and how an accent was typed): "Q4 push" and "q4 PUSH" are one. */
export const tagKey = (tag: string): string => tag.normalize('NFC').toLowerCase();

/**
 * A tag as it is kept: trimmed, inner spaces collapsed, at most TAG_MAX characters (never
 * splitting an emoji in two); undefined when nothing is left.
 */
export function normaliseTag(text: string): string | undefined {
  let tag = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (tag.length > TAG_MAX) {
    const end = /[\uD800-\uDBFF]/.test(tag[TAG_MAX - 1]!) ? TAG_MAX - 1 : TAG_MAX;
    tag = tag.slice(0, end).trimEnd();
  }
  return tag || undefined;
}

/** The tags typed or pasted into one field: a comma separates them, as it does while typing. */
export function splitTags(text: string): string[] {
  return text.split(',').flatMap((part) => normaliseTag(part) ?? []);
}

/** `tags` with `added` after them, each once ignoring case; the first spelling stays. */
export function addTags(tags: readonly string[], added: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of [...tags, ...added]) {
    const tag = normaliseTag(raw);
    if (!tag || seen.has(tagKey(tag))) continue;
    seen.add(tagKey(tag));
    result.push(tag);
  }
  return result;
}

/** `tags` without any of `removed`, ignoring case. */
export function removeTags(tags: readonly string[], removed: readonly string[]): string[] {
  const gone = new Set(removed.map(tagKey));
  return tags.filter((tag) => !gone.has(tagKey(tag)));
}

/**
 * The spelling a tag already has elsewhere, so that typing "enterprise" on one lesson joins the
 * "Enterprise" the others carry instead of starting a second tag.
 */
export function knownSpelling(tag: string, known: readonly string[]): string {
  return known.find((other) => tagKey(other) === tagKey(tag)) ?? tag;
}

/**
 * Known tags for what is typed, for autocomplete: those that start with it first, then those that
 * contain it, each alphabetically, case-insensitive; none already on the lesson (`exclude`).
 * Empty text offers every known tag.
 */
export function tagSuggestions(
  known: readonly string[],
  typed: string,
  exclude: readonly string[] = [],
  limit = 8,
): string[] {
  const wanted = tagKey(typed.trim());
  const candidates = removeTags(addTags([], known), exclude).sort((a, b) =>
    a.localeCompare(b, undefined, { sensitivity: 'base' }),
  );
  const prefix = candidates.filter((tag) => tagKey(tag).startsWith(wanted));
  const inside = candidates.filter(
    (tag) => !tagKey(tag).startsWith(wanted) && tagKey(tag).includes(wanted),
  );
  return [...prefix, ...inside].slice(0, limit);
}
