import MiniSearch, { type SearchOptions } from 'minisearch';
import type { SearchDocument } from './search-document';

/**
 * One spelling of a word for indexing and for the search box alike: lower case, accents
 * folded ("déjà" is found by "deja"), so a seller typing fast on any keyboard still finds it.
 */
export function foldTerm(term: string): string {
  return term
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/**
 * Prefix matching from the third letter (one or two letters would match half the library and
 * cost the most), typos forgiven from the fifth, every word required, deal and company first.
 */
const SEARCH_OPTIONS: SearchOptions = {
  prefix: (term) => term.length >= 3,
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  combineWith: 'AND',
  boost: { deal: 3, company: 2, tags: 2, facts: 1.5 },
};

export function createLessonIndex(): MiniSearch<SearchDocument> {
  return new MiniSearch<SearchDocument>({
    fields: ['deal', 'company', 'answers', 'facts', 'tags'],
    processTerm: (term) => foldTerm(term) || null,
    searchOptions: SEARCH_OPTIONS,
  });
}

/** Adds or replaces lessons' documents. */
export function upsertDocuments(index: MiniSearch<SearchDocument>, docs: SearchDocument[]) {
  for (const doc of docs) if (index.has(doc.id)) index.discard(doc.id);
  index.addAll(docs);
}

export function removeDocuments(index: MiniSearch<SearchDocument>, ids: string[]) {
  for (const id of ids) if (index.has(id)) index.discard(id);
}

/** The most hits whose matched words are gathered for highlighting. */
const TERMS_FROM = 200;

export type SearchHits = { ids: string[]; terms: string[] };

/** Every hit, best first, and the words they matched (for highlighting). */
export function searchLessons(index: MiniSearch<SearchDocument>, text: string): SearchHits {
  const results = index.search(text);
  const terms = new Set<string>();
  for (const result of results.slice(0, TERMS_FROM))
    for (const term of result.terms) terms.add(term);
  return { ids: results.map((r) => String(r.id)), terms: [...terms] };
}
