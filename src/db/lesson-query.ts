import type { Collection, IndexableType, InsertType } from 'dexie';
import type { Lesson } from '../lessons/schema';
import { PLAN_ACTION } from '../lessons/questions';
import type { LessonQuery, LibrarySort } from '../lessons/lesson-filter';
import type { ReboundDatabase } from './database';

type Lessons = Collection<Lesson, string, InsertType<Lesson, 'id'>>;
type KeySet = Set<string>;

/**
 * The library's queries over Dexie's indexes. Each facet reads one index for primary keys only
 * (no record is deserialised; one key range each, which IndexedDB answers with getAllKeys where
 * `anyOf` would walk a cursor), the key sets are intersected and the order comes from the sort's
 * index. The library asks its search worker's in-memory catalog (src/lessons/lesson-catalog.ts)
 * once that is ready, and these while it is not; both follow the same rules.
 */
const keys = (collection: Lessons) => collection.primaryKeys().then((k) => new Set<string>(k));

async function anyOf(db: ReboundDatabase, index: string, values: IndexableType[]): Promise<KeySet> {
  const sets = await Promise.all(values.map((v) => keys(db.lessons.where(index).equals(v))));
  return sets.length === 1 ? sets[0]! : new Set(sets.flatMap((set) => [...set]));
}

/** The primary keys each of the query's facets admits; absent facets admit everything. */
async function facetKeys(db: ReboundDatabase, q: LessonQuery) {
  const t = db.lessons;
  const reads: Promise<KeySet>[] = [];
  if (q.crm.length) reads.push(anyOf(db, 'crm', q.crm));
  if (q.outcome.length) reads.push(anyOf(db, 'outcome', q.outcome));
  if (q.reasons) reads.push(anyOf(db, 'reason', q.reasons));
  if (q.tags.length) reads.push(anyOf(db, 'tags', q.tags));
  if (q.from || q.to)
    reads.push(keys(t.where('createdAt').between(q.from ?? '', q.to ?? '\uffff', true, false)));
  if (q.min !== undefined || q.max !== undefined)
    reads.push(keys(t.where('amount').between(q.min ?? -Infinity, q.max ?? Infinity, true, true)));
  const planned = () => keys(t.where(`answers.${PLAN_ACTION}`).above(''));
  if (q.plan === 'yes') reads.push(planned());
  const [sets, exclude] = await Promise.all([
    Promise.all(reads),
    q.plan === 'no' ? planned() : undefined,
  ]);
  return { sets, exclude };
}

/** Every lesson id in the sort's order. Lessons without an amount come last by amount. */
async function orderedIds(db: ReboundDatabase, sort: Exclude<LibrarySort, 'relevance'>) {
  const byDate = await db.lessons.orderBy('createdAt').primaryKeys();
  if (sort === 'oldest') return byDate;
  byDate.reverse();
  if (sort === 'newest') return byDate;
  const byAmount = (await db.lessons.orderBy('amount').primaryKeys()).reverse();
  const withAmount = new Set(byAmount);
  return [...byAmount, ...byDate.filter((id) => !withAmount.has(id))];
}

/**
 * The ids of the lessons a query matches, in its sort order. `searched` are the search's hits
 * in relevance order when the query searches; the facets narrow them. Sorting by relevance
 * without hits is newest first.
 */
export async function matchingLessonIds(
  db: ReboundDatabase,
  query: LessonQuery,
  searched?: string[],
): Promise<string[]> {
  const sort = query.sort === 'relevance' && !searched ? 'newest' : query.sort;
  const { sets, exclude } = await facetKeys(db, query);
  const base = sort === 'relevance' ? searched! : await orderedIds(db, sort);
  const hits = searched && sort !== 'relevance' ? new Set(searched) : undefined;
  // The smallest set first: most ids fail there.
  sets.sort((a, b) => a.size - b.size);
  return base.filter(
    (id) => (!hits || hits.has(id)) && !exclude?.has(id) && sets.every((set) => set.has(id)),
  );
}

/**
 * The ids of the first lessons of the whole library in date order, from the index alone (no
 * record is read): what the library shows at once, before every id is known. The rows on
 * screen are then read whole, once, by the list.
 */
export function firstLessonIds(
  db: ReboundDatabase,
  sort: 'newest' | 'oldest',
  limit: number,
): Promise<string[]> {
  const byDate = db.lessons.orderBy('createdAt');
  return (sort === 'newest' ? byDate.reverse() : byDate).limit(limit).primaryKeys();
}

/** The lessons of `ids`, in that order, skipping any deleted meanwhile. */
export async function lessonsByIds(db: ReboundDatabase, ids: string[]): Promise<Lesson[]> {
  const found = await db.lessons.bulkGet(ids);
  return found.filter((lesson): lesson is Lesson => lesson !== undefined);
}

/** Every tag in use, sorted, from the multi-entry index (no lesson is read). */
export async function tagsInUse(db: ReboundDatabase): Promise<string[]> {
  return (await db.lessons.orderBy('tags').uniqueKeys()) as string[];
}

/** Every CRM with lessons, from the index. */
export async function crmsInUse(db: ReboundDatabase): Promise<string[]> {
  return (await db.lessons.orderBy('crm').uniqueKeys()) as string[];
}

/**
 * A cheap signal that the lessons changed, here or in another page (a lesson saved by the
 * background): the count and the latest change. Read through Dexie's liveQuery it re-runs on
 * every write to the table, which costs a count and one index step, not a read of the table.
 */
export async function lessonsVersion(db: ReboundDatabase): Promise<LessonsVersion> {
  const [count, latest] = await Promise.all([
    db.lessons.count(),
    db.lessons.orderBy('updatedAt').lastKey(),
  ]);
  return { count, key: `${count}:${String(latest ?? '')}` };
}

/** `key` changes with every add, edit and delete; `count` is the number of lessons. */
export type LessonsVersion = { count: number; key: string };
