/**
 * BENCH_ONLY=similar: the lessons of similar deals (issue #11), at 10,000 generated lessons.
 * Measured in Node on the background's own in-memory step, the one run for every deal page once
 * the index is built: scoring every lesson's features against the open deal and keeping the
 * best three (src/lessons/similarity.ts). The Dexie reads around it (the lessonsVersion check,
 * the three cards' lessons) are a count, an index step and a bulkGet, whatever the library size.
 */
import { generateLessons } from '../tests/fixtures/lessons/generate';
import { bestMatches, FeatureIndex, lessonFeatures, openDeal } from '../src/lessons/similarity';
import { median, RUNS, type Measurement } from './measure';

const LESSONS = 10_000;
/** Open deals per run: more deals generated past the lessons, so they resemble them. */
const DEALS = 50;
const REPEATS = 20;

export const similarBench: Measurement = async () => {
  const generated = generateLessons(LESSONS + DEALS);
  const lessons = generated.slice(0, LESSONS);
  const deals = generated.slice(LESSONS).map((lesson) =>
    openDeal(lesson.crm, lesson.dealId ?? lesson.id, {
      dealName: lesson.dealName,
      company: lesson.company,
      amount: lesson.amount,
      currency: lesson.currency,
      stage: lesson.stageBefore,
      pipeline: lesson.tags?.[0],
    }),
  );
  const build: number[] = [];
  const perDeal: number[] = [];
  const found: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const index = new FeatureIndex();
    for (const lesson of lessons) index.set(lessonFeatures(lesson));
    build.push(performance.now() - started);
    const match = (deal: (typeof deals)[number]) => bestMatches(deal, index.candidates(deal), 3);
    const times = deals.map((deal) => {
      const at = performance.now();
      for (let i = 0; i < REPEATS; i++) match(deal);
      return (performance.now() - at) / REPEATS;
    });
    perDeal.push(median(times));
    found.push(median(deals.map((deal) => match(deal).length)));
  }
  const note = `${LESSONS} lessons, ${DEALS} open deals, Node ${process.version}`;
  return [
    {
      name: `similar lessons: match one deal (${LESSONS} lessons)`,
      unit: 'ms',
      runs: perDeal,
      budget: { max: 5 },
      note,
    },
    {
      name: `similar lessons: build the index (${LESSONS} lessons)`,
      unit: 'ms',
      runs: build,
      note,
    },
    { name: 'similar lessons: cards per deal', unit: '', runs: found, note },
  ];
};
