import type { Collection, IndexableType, InsertType } from 'dexie';
import type { Lesson } from '../lessons/schema';
import { PLAN_ACTION } from '../lessons/questions';
import {
  admittedReasons,
  createdRange,
  effectiveSort,
  type LessonFilter,
  type LibrarySort,
} from '../lessons/lesson-filter';
import type { Template } from '../lessons/template';
import type { ReboundDatabase } from './database';

type Lessons = Collection<Lesson, string, InsertType<Lesson, 'id'>>;
type KeySet = Set<string>;

/**
 * The library's queries. Each filter reads one index for primary keys only (no record is
 * deserialised), the key sets are intersected, and the order comes from the sort's index: a
 * filter change at 50,000 lessons costs a few key reads, and only the rows on screen are read
 * whole (`lessonsByIds`).
 */
const keys = (collection: Lessons) => collection.primaryKeys().then((k) => new Set<string>(k));

/** The primary keys each of the filter's facets admits; absent facets admit everything. */
async function facetKeys(db: ReboundDatabase, filter: LessonFilter, template: Template) {
  const t = db.lessons;
  const anyOf = (index: string, values: IndexableType[]) => keys(t.where(index).anyOf(values));
  const reasons = admittedReasons(filter, template);
  const { from, to } = createdRange(filter);
  const reads: Promise<KeySet>[] = [];
  if (filter.crm.length) reads.push(anyOf('crm', filter.crm));
  if (filter.outcome.length) reads.push(anyOf('outcome', filter.outcome));
  if (reasons) reads.push(anyOf('reason', reasons));
  if (filter.tag.length) reads.push(anyOf('tags', filter.tag));
  if (from || to)
    reads.push(keys(t.where('createdAt').between(from ?? '', to ?? '\uffff', true, false)));
  if (filter.min !== undefined || filter.max !== undefined)
    reads.push(
      keys(t.where('amount').between(filter.min ?? -Infinity, filter.max ?? Infinity, true, true)),
    );
  const planned = () => keys(t.where(`answers.${PLAN_ACTION}`).above(''));
  if (filter.plan === 'yes') reads.push(planned());
  const [sets, exclude] = await Promise.all([
    Promise.all(reads),
    filter.plan === 'no' ? planned() : undefined,
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

export type LessonMatches = {
  /** The matching lesson ids in the order shown. */
  ids: string[];
  /** Lessons in the database, whether they match or not. */
  total: number;
};

/**
 * The ids of the lessons a filter matches, in its sort order. `searched` are the search's hits
 * in relevance order when the filter searches; the facets narrow them. Sorting by relevance
 * without a search is newest first.
 */
export async function matchingLessonIds(
  db: ReboundDatabase,
  filter: LessonFilter,
  template: Template,
  searched?: string[],
): Promise<LessonMatches> {
  const sort = effectiveSort(filter);
  const [{ sets, exclude }, total] = await Promise.all([
    facetKeys(db, filter, template),
    db.lessons.count(),
  ]);
  const base =
    sort === 'relevance' && searched ? searched : await orderedIds(db, sortOrNewest(sort));
  const hits = searched && sort !== 'relevance' ? new Set(searched) : undefined;
  // The smallest set first: most ids fail there.
  sets.sort((a, b) => a.size - b.size);
  const ids = base.filter(
    (id) => (!hits || hits.has(id)) && !exclude?.has(id) && sets.every((set) => set.has(id)),
  );
  return { ids, total };
}

const sortOrNewest = (sort: LibrarySort) => (sort === 'relevance' ? 'newest' : sort);

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
 * background): the count and the latest change. Reading it through Dexie's liveQuery re-runs
 * it on every write to the table, which costs two index reads, not a read of the table.
 */
export async function lessonsVersion(db: ReboundDatabase): Promise<string> {
  const [count, latest] = await Promise.all([
    db.lessons.count(),
    db.lessons.orderBy('updatedAt').lastKey(),
  ]);
  return `${count}:${String(latest ?? '')}`;
}
