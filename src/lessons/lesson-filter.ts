import { z } from 'zod';
import { reasonOf, type Template } from './template';

/**
 * What the library shows: a search, filters and a sort, kept in the URL (`#library?crm=hubspot`)
 * so a view can be bookmarked, shared between tabs and restored by Back. Within one facet the
 * values are alternatives (HubSpot or Pipedrive); facets combine (HubSpot and Price / value).
 */
export const LIBRARY_SORTS = ['newest', 'oldest', 'amount', 'relevance'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

const day = z.iso.date();
const list = z.array(z.string().min(1).max(200)).max(100);

export const LessonFilterSchema = z.object({
  q: z.string().max(200).optional(),
  crm: list.default([]),
  outcome: list.default([]),
  reason: list.default([]),
  /** Reason groups (src/lessons/reasons.ts): every reason of the group. */
  group: list.default([]),
  control: z.enum(['yes', 'no']).optional(),
  /** Local calendar days, both included. */
  from: day.optional(),
  to: day.optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  tag: list.default([]),
  plan: z.enum(['yes', 'no']).optional(),
  sort: z.enum(LIBRARY_SORTS).optional(),
});
export type LessonFilter = z.infer<typeof LessonFilterSchema>;

export const EMPTY_FILTER: LessonFilter = LessonFilterSchema.parse({});

const LIST_KEYS = ['crm', 'outcome', 'reason', 'group', 'tag'] as const;
const TEXT_KEYS = ['q', 'control', 'from', 'to', 'plan', 'sort'] as const;
const NUMBER_KEYS = ['min', 'max'] as const;
/** The order keys are written in, so one view has one URL. */
const KEY_ORDER = ['q', ...LIST_KEYS, 'control', 'from', 'to', 'min', 'max', 'plan', 'sort'];

/**
 * Reads a filter from a URL query. A URL is typed, pasted and edited by hand: each key is read
 * on its own and a value that does not parse is dropped, never the whole view.
 */
export function parseFilter(query: string): LessonFilter {
  const params = new URLSearchParams(query);
  const raw: Record<string, unknown> = {};
  for (const key of LIST_KEYS) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length) raw[key] = [...new Set(values)];
  }
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value) raw[key] = value;
  }
  for (const key of NUMBER_KEYS) {
    const value = params.get(key);
    if (value !== null && value.trim() !== '') raw[key] = Number(value);
  }
  const kept: Record<string, unknown> = {};
  const shape = LessonFilterSchema.shape;
  for (const [key, value] of Object.entries(raw)) {
    const field = shape[key as keyof typeof shape].safeParse(value);
    if (field.success) kept[key] = field.data;
  }
  return LessonFilterSchema.parse(kept);
}

/** The URL query of a filter (without `?`), keys in a fixed order; empty for no filter. */
export function filterQuery(filter: LessonFilter): string {
  const params = new URLSearchParams();
  for (const key of KEY_ORDER) {
    const value = filter[key as keyof LessonFilter];
    if (Array.isArray(value)) for (const v of value) params.append(key, v);
    else if (value !== undefined && value !== '') params.append(key, String(value));
  }
  return params.toString();
}

/** The search text, or undefined when there is nothing to search for. */
export function searchText(filter: LessonFilter): string | undefined {
  return filter.q?.trim() || undefined;
}

/** The sort in effect: by relevance while searching, unless another was chosen. */
export function effectiveSort(filter: LessonFilter): LibrarySort {
  if (filter.sort === 'relevance') return searchText(filter) ? 'relevance' : 'newest';
  return filter.sort ?? (searchText(filter) ? 'relevance' : 'newest');
}

/** Whether anything narrows the list (the search or a filter; the sort does not). */
export function isFiltered(filter: LessonFilter): boolean {
  return filterQuery({ ...filter, sort: undefined }) !== '';
}

/**
 * The stored reason ids a filter's reason, group and control choices admit, or undefined when
 * they admit every lesson. A lesson keeps the reason id it was written with; a merged reason
 * counts as the one it went into, so "Price / value" also finds lessons written as a reason
 * merged into it.
 */
export function admittedReasons(filter: LessonFilter, template: Template): string[] | undefined {
  const byReason = filter.reason.length > 0 || filter.group.length > 0;
  if (!byReason && !filter.control) return undefined;
  return Object.keys(template.reasons).filter((id) => {
    const reason = reasonOf(template, id);
    if (!reason) return false;
    const chosen =
      !byReason || filter.reason.includes(reason.id) || filter.group.includes(reason.group);
    const control = !filter.control || reason.controllable === (filter.control === 'yes');
    return chosen && control;
  });
}

/** A local calendar day's first instant, as stored dates are written (ISO, UTC). */
const startOfDay = (date: string, offsetDays = 0) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + offsetDays).toISOString();
};

/** The filter's days as a half-open range of stored `createdAt` values: [from, to). */
export function createdRange(filter: LessonFilter): { from?: string; to?: string } {
  return {
    from: filter.from ? startOfDay(filter.from) : undefined,
    to: filter.to ? startOfDay(filter.to, 1) : undefined,
  };
}

/**
 * A filter resolved against the user's template: what the database and the search worker are
 * asked, both by the same rules (src/db/lesson-query.ts, src/lessons/lesson-catalog.ts).
 */
export type LessonQuery = {
  text?: string;
  crm: string[];
  outcome: string[];
  /** Stored reason ids admitted; undefined admits every lesson. */
  reasons?: string[];
  /** Half-open range of `createdAt`. */
  from?: string;
  to?: string;
  min?: number;
  max?: number;
  tags: string[];
  plan?: 'yes' | 'no';
  sort: LibrarySort;
};

export function toLessonQuery(filter: LessonFilter, template: Template): LessonQuery {
  return {
    text: searchText(filter),
    crm: filter.crm,
    outcome: filter.outcome,
    reasons: admittedReasons(filter, template),
    ...createdRange(filter),
    min: filter.min,
    max: filter.max,
    tags: filter.tag,
    plan: filter.plan,
    sort: effectiveSort(filter),
  };
}

/** Removes one value of a list facet, or a whole single-valued facet. */
export function withoutChip(
  filter: LessonFilter,
  key: keyof LessonFilter,
  value?: string,
): LessonFilter {
  const current = filter[key];
  if (Array.isArray(current)) return { ...filter, [key]: current.filter((v) => v !== value) };
  return { ...filter, [key]: undefined };
}
