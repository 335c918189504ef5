import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LessonCatalog } from '../lessons/lesson-catalog';
import fc from 'fast-check';
import {
  filterQuery,
  LessonFilterSchema,
  parseFilter,
  toLessonQuery,
} from '../lessons/lesson-filter';
import { OUTCOME_IDS } from '../lessons/outcomes';
import type { Lesson } from '../lessons/schema';
import { resolveTemplate } from '../lessons/template';
import { ReboundDatabase } from './database';
import {
  crmsInUse,
  lessonsByIds,
  lessonsVersion,
  matchingLessonIds,
  tagsInUse,
} from './lesson-query';

const template = resolveTemplate(undefined);
let n = 0;
const lesson = (overrides: Partial<Lesson>): Lesson => {
  n++;
  const stamp = new Date(Date.UTC(2026, 0, n, 12)).toISOString();
  return {
    id: crypto.randomUUID(),
    createdAt: stamp,
    updatedAt: stamp,
    schemaVersion: 1,
    crm: 'hubspot',
    dealName: `Deal ${n}`,
    outcome: 'competitor',
    answers: {},
    ...overrides,
  };
};

let db: ReboundDatabase;
let a: Lesson, b: Lesson, c: Lesson, d: Lesson;
beforeEach(async () => {
  db = new ReboundDatabase(`test-${crypto.randomUUID()}`);
  n = 0;
  a = lesson({ reason: 'competitor.price-value', amount: 5_000, tags: ['q4'] });
  b = lesson({
    crm: 'pipedrive',
    outcome: 'no-decision',
    reason: 'no-decision.no-access',
    amount: 40_000,
    answers: { planCue: 'procurement leads', planAction: 'find the sponsor' },
    tags: ['enterprise', 'q4'],
  });
  c = lesson({ crm: 'zoho', reason: 'bad-fit.timing' });
  d = lesson({ amount: 12_000, answers: { planAction: 'ask about budget earlier' } });
  await db.lessons.bulkAdd([a, b, c, d]);
});
afterEach(async () => {
  await db.delete();
});

/** The index queries' answer, checked against the in-memory catalog's: the two must agree. */
const ids = async (url: string, searched?: string[]) => {
  const query = toLessonQuery(parseFilter(url), template);
  const fromIndexes = await matchingLessonIds(db, query, searched);
  const catalog = new LessonCatalog();
  catalog.upsert(await db.lessons.toArray());
  expect(catalog.query(query, searched)).toEqual(fromIndexes);
  return fromIndexes;
};

describe('matchingLessonIds and the catalog', () => {
  it('lists every lesson newest first, oldest first, or by amount with the rest last', async () => {
    expect(await ids('')).toEqual([d.id, c.id, b.id, a.id]);
    expect(await ids('sort=oldest')).toEqual([a.id, b.id, c.id, d.id]);
    expect(await ids('sort=amount')).toEqual([b.id, d.id, a.id, c.id]);
  });

  it('combines facets, each value of one facet an alternative', async () => {
    expect(await ids('crm=hubspot&crm=zoho')).toEqual([d.id, c.id, a.id]);
    expect(await ids('crm=hubspot&outcome=competitor&tag=q4')).toEqual([a.id]);
    expect(await ids('tag=enterprise&tag=q4')).toEqual([b.id, a.id]);
    expect(await ids('group=no-decision')).toEqual([b.id]);
    expect(await ids('control=yes')).toEqual([b.id]);
    expect(await ids('control=no')).toEqual([c.id, a.id]);
  });

  it('filters by days, amount range and plan', async () => {
    const day = (l: Lesson) => {
      const date = new Date(l.createdAt);
      const pad = (x: number) => String(x).padStart(2, '0');
      return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
    };
    expect(await ids(`from=${day(b)}&to=${day(c)}`)).toEqual([c.id, b.id]);
    expect(await ids('min=10000')).toEqual([d.id, b.id]);
    expect(await ids('min=1000&max=12000')).toEqual([d.id, a.id]);
    expect(await ids('plan=yes')).toEqual([d.id, b.id]);
    expect(await ids('plan=no')).toEqual([c.id, a.id]);
  });

  it('narrows search hits, keeping their relevance order unless a sort is chosen', async () => {
    const hits = [a.id, d.id, b.id];
    expect(await ids('q=budget', hits)).toEqual([a.id, d.id, b.id]);
    expect(await ids('q=budget&crm=hubspot', hits)).toEqual([a.id, d.id]);
    expect(await ids('q=budget&sort=oldest', hits)).toEqual([a.id, b.id, d.id]);
  });
});

describe('the library’s other reads', () => {
  it('reads rows in the order asked, skipping a lesson deleted meanwhile', async () => {
    await db.lessons.delete(b.id);
    expect((await lessonsByIds(db, [c.id, b.id, a.id])).map((l) => l.id)).toEqual([c.id, a.id]);
  });

  it('lists tags and CRMs in use from their indexes', async () => {
    expect(await tagsInUse(db)).toEqual(['enterprise', 'q4']);
    expect(await crmsInUse(db)).toEqual(['hubspot', 'pipedrive', 'zoho']);
  });

  it('changes its version on an add, an edit and a delete', async () => {
    const first = await lessonsVersion(db);
    await db.lessons.update(a.id, { updatedAt: '2027-01-01T00:00:00.000Z' });
    const edited = await lessonsVersion(db);
    expect(edited.key).not.toBe(first.key);
    await db.lessons.delete(c.id);
    expect(await lessonsVersion(db)).toEqual({
      count: 3,
      key: expect.not.stringMatching(edited.key),
    });
  });
});

describe('the index queries and the in-memory catalog', () => {
  const crms = ['hubspot', 'pipedrive', 'zoho'];
  const reasons = ['competitor.price-value', 'no-decision.no-access', 'bad-fit.timing'];
  const tags = ['q4', 'enterprise', 'EMEA'];
  const days = ['2026-01-01', '2026-01-02', '2026-02-10'];
  const lessonArb = fc.record({
    id: fc.uuid({ version: 4 }),
    createdAt: fc.constantFrom(...days.map((d) => `${d}T10:00:00.000Z`)),
    crm: fc.constantFrom(...crms),
    outcome: fc.constantFrom(...OUTCOME_IDS),
    reason: fc.option(fc.constantFrom(...reasons), { nil: undefined }),
    amount: fc.option(fc.constantFrom(0, 500, 12_000, 12_000.5), { nil: undefined }),
    tags: fc.option(fc.subarray(tags, { minLength: 1 }), { nil: undefined }),
    plan: fc.constantFrom('', 'ask the CFO', undefined),
  });
  const filterArb = fc.record({
    crm: fc.subarray(crms),
    outcome: fc.subarray([...OUTCOME_IDS]),
    reason: fc.subarray(reasons),
    group: fc.subarray(['competitor', 'bad-fit']),
    control: fc.constantFrom(undefined, 'yes', 'no'),
    from: fc.constantFrom(undefined, ...days),
    to: fc.constantFrom(undefined, ...days),
    min: fc.constantFrom(undefined, 0, 12_000),
    max: fc.constantFrom(undefined, 500, 12_000),
    tag: fc.subarray(tags),
    plan: fc.constantFrom(undefined, 'yes', 'no'),
    sort: fc.constantFrom(undefined, 'newest', 'oldest', 'amount'),
  });

  it('agree on every filter and sort, ties and missing fields included', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(lessonArb, { selector: (l) => l.id, maxLength: 25 }),
        filterArb,
        async (rows, filter) => {
          await db.lessons.clear();
          await db.lessons.bulkAdd(
            rows.map(({ plan, ...row }) => ({
              ...row,
              updatedAt: row.createdAt,
              schemaVersion: 1 as const,
              dealName: 'Deal',
              answers: plan === undefined ? {} : ({ planAction: plan } as Record<string, string>),
            })),
          );
          const url = filterQuery(LessonFilterSchema.parse(filter));
          await ids(url);
        },
      ),
      { numRuns: 60 },
    );
  });
});
