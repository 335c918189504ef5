import type { LessonQuery } from './lesson-filter';
import { PLAN_ACTION } from './questions';
import type { Lesson } from './schema';

/** What the library filters and sorts by, of one lesson: a few fields, not its answers. */
type Facets = {
  id: string;
  createdAt: string;
  crm: string;
  outcome: string;
  reason?: string;
  amount?: number;
  tags?: string[];
  plan: boolean;
};

/**
 * Every lesson's facets in memory, for the library's search worker: at 50,000 lessons a filter
 * or sort is a pass over an array (milliseconds), where IndexedDB needs seconds to list one
 * index's keys. It follows the same rules as the index queries of src/db/lesson-query.ts (a
 * property test holds the two together).
 */
export class LessonCatalog {
  private byId = new Map<string, Facets>();
  /** Facets newest first; rebuilt after a change, on the next query. */
  private newest: Facets[] | undefined;

  get size(): number {
    return this.byId.size;
  }

  ids(): IterableIterator<string> {
    return this.byId.keys();
  }

  upsert(lessons: Lesson[]): void {
    for (const lesson of lessons)
      this.byId.set(lesson.id, {
        id: lesson.id,
        createdAt: lesson.createdAt,
        crm: lesson.crm,
        outcome: lesson.outcome,
        reason: lesson.reason,
        amount: lesson.amount,
        tags: lesson.tags,
        plan: (lesson.answers[PLAN_ACTION] ?? '') !== '',
      });
    this.newest = undefined;
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) this.byId.delete(id);
    this.newest = undefined;
  }

  /**
   * The ids a query matches, in its order. `searched` are the search's hits, best first: they
   * are the order for `relevance` and narrow any other sort.
   */
  query(query: LessonQuery, searched?: string[]): string[] {
    const matches = predicate(query);
    const hits = searched && new Set(searched);
    const keep = (f: Facets | undefined): f is Facets =>
      f !== undefined && matches(f) && (!hits || hits.has(f.id));
    if (query.sort === 'relevance' && searched)
      return searched
        .map((id) => this.byId.get(id))
        .filter(keep)
        .map((f) => f.id);
    const newest = this.sorted();
    if (query.sort === 'oldest')
      return newest
        .filter(keep)
        .map((f) => f.id)
        .reverse();
    if (query.sort !== 'amount') return newest.filter(keep).map((f) => f.id);
    const kept = newest.filter(keep);
    // Largest first (equal amounts by id, as the amount index orders them); lessons without an
    // amount last, newest first.
    const withAmount = kept.filter((f) => f.amount !== undefined);
    withAmount.sort((a, b) => b.amount! - a.amount! || cmp(b.id, a.id));
    return [...withAmount, ...kept.filter((f) => f.amount === undefined)].map((f) => f.id);
  }

  private sorted(): Facets[] {
    // Ties newest-first by id descending, as IndexedDB orders equal index keys by primary key
    // (and reversing the ascending list gives descending ids).
    return (this.newest ??= [...this.byId.values()].sort((a, b) =>
      a.createdAt === b.createdAt ? cmp(b.id, a.id) : cmp(b.createdAt, a.createdAt),
    ));
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function predicate(q: LessonQuery): (f: Facets) => boolean {
  const crm = q.crm.length ? new Set(q.crm) : undefined;
  const outcome = q.outcome.length ? new Set(q.outcome) : undefined;
  const reasons = q.reasons && new Set(q.reasons);
  const tags = q.tags.length ? new Set(q.tags) : undefined;
  const amounts = q.min !== undefined || q.max !== undefined;
  return (f) =>
    (!crm || crm.has(f.crm)) &&
    (!outcome || outcome.has(f.outcome)) &&
    (!reasons || (f.reason !== undefined && reasons.has(f.reason))) &&
    (!tags || (f.tags ?? []).some((tag) => tags.has(tag))) &&
    (q.from === undefined || f.createdAt >= q.from) &&
    (q.to === undefined || f.createdAt < q.to) &&
    (!amounts ||
      (f.amount !== undefined &&
        f.amount >= (q.min ?? -Infinity) &&
        f.amount <= (q.max ?? Infinity))) &&
    (q.plan === undefined || f.plan === (q.plan === 'yes'));
}
