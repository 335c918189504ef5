import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { ReboundDatabase } from '../db/database';
import { lessonsByIds } from '../db/lesson-query';
import {
  bestMatches,
  explain,
  FeatureIndex,
  lessonFeatures,
  openDeal,
} from '../lessons/similarity';
import { resolveTemplate } from '../lessons/template';
import type { DealMatches, DealOpen, LessonCard } from '../messaging/messages';
import { lostMatcher, wonMatcher } from '../settings/stage-labels';
import { comeBackItem, lostLabelsItem, templateItem, wonLabelsItem } from '../settings/store';
import type { DetectionLog } from './detection-log';
import { lessonCard } from './lesson-card';
import { parseEach } from './stored-list';
import { lessonsInMemory, type LessonsInMemory } from './lessons-mirror';

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
  return parseEach(await notHelpfulItem.getValue(), NotHelpfulSchema);
}

/** Every lesson's features for matching, kept current with the stored lessons. */
function featureIndex(lessons: LessonsInMemory) {
  let features = new FeatureIndex();
  const mirror = lessons.keep({
    reset: () => void (features = new FeatureIndex()),
    take: (lessons) => lessons.forEach((lesson) => features.set(lessonFeatures(lesson))),
    get size() {
      return features.size;
    },
  });
  return {
    /** The features of every lesson, current as of this call. */
    async current(): Promise<FeatureIndex> {
      await mirror.current();
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
  /** The lessons in memory, shared with the cue plans (its own when not given). */
  lessons?: LessonsInMemory;
  /** The plan whose cue this deal shows now (the "cues" part of issue #11), when there is one. */
  cueFor?: (deal: DealOpen, now: number) => Promise<LessonCard | undefined>;
};

/**
 * Lessons of similar deals for open deals' pages (issue #11). Every answer is a line of the
 * detection log ("similar lessons: 2 (same company)", "no similar lessons", "off in settings",
 * "lost deal"), so the options page and the browser tests see each decision.
 */
export function openSimilarDeals({
  db,
  log,
  now = Date.now,
  lessons = lessonsInMemory(db),
  cueFor,
}: SimilarDealsDeps): SimilarDeals {
  const index = featureIndex(lessons);
  let writing: Promise<void> = Promise.resolve();
  return {
    async matchesFor(request, tabId) {
      const { crm, dealId, deal } = request;
      const decide = (
        similar: 'found' | 'none' | 'off' | 'lost' | 'won',
        cue?: LessonCard,
        more = {},
      ) => log.add({ kind: 'similar', crm, dealId, tabId, similar, cuePlan: cue && true, ...more });
      const [{ value: comeBack }, { value: lost }, { value: won }] = await Promise.all([
        comeBackItem.load(),
        lostLabelsItem.load(),
        wonLabelsItem.load(),
      ]);
      // A closed deal has nothing left to win: its lessons are for the reflection, if any.
      if (lostMatcher(lost)(deal.stage)) return void decide('lost');
      if (wonMatcher(won)(deal.stage)) return void decide('won');
      // A cue plan that cannot be remembered as shown is not shown (it would come back on every
      // look): the similar lessons still are.
      const cue = await cueFor?.(request, now()).catch((error: unknown) => {
        console.error('Rebound: the cue plans could not decide', error);
        return undefined;
      });
      if (!comeBack.similarDeals || comeBack.similarDealsOffIn.includes(crm)) {
        decide('off', cue);
        return cue && { cue, similar: [] };
      }
      const refused = new Set(
        (await readNotHelpful())
          .filter((n) => n.crm === crm && n.dealId === dealId)
          .map((n) => n.lessonId),
      );
      const open = openDeal(crm, dealId, deal);
      const features = await index.current();
      // The cue's lesson is already the first card.
      const matches = bestMatches(
        open,
        features.candidates(open),
        SIMILAR_CARDS,
        (id) => refused.has(id) || id === cue?.lessonId,
      );
      if (matches.length === 0) {
        decide('none', cue);
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
      if (similar.length === 0) decide('none', cue);
      else decide('found', cue, { matches: similar.length, why: similar[0]!.why });
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
