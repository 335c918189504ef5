import { t } from '../i18n/t';
import type { DealContext } from './deal';
import type { Lesson } from './schema';

/**
 * Which past lessons resemble an open deal (issue #11, "lessons from similar deals"), and why,
 * in words. Pure: the background keeps one LessonFeatures per lesson in memory (computed once,
 * when the lesson is read) and scores each open deal against them.
 *
 * Signals and their weights (README "Lessons from similar deals"):
 *   this very deal, lost before and reopened  10
 *   same company (folded)                      3
 *   same competitor                            3
 *   lost at the stage the deal is in now       2
 *   a tag of the lesson named by the deal      1 each, at most 2
 *   similar amount (±50 %, same currency)      1
 * A lesson matches at MIN_SCORE (3): company or competitor alone is enough; the stage needs one
 * more signal, and an amount or a tag alone never matches (a weak signal names half the
 * pipeline). Ties go to the newer lesson.
 */
export const WEIGHTS = {
  sameDeal: 10,
  company: 3,
  competitor: 3,
  stage: 2,
  tag: 1,
  amount: 1,
} as const;
export const MIN_SCORE = 3;
/** Tags counted per lesson: more shared tags say little more. */
export const MAX_TAG_SIGNALS = 2;
/** Amounts within this fraction of the open deal's (same currency) are "similar". */
export const AMOUNT_TOLERANCE = 0.5;
/** Shorter tags ("q4", "eu") match too many words of deal names. */
const MIN_TAG_LENGTH = 3;
/** A competitor name of more words than this is a sentence, not a name. */
const MAX_NAME_WORDS = 3;

/** Case, accents and punctuation folded away: what two spellings of one name share. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Legal forms a CRM may or may not write after a company's name. */
const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'llp',
  'plc',
  'corp',
  'corporation',
  'co',
  'company',
  'gmbh',
  'ag',
  'kg',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'ab',
  'as',
  'oy',
  'kk',
  'pty',
]);

/**
 * A company's name folded for comparison: "ACME, Inc." and "Acme" are one company, and so are
 * "Müller GmbH" and "Muller". A name that is only legal forms is kept as it is.
 */
export function foldCompany(name: string | undefined): string | undefined {
  const words = foldText(name ?? '')
    .split(' ')
    .filter(Boolean);
  let end = words.length;
  while (end > 1 && LEGAL_SUFFIXES.has(words[end - 1]!)) end--;
  const folded = words.slice(0, end).join(' ');
  return folded || undefined;
}

/**
 * The words that introduce a competitor in notes ("lost to X", "they went with X", "chose X",
 * "X vs Y"). Case-insensitive; the name after them must be capitalised, which keeps "went with
 * the cheaper option" and "chose to wait" out.
 */
const COMPETITOR_CUE =
  /\b(?:lost (?:it |the deal )?to|went with|going with|chose|picked|switched to|signed with|vs\.?|versus)\s+/giu;
/** One capitalised word of a name: "Globex", "SAP", "Salesforce.com", "O'Neil". */
const NAME_WORD = /^\p{Lu}[\p{L}\p{N}&'’.-]*$/u;
/** Capitalised words that follow those cues without naming anyone. */
const NOT_NAMES = new Set([
  'i',
  'we',
  'they',
  'them',
  'he',
  'she',
  'it',
  'the',
  'a',
  'an',
  'our',
  'their',
  'this',
  'that',
  'another',
  'someone',
  'nobody',
  'none',
  'no',
  'not',
  'status',
  'quo',
  'price',
  'budget',
  'competitor',
  'competition',
  'in',
  'house',
  'internal',
  'cheaper',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);

const notAName = (word: string) =>
  foldText(word)
    .split(' ')
    .every((part) => NOT_NAMES.has(part));

/**
 * Competitors a text names, conservatively: a capitalised name of at most three words right
 * after a cue, its legal form dropped ("lost to Globex Corp." → Globex). Better to miss one than
 * to call "Q4" or "The" a competitor. `name` is as written, `folded` for comparison.
 */
export function competitorsIn(text: string | undefined): { name: string; folded: string }[] {
  if (!text) return [];
  const found = new Map<string, string>();
  for (const cue of text.matchAll(COMPETITOR_CUE)) {
    const rest = text.slice(cue.index + cue[0].length);
    const words: string[] = [];
    for (const raw of rest.split(/\s+/, MAX_NAME_WORDS + 1)) {
      // A word's closing punctuation ends the name after that word ("Globex, who…").
      const word = raw.replace(/[,;:!?)"”]+$|\.$/u, '');
      if (!NAME_WORD.test(word) || /^Q[1-4]$/.test(word)) break;
      words.push(word);
      if (word !== raw) break;
    }
    while (words.length && notAName(words[0]!)) words.shift();
    if (words.length === 0 || words.every(notAName)) continue;
    const name = words.join(' ');
    const folded = foldCompany(name);
    if (folded && !found.has(folded)) found.set(folded, name);
  }
  return [...found].map(([folded, name]) => ({ name, folded }));
}

/** What a lesson brings to the comparison, computed once when it is read. */
export type LessonFeatures = {
  lessonId: string;
  createdAt: string;
  crm: string;
  dealId?: string;
  company?: string;
  competitors: { name: string; folded: string }[];
  /** Folded tags, with the tag as written. */
  tags: { tag: string; folded: string }[];
  amount?: number;
  currency?: string;
  /** The stage it was lost at, folded, and as written. */
  stage?: { folded: string; label: string };
};

const stageOf = (label: string | undefined) => {
  const folded = label ? foldText(label) : '';
  return folded ? { folded, label: label!.trim() } : undefined;
};

const foldCurrency = (currency: string | undefined) =>
  currency ? currency.trim().toUpperCase() : undefined;

export function lessonFeatures(lesson: Lesson): LessonFeatures {
  return {
    lessonId: lesson.id,
    createdAt: lesson.createdAt,
    crm: lesson.crm,
    dealId: lesson.dealId,
    company: foldCompany(lesson.company),
    competitors: competitorsIn(
      [lesson.crmLostReason, ...Object.values(lesson.answers)].filter(Boolean).join('\n'),
    ),
    tags: (lesson.tags ?? [])
      .map((tag) => ({ tag, folded: foldText(tag) }))
      .filter(({ folded }) => folded.length >= MIN_TAG_LENGTH),
    amount: lesson.amount,
    currency: foldCurrency(lesson.currency),
    stage: stageOf(lesson.stageBefore),
  };
}

/** The open deal as the scoring reads it, computed once per request. */
export type OpenDeal = {
  crm: string;
  dealId: string;
  company?: string;
  /** Every run of one to three words of its fields, folded: names and tags are looked up here. */
  phrases: Set<string>;
  amount?: number;
  currency?: string;
  /** Its stage now, folded, and as the page shows it (the explanation says it in the CRM's words). */
  stage?: { folded: string; label: string };
};

export function openDeal(crm: string, dealId: string, deal: DealContext): OpenDeal {
  const phrases = new Set<string>();
  const fields = [deal.dealName, deal.company, deal.pipeline, deal.stage, deal.lostReason];
  for (const field of fields) {
    const words = foldText(field ?? '')
      .split(' ')
      .filter(Boolean);
    for (let i = 0; i < words.length; i++)
      for (let n = 1; n <= MAX_NAME_WORDS && i + n <= words.length; n++)
        phrases.add(words.slice(i, i + n).join(' '));
  }
  return {
    crm,
    dealId,
    company: foldCompany(deal.company),
    phrases,
    amount: deal.amount,
    currency: foldCurrency(deal.currency),
    stage: stageOf(deal.stage),
  };
}

/** One reason a lesson resembles the deal. */
export type Signal =
  | { kind: 'sameDeal' }
  | { kind: 'company' }
  | { kind: 'competitor'; name: string }
  | { kind: 'stage'; label: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'amount' };

export type Scored = { features: LessonFeatures; score: number; signals: Signal[] };

const similarAmount = (deal: OpenDeal, f: LessonFeatures) =>
  deal.amount !== undefined &&
  deal.amount > 0 &&
  f.amount !== undefined &&
  f.currency === deal.currency &&
  Math.abs(f.amount - deal.amount) <= AMOUNT_TOLERANCE * deal.amount;

/**
 * The score of `f` for the deal; its signals pushed on `signals` when given. Run on every lesson
 * for every deal page, so without `signals` it allocates nothing and stays a few comparisons
 * (the bench's "match one deal"): the signals are named only for lessons that reach MIN_SCORE.
 */
function scoreInto(deal: OpenDeal, f: LessonFeatures, signals?: Signal[]): number {
  let score = 0;
  if (f.dealId === deal.dealId && f.crm === deal.crm) {
    score += WEIGHTS.sameDeal;
    signals?.push({ kind: 'sameDeal' });
  }
  if (f.company !== undefined && f.company === deal.company) {
    score += WEIGHTS.company;
    signals?.push({ kind: 'company' });
  }
  // A "competitor" that is the deal's own company is the customer, not a rival.
  const rival = f.competitors.length
    ? f.competitors.find((c) => c.folded !== deal.company && deal.phrases.has(c.folded))
    : undefined;
  if (rival) {
    score += WEIGHTS.competitor;
    signals?.push({ kind: 'competitor', name: rival.name });
  }
  if (deal.stage && f.stage?.folded === deal.stage.folded) {
    score += WEIGHTS.stage;
    signals?.push({ kind: 'stage', label: deal.stage.label });
  }
  let tags = 0;
  for (let i = 0; i < f.tags.length && tags < MAX_TAG_SIGNALS; i++) {
    const { tag, folded } = f.tags[i]!;
    if (!deal.phrases.has(folded)) continue;
    tags++;
    score += WEIGHTS.tag;
    signals?.push({ kind: 'tag', tag });
  }
  if (similarAmount(deal, f)) {
    score += WEIGHTS.amount;
    signals?.push({ kind: 'amount' });
  }
  return score;
}

/** How much `features` resembles the deal, and the signals that say so, strongest first. */
export function scoreDeal(deal: OpenDeal, f: LessonFeatures): Scored {
  const signals: Signal[] = [];
  const score = scoreInto(deal, f, signals);
  signals.sort((a, b) => WEIGHTS[b.kind] - WEIGHTS[a.kind]);
  return { features: f, score, signals };
}

/** A lesson offered for the deal: its signals in words-to-be, the stage's with its count. */
export type Match = { lessonId: string; score: number; why: Explanation[] };
export type Explanation = Signal | { kind: 'stageCount'; label: string; count: number };

/**
 * The best `limit` lessons for the deal (score, then newest), among those not `excluded`. The
 * stage signal is aggregated over every match: "lost at Proposal twice" counts the matching
 * lessons lost at the deal's stage, not only the ones shown.
 */
export function bestMatches(
  deal: OpenDeal,
  all: Iterable<LessonFeatures>,
  limit: number,
  excluded: (lessonId: string) => boolean = () => false,
): Match[] {
  // The best `limit` so far, best first: kept by insertion, as `limit` is small and the matches
  // of a common signal pair (stage and amount) can be thousands.
  const best: { features: LessonFeatures; score: number }[] = [];
  const before = (score: number, f: LessonFeatures, other: (typeof best)[number]) =>
    score > other.score || (score === other.score && f.createdAt > other.features.createdAt);
  let atStage = 0;
  for (const features of all) {
    const score = scoreInto(deal, features);
    if (score < MIN_SCORE || excluded(features.lessonId)) continue;
    if (deal.stage && features.stage?.folded === deal.stage.folded) atStage++;
    if (best.length === limit && !before(score, features, best[limit - 1]!)) continue;
    let at = best.length;
    while (at > 0 && before(score, features, best[at - 1]!)) at--;
    best.splice(at, 0, { features, score });
    if (best.length > limit) best.pop();
  }
  return best.map(({ features }) => {
    const { score, signals } = scoreDeal(deal, features);
    return {
      lessonId: features.lessonId,
      score,
      why: signals.map((s): Explanation =>
        s.kind === 'stage' ? { ...s, kind: 'stageCount', count: atStage } : s,
      ),
    };
  });
}

/**
 * Every lesson's features, with the lessons of each company, stage, competitor, tag and deal
 * listed apart: a match needs one of those (the amount alone never reaches MIN_SCORE), so a
 * deal is scored only against the lessons that share one, not against the whole library.
 */
export class FeatureIndex {
  readonly #all = new Map<string, LessonFeatures>();
  readonly #by = new Map<string, Set<LessonFeatures>>();

  get size(): number {
    return this.#all.size;
  }

  /** Adds a lesson's features, or replaces what an earlier version of it gave. */
  set(features: LessonFeatures): void {
    this.delete(features.lessonId);
    this.#all.set(features.lessonId, features);
    for (const key of keysOf(features)) {
      let set = this.#by.get(key);
      if (!set) this.#by.set(key, (set = new Set()));
      set.add(features);
    }
  }

  delete(lessonId: string): void {
    const old = this.#all.get(lessonId);
    if (!old) return;
    this.#all.delete(lessonId);
    for (const key of keysOf(old)) {
      const set = this.#by.get(key);
      set?.delete(old);
      if (set?.size === 0) this.#by.delete(key);
    }
  }

  /** The lessons that share a company, stage, competitor, tag or the deal itself with `deal`. */
  candidates(deal: OpenDeal): Set<LessonFeatures> {
    const found = new Set<LessonFeatures>();
    const take = (key: string) => this.#by.get(key)?.forEach((f) => found.add(f));
    take(`d:${deal.crm}:${deal.dealId}`);
    if (deal.company) take(`c:${deal.company}`);
    if (deal.stage) take(`s:${deal.stage.folded}`);
    // Competitors and tags are looked up by what the deal's fields say.
    for (const phrase of deal.phrases) {
      take(`x:${phrase}`);
      take(`t:${phrase}`);
    }
    return found;
  }
}

function keysOf(f: LessonFeatures): string[] {
  return [
    ...(f.dealId ? [`d:${f.crm}:${f.dealId}`] : []),
    ...(f.company ? [`c:${f.company}`] : []),
    ...(f.stage ? [`s:${f.stage.folded}`] : []),
    ...f.competitors.map((c) => `x:${c.folded}`),
    ...f.tags.map((t) => `t:${t.folded}`),
  ];
}

/** One explanation in the user's words ("same company", "lost at Proposal twice"). */
export function explain(why: Explanation): string {
  switch (why.kind) {
    case 'sameDeal':
      return t('similar_why_same_deal');
    case 'company':
      return t('similar_why_company');
    case 'competitor':
      return t('similar_why_competitor', why.name);
    case 'stage':
    case 'stageCount': {
      const count = why.kind === 'stageCount' ? why.count : 1;
      if (count === 1) return t('similar_why_stage_once', why.label);
      if (count === 2) return t('similar_why_stage_twice', why.label);
      return t('similar_why_stage_many', [why.label, count]);
    }
    case 'tag':
      return t('similar_why_tag', why.tag);
    case 'amount':
      return t('similar_why_amount');
  }
}
