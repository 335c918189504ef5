import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { ReboundDatabase } from '../db/database';
import { t } from '../i18n/t';
import type { DealContext } from '../lessons/deal';
import {
  cueDeal,
  cueWait,
  labelsKey,
  prepareCue,
  waitMatches,
  type CueMatch,
  type CueWait,
  type PreparedCue,
} from '../lessons/plan-cue';
import { PLAN_CUE } from '../lessons/questions';
import type { Lesson } from '../lessons/schema';
import { resolveTemplate, type Template } from '../lessons/template';
import type { LessonCard } from '../messaging/content-messages';
import { lostMatcher, wonMatcher } from '../settings/stage-labels';
import { comeBackItem, lostLabelsItem, templateItem, wonLabelsItem } from '../settings/store';
import { lessonCard } from './lesson-card';
import { parseEach } from './stored-list';
import { lessonsInMemory, type LessonsInMemory } from './lessons-mirror';

/**
 * Plans whose cue comes back at its moment (issue #11): when an open deal enters the stage a
 * lesson's "Next time I see ___" names, or its page shows the situation the cue describes, that
 * plan is the first card of the similar-deal chip, once per lesson and deal.
 *
 * When a plan may come back (the rule):
 * - Never while `cuePlans` is off (src/settings/store.ts comeBackItem), and never at a stage that
 *   means lost or won (the user's lost and won labels): a closed deal has no next step.
 * - A stage cue when the deal **enters** that stage: Rebound sees this deal in this stage for the
 *   first time (on open: no earlier look at this deal found it there), or the page showed the
 *   stage change (`stageEntered`, from src/detection/stage-shown.ts). Opening a deal that sat in
 *   Proposal when Rebound last saw it is not entering Proposal.
 * - A situation cue whenever the page shows it clearly (src/lessons/plan-cue.ts), open or change.
 * - Each lesson's plan at most once per deal (crm + record id): shown, it is remembered.
 * Of several, a stage cue before a situation cue, then the situation with more words, then the
 * newest lesson.
 */

/** What is remembered at most, of each list: a year of a busy rep's deals; the oldest go first. */
export const CUE_MEMORY_LIMIT = 2000;

const Text = (max: number) => z.string().min(1).max(max);
const ShownSchema = z.object({
  crm: Text(40),
  dealId: Text(200),
  lessonId: z.uuid(),
  /** When it was shown (ms since epoch). */
  at: z.number(),
});
const SeenStageSchema = z.object({
  crm: Text(40),
  dealId: Text(200),
  /** The stage label as the page showed it, folded (case and spaces set aside). */
  stage: Text(200),
  at: z.number(),
});
type Shown = z.infer<typeof ShownSchema>;
type SeenStage = z.infer<typeof SeenStageSchema>;
type CueMemory = { shown: Shown[]; stages: SeenStage[] };

/**
 * Which plans were shown on which deals, and which stages each deal was seen in. In
 * storage.local under its own key (never sent anywhere), so writing it wakes no settings watcher.
 */
export const cueMemoryItem = storage.defineItem<unknown>('local:cuePlanMemory', {
  fallback: null,
});

/**
 * What is stored, through the schemas: entries that no longer parse are left out (a memory of
 * what was shown, not something the user wrote; the worst loss is a plan shown again).
 */
export function parseCueMemory(stored: unknown): CueMemory {
  const record = (typeof stored === 'object' && stored) || {};
  return {
    shown: parseEach('shown' in record ? record.shown : undefined, ShownSchema),
    stages: parseEach('stages' in record ? record.stages : undefined, SeenStageSchema),
  };
}

/** The newest `CUE_MEMORY_LIMIT` entries, newest last. */
const capped = <T extends { at: number }>(entries: T[]): T[] =>
  [...entries].sort((a, b) => a.at - b.at).slice(-CUE_MEMORY_LIMIT);

/** A stage label as remembered: the same stage re-rendered with other spacing or case is one. */
const stageKey = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase().slice(0, 200);

/** A lesson whose plan has a cue, as the index keeps it (the lesson itself is read when shown). */
type CuePlan = { lessonId: string; createdAt: string; cue: PreparedCue };

/** The lessons whose plan has a cue, and the stages of past losses (kept by lessons-mirror.ts). */
type CueIndex = {
  /** Every lesson id read. */
  ids: Set<string>;
  plans: Map<string, CuePlan>;
  stages: Set<string>;
  /**
   * What each plan's cue waits for, given a set of stage labels: kept for the last set, which is
   * the same from one deal to the next unless a deal shows a stage no past loss had. Matching
   * 28,000 cues is then a lookup each, not a search of each cue for each label.
   */
  waits: { labels: string; byLesson: Map<string, CueWait> };
};

function emptyIndex(): CueIndex {
  const waits = { labels: '', byLesson: new Map() };
  return { ids: new Set(), plans: new Map(), stages: new Set(), waits };
}

/** Takes lessons read (new, or changed since the index last read them) into the index. */
function takeLessons(index: CueIndex, lessons: readonly Lesson[]): void {
  for (const lesson of lessons) {
    index.ids.add(lesson.id);
    const stage = lesson.stageBefore?.trim();
    if (stage) index.stages.add(stage);
    index.waits.byLesson.delete(lesson.id);
    const cue = lesson.answers[PLAN_CUE]?.trim();
    if (cue) {
      index.plans.set(lesson.id, {
        lessonId: lesson.id,
        createdAt: lesson.createdAt,
        cue: prepareCue(cue),
      });
    } else index.plans.delete(lesson.id);
  }
}

/** The deal an open CRM page shows, as the `deal/open` message brings it. */
export type CueDealOpen = {
  crm: string;
  dealId: string;
  deal: DealContext;
  /** The page showed the deal's stage change to the one it shows now. */
  stageEntered: boolean;
};

export type CuePlansDeps = {
  /** Whether plans come back at their cue (the "Lessons that come back" settings). */
  enabled?: () => Promise<boolean>;
  /** A test for stage labels that mean the deal is closed (lost or won). */
  closedStage?: () => Promise<(label: string | undefined) => boolean>;
  /** The user's template, for the card's reason label. */
  template?: () => Promise<Template>;
  /** The lessons in memory, shared with the similar-deal matcher (its own when not given). */
  lessons?: LessonsInMemory;
};

export type CuePlans = {
  /**
   * The plan whose cue this deal shows now and that was not shown on it before, as a card; it is
   * remembered as shown. Undefined when none (or the setting is off). `now`: ms since epoch.
   * Rejects when what was shown cannot be remembered (storage.local refused the write): the
   * card is not given then, so no plan is ever shown twice on a deal.
   */
  cueFor(open: CueDealOpen, now: number): Promise<LessonCard | undefined>;
};

const settingsDeps: Required<Omit<CuePlansDeps, 'lessons'>> = {
  enabled: async () => (await comeBackItem.load()).value.cuePlans,
  closedStage: async () => {
    const [lost, won] = await Promise.all([lostLabelsItem.load(), wonLabelsItem.load()]);
    const isLost = lostMatcher(lost.value);
    // Won labels whether or not wins are captured: a won deal has no next step either.
    const isWon = wonMatcher(won.value);
    return (label) => isLost(label) || isWon(label);
  },
  template: async () => resolveTemplate((await templateItem.load()).value),
};

/** How good a match is: a stage first, then a situation with more words. */
const strength = (match: CueMatch) => (match.kind === 'stage' ? 1000 : match.words.length);

/** Why a plan came back, in words. */
const cueWhy = (match: CueMatch) =>
  match.kind === 'stage'
    ? t('cue_why_stage', match.stage)
    : t('cue_why_situation', match.words.join(', '));

/**
 * The background's cue plans. The index of plans with a cue is built on first use and brought up
 * to date whenever the lessons changed (lessonsVersion: a count and the latest change, so a
 * lesson saved, edited, imported or deleted anywhere is seen). Decisions run one at a time: two
 * pages of one deal asking at once must not both get the plan before either is remembered (and
 * the index is only ever brought up to date by one of them).
 */
export function createCuePlans(db: ReboundDatabase, deps: CuePlansDeps = {}): CuePlans {
  const { enabled, closedStage, template } = { ...settingsDeps, ...deps };
  const lessons = deps.lessons ?? lessonsInMemory(db);
  let index = emptyIndex();
  const mirror = lessons.keep({
    reset: () => void (index = emptyIndex()),
    take: (lessons) => takeLessons(index, lessons),
    get size() {
      return index.ids.size;
    },
  });
  const currentIndex = async (): Promise<CueIndex> => {
    await mirror.current();
    return index;
  };

  const decide = async (open: CueDealOpen, now: number): Promise<LessonCard | undefined> => {
    if (!(await enabled())) return undefined;
    const { crm, dealId, deal } = open;
    // A deal the memory cannot hold would get its plans on every look: none for it.
    if (!ShownSchema.shape.crm.safeParse(crm).success) return undefined;
    if (!ShownSchema.shape.dealId.safeParse(dealId).success) return undefined;
    const stage = deal.stage?.trim() || undefined;
    if ((await closedStage())(stage)) return undefined;
    const [index, memory] = await Promise.all([
      currentIndex(),
      cueMemoryItem.getValue().then(parseCueMemory),
    ]);
    const thisDeal = <T extends { crm: string; dealId: string }>(entry: T) =>
      entry.crm === crm && entry.dealId === dealId;
    const seenBefore =
      stage !== undefined && memory.stages.some((s) => thisDeal(s) && s.stage === stageKey(stage));
    const entered = stage !== undefined && (open.stageEntered || !seenBefore);
    const shown = new Set(memory.shown.filter(thisDeal).map((s) => s.lessonId));
    const fields = [
      deal.dealName,
      deal.company,
      deal.pipeline,
      deal.owner,
      deal.stage,
      deal.lostReason,
    ].filter((field): field is string => !!field);
    const ready = cueDeal({ stage, fields, stages: [...index.stages] });
    const labels = labelsKey(ready.labels);
    if (index.waits.labels !== labels) index.waits = { labels, byLesson: new Map() };
    const waits = index.waits.byLesson;
    const candidates = [...index.plans.values()]
      .flatMap((plan) => {
        if (shown.has(plan.lessonId)) return [];
        let wait = waits.get(plan.lessonId);
        if (!wait) waits.set(plan.lessonId, (wait = cueWait(plan.cue, ready.labels)));
        const match = waitMatches(wait, ready);
        if (!match || (match.kind === 'stage' && !entered)) return [];
        return [{ plan, match }];
      })
      .sort(
        (a, b) =>
          strength(b.match) - strength(a.match) || b.plan.createdAt.localeCompare(a.plan.createdAt),
      );
    let card: LessonCard | undefined;
    for (const { plan, match } of candidates) {
      // Deleted since the index was built: the next one.
      const lesson = await db.lessons.get(plan.lessonId);
      if (!lesson) continue;
      card = lessonCard(lesson, [cueWhy(match)], await template());
      break;
    }
    const remember: CueMemory = {
      shown: card
        ? [...memory.shown, { crm, dealId, lessonId: card.lessonId, at: now }]
        : memory.shown,
      stages:
        stage !== undefined && !seenBefore
          ? [...memory.stages, { crm, dealId, stage: stageKey(stage), at: now }]
          : memory.stages,
    };
    if (card || remember.stages !== memory.stages) {
      await cueMemoryItem.setValue({
        shown: capped(remember.shown),
        stages: capped(remember.stages),
      });
    }
    return card;
  };

  let deciding: Promise<unknown> = Promise.resolve();
  return {
    cueFor(open, now) {
      const run = deciding.then(() => decide(open, now));
      deciding = run.catch(() => undefined);
      return run;
    },
  };
}
