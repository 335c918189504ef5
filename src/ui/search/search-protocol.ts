import { z } from 'zod';
import { LIBRARY_SORTS, type LessonQuery } from '../../lessons/lesson-filter';

/**
 * Messages between the options page and its search worker, parsed on both sides. The worker
 * owns the search index and the catalog of every lesson's facets (reading them at 50,000
 * lessons takes seconds, which would freeze the page); the page asks and shows.
 */
const Labels = z.object({
  reasons: z.record(z.string(), z.string()),
  outcomes: z.record(z.string(), z.string()),
});

const Query = z.object({
  text: z.string().optional(),
  crm: z.array(z.string()),
  outcome: z.array(z.string()),
  reasons: z.array(z.string()).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  tags: z.array(z.string()),
  plan: z.enum(['yes', 'no']).optional(),
  sort: z.enum(LIBRARY_SORTS),
}) satisfies z.ZodType<LessonQuery>;

export const ToSearchWorkerSchema = z.discriminatedUnion('type', [
  /** Read every lesson from the database and index it. */
  z.object({ type: z.literal('build'), labels: Labels }),
  /** Index what changed since the last read (written here or in another page). */
  z.object({ type: z.literal('refresh') }),
  z.object({ type: z.literal('remove'), ids: z.array(z.string()) }),
  z.object({ type: z.literal('query'), seq: z.number().int(), query: Query }),
]);
export type ToSearchWorker = z.infer<typeof ToSearchWorkerSchema>;

export const FromSearchWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), done: z.number().int(), total: z.number().int() }),
  z.object({ type: z.literal('ready'), count: z.number().int(), ms: z.number() }),
  z.object({
    type: z.literal('results'),
    seq: z.number().int(),
    /**
     * The matching ids in order, one per line: one string crosses to the page (and is checked
     * by the schema) in a fraction of the time of an array of 50,000.
     */
    ids: z.string(),
    terms: z.array(z.string()),
    /** Lessons known to the worker, matching or not. */
    total: z.number().int(),
  }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type FromSearchWorker = z.infer<typeof FromSearchWorkerSchema>;
