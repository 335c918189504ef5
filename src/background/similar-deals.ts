import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { ReboundDatabase } from '../db/database';
import { forEachLessonPage } from '../db/lesson-pages';
import { lessonsByIds, lessonsVersion } from '../db/lesson-query';
import { clipText } from '../detection/dom';
import { outcomeLabel } from '../lessons/outcomes';
import { OTHER_REASON_ANSWER, planText } from '../lessons/questions';
import type { Lesson } from '../lessons/schema';
import {
  bestMatches,
  explain,
  FeatureIndex,
  lessonFeatures,
  openDeal,
} from '../lessons/similarity';
import { reasonLabel, resolveTemplate } from '../lessons/template';
import type { DealMatches, DealOpen, LessonCard } from '../messaging/messages';
import { lostMatcher, wonMatcher } from '../settings/stage-labels';
import { comeBackItem, lostLabelsItem, templateItem, wonLabelsItem } from '../settings/store';
import type { DetectionLog } from './detection-log';

/** Lessons of similar deals a page shows at most (the chip's panel stays compact). */
export const SIMILAR_CARDS = 3;
/** "Not helpful" answers kept; the oldest are let go first. */
export const NOT_HELPFUL_LIMIT = 1000;

const NotHelpfulSchema = z.object({
  crm: z.string().min(1).max(40),
  dealId: z.string().min(1).max(200),
  lessonId: z.uuid(),
  at: z.number(),
});
type NotHelpful = z.infer<typeof NotHelpfulSchema>;

/**
 * Lessons the user said were not helpful for a deal, oldest first: never offered for that deal
 * again. In storage.local (never sent anywhere), its own key so writing it wakes no settings
 * watcher.
 */
export const notHelpfulItem = storage.defineItem<unknown>('local:similarNotHelpful', {
  fallback: [],
});

/** What is stored, through the schema: entries that no longer parse are left out. */
export async function readNotHelpful(): Promise<NotHelpful[]> {
  const stored = await notHelpfulItem.getValue();
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry) => {
    const parsed = NotHelpfulSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * What the background knows of every lesson for matching: one LessonFeatures per lesson, read
 * from Dexie in pages the first time a deal page asks, then kept current by the cheap
 * `lessonsVersion` (a count and the latest `updatedAt`) checked on each request: lessons changed
 * since are read by the `updatedAt` index alone; a count that still differs (a lesson deleted,
 * or imported with an older date) reads everything again.
 */
function featureIndex(db: ReboundDatabase) {
  let features = new FeatureIndex();
  let key: string | undefined;
  let latest = '';
  let refreshing: Promise<void> | undefined;
  const add = (lessons: Lesson[]) => {
    for (const lesson of lessons) {
      features.set(lessonFeatures(lesson));
      if (lesson.updatedAt > latest) latest = lesson.updatedAt;
    }
  };
  const rebuild = async () => {
    features = new FeatureIndex();
    latest = '';
    await forEachLessonPage(db, undefined, add);
  };
  const refresh = async () => {
    const version = await lessonsVersion(db);
    if (version.key === key) return;
    if (key === undefined) await rebuild();
    else {
      add(await db.lessons.where('updatedAt').aboveOrEqual(latest).toArray());
      if (features.size !== version.count) await rebuild();
    }
    key = version.key;
  };
  return {
    /** The features of every lesson, current as of this call. */
    async current(): Promise<FeatureIndex> {
      // One refresh at a time: two tabs opening deals at once share it.
      refreshing ??= refresh().finally(() => (refreshing = undefined));
      await refreshing;
      return features;
    },
  };
}

export type SimilarDeals = {
  /** What an open deal's page is offered: the cue card and the similar lessons, or nothing. */
  matchesFor(request: DealOpen, tabId?: number): Promise<DealMatches | undefined>;
  /** "Not helpful": the lesson is not offered for that deal again. */
  notHelpful(answer: Omit<NotHelpful, 'at'>): Promise<void>;
};

export type SimilarDealsDeps = {
  db: ReboundDatabase;
  log: DetectionLog;
  now?: () => number;
  /** The plan whose cue this deal shows now (the "cues" part of issue #11), when there is one. */
  cueFor?: (deal: DealOpen, now: number) => Promise<LessonCard | undefined>;
};

/** A stored lesson as a card of the chip's panel: only what it shows, cut to the schema. */
function lessonCard(
  lesson: Lesson,
  why: string[],
  template: ReturnType<typeof resolveTemplate>,
): LessonCard {
  const reason =
    reasonLabel(template, lesson.reason, lesson.answers[OTHER_REASON_ANSWER]) ||
    outcomeLabel(lesson.outcome);
  return {
    lessonId: lesson.id,
    dealName: lesson.dealName,
    reason: clipText(reason, 200),
    plan: clipText(planText(lesson.answers), 2000),
    createdAt: lesson.createdAt,
    why: why.slice(0, 6).map((w) => clipText(w, 200)!),
  };
}

/**
 * Lessons of similar deals for open deals' pages (issue #11). Every answer is a line of the
 * detection log ("similar lessons: 2 (same company)", "no similar lessons", "off in settings",
 * "lost deal"), so the options page and the browser tests see each decision.
 */
export function openSimilarDeals({
  db,
  log,
  now = Date.now,
  cueFor,
}: SimilarDealsDeps): SimilarDeals {
  const index = featureIndex(db);
  let writing: Promise<void> = Promise.resolve();
  return {
    async matchesFor(request, tabId) {
      const { crm, dealId, deal } = request;
      const decide = (similar: 'found' | 'none' | 'off' | 'lost' | 'won', more = {}) =>
        log.add({ kind: 'similar', crm, dealId, tabId, similar, ...more });
      const [{ value: comeBack }, { value: lost }, { value: won }] = await Promise.all([
        comeBackItem.load(),
        lostLabelsItem.load(),
        wonLabelsItem.load(),
      ]);
      // A closed deal has nothing left to win: its lessons are for the reflection, if any.
      if (lostMatcher(lost)(deal.stage)) return void decide('lost');
      if (wonMatcher(won)(deal.stage)) return void decide('won');
      const cue = await cueFor?.(request, now());
      if (!comeBack.similarDeals || comeBack.similarDealsOffIn.includes(crm)) {
        decide('off');
        return cue && { cue, similar: [] };
      }
      const refused = new Set(
        (await readNotHelpful())
          .filter((n) => n.crm === crm && n.dealId === dealId)
          .map((n) => n.lessonId),
      );
      const open = openDeal(crm, dealId, deal);
      const features = await index.current();
      const matches = bestMatches(open, features.candidates(open), SIMILAR_CARDS, (id) =>
        refused.has(id),
      );
      if (matches.length === 0) {
        decide('none');
        return cue && { cue, similar: [] };
      }
      const template = resolveTemplate((await templateItem.load()).value);
      const shown = await lessonsByIds(
        db,
        matches.map((m) => m.lessonId),
      );
      const found = new Map(shown.map((lesson) => [lesson.id, lesson]));
      const similar = matches.flatMap((match) => {
        const lesson = found.get(match.lessonId);
        return lesson ? [lessonCard(lesson, match.why.map(explain), template)] : [];
      });
      // Lessons deleted since the index last looked are simply not there.
      if (similar.length === 0) decide('none');
      else decide('found', { matches: similar.length, why: similar[0]!.why });
      return similar.length > 0 || cue ? { cue, similar } : undefined;
    },
    notHelpful(answer) {
      const entry = NotHelpfulSchema.parse({ ...answer, at: now() });
      // One write at a time: two answers at once must not lose each other.
      const write = writing.then(async () => {
        const kept = (await readNotHelpful()).filter(
          (n) => n.crm !== entry.crm || n.dealId !== entry.dealId || n.lessonId !== entry.lessonId,
        );
        await notHelpfulItem.setValue([...kept, entry].slice(-NOT_HELPFUL_LIMIT));
      });
      writing = write.catch(() => undefined);
      return write;
    },
  };
}
