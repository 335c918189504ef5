/**
 * What an if-then plan's cue ("Next time I see ___") waits for, and whether an open deal shows it
 * now (issue #11: a plan comes back when a deal enters the stage or shows the situation it names).
 * Pure: the background gives the deal as the page showed it and the stage labels it knows.
 *
 * Two kinds of cue:
 * - **Stage**: the cue names a known stage label as whole words ("reaches Proposal", "at the
 *   proposal stage", "in Negotiation", "Decision maker bought-in"). Known labels are the one the
 *   open deal shows and those of past losses. Such a cue waits for that stage and nothing else:
 *   its other words are not matched against the page.
 * - **Situation**: any other cue is matched against the deal's fields only when the match is
 *   clear: every significant word of the cue (stop words and the filler of "next time I see a
 *   deal where" dropped, lightly stemmed) appears among the fields' words, and there are at least
 *   two of them. One shared word ("Acme") proves nothing; a word the page lacks means the page
 *   does not show the situation. Negations ("no", "not", "without") are significant words, so
 *   "no champion" never matches a deal that merely mentions a champion.
 *
 * Words are compared folded (case, accents and punctuation set aside: "Bought-in" is "bought in").
 * Scripts written without spaces (Japanese, Chinese) have no words to split: a stage label in one
 * is named when it appears anywhere in the cue; a situation cue in one compares its runs of text
 * between spaces and punctuation, which rarely match (kept strict rather than loose).
 */

export type CueMatch =
  /** The deal shows the stage the cue names; `stage` as the page shows it ("Proposal"). */
  | { kind: 'stage'; stage: string }
  /** The deal's fields hold every significant word of the cue; `words` as the cue writes them. */
  | { kind: 'situation'; words: string[] };

/** What a cue waits for: stages (folded word keys, one array per label it names) or words. */
export type CueWait =
  | { kind: 'stage'; stages: string[][] }
  | { kind: 'situation'; words: Word[] }
  | { kind: 'nothing' };

/** A word as written, and the key it is compared by (folded, lightly stemmed). */
export type Word = { text: string; key: string };

/** Fewer significant words than this and a situation cue never matches: too little to be clear. */
export const MIN_SITUATION_WORDS = 2;

/**
 * Words that carry no situation: English function words, and the filler of a cue ("next time I
 * see a deal where they…"). Compared folded, before stemming. Negations are left out on purpose.
 */
const STOP_WORDS = new Set(
  (
    'a an the and or but if then than so as of in on at to for from with by into onto about ' +
    'over under after before during up out off again also just still only very too ' +
    'is are was were be been being am do does did doing have has had having will would shall ' +
    'should can could may might must ' +
    'i me my mine we us our you your he him his she her it its they them their there here ' +
    'this that these those who whom whose which what when whenever where wherever while how why ' +
    'next time times see sees seeing saw seen notice notices noticed hear hears heard ' +
    'get gets getting got reach reaches reaching reached enter enters entering entered ' +
    'move moves moving moved go goes going went hit hits come comes coming came ' +
    'deal deals opportunity opportunities stage stages someone something any some all ' +
    'one like such same other another each every ' +
    's t'
  ).split(' '),
);

/** Scripts written without spaces between words. */
const NO_WORD_SPACES = /[\u3040-\u30ff\u3400-\u9fff]/;

/** Lower case, accents dropped, compatibility forms unified ("ﬁ" is "fi"). */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * A light English stemmer, the same on both sides of every comparison, so "reaches" is "reach",
 * "proposals" is "proposal", "leading" is "lead", "delayed" is "delay". It only has to be
 * consistent, not right: "led" stays "led", which keeps a match rather strict than loose.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 5) return undouble(word.slice(0, -3));
  if (word.endsWith('ed') && word.length > 4) return undouble(word.slice(0, -2));
  if (/(ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** "stopp" (from "stopped") is "stop"; "call" (from "called") stays "call". */
function undouble(word: string): string {
  return /([^aeiouls])\1$/.test(word) ? word.slice(0, -1) : word;
}

/** The words of a text, each as written and as compared. Marks stay with their letters. */
export function words(text: string): Word[] {
  return text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean)
    .map((written) => ({ text: written, key: stem(fold(written)) }))
    .filter((word) => word.key !== '');
}

const keysOf = (text: string) => words(text).map((word) => word.key);

/** A stage label ready to be looked for in cues: its word keys, or folded text in CJK. */
export type StageLabel = { label: string; keys: string[]; anywhere: boolean };

/**
 * A label as cues are searched for it; undefined for a label no cue can name clearly: empty, or
 * made only of stop words ("In", "Open to"), which every other cue would name.
 */
export function stageLabel(label: string): StageLabel | undefined {
  const trimmed = label.trim();
  if (NO_WORD_SPACES.test(trimmed))
    return { label: trimmed, keys: [fold(trimmed)], anywhere: true };
  if (!words(trimmed).some((word) => !STOP_WORDS.has(fold(word.text)))) return undefined;
  return { label: trimmed, keys: keysOf(trimmed), anywhere: false };
}

/** A cue read once (the background keeps every plan's cue this way), matched many times. */
export type PreparedCue = { keys: string[]; folded: string; significant: Word[] };

export function prepareCue(cue: string): PreparedCue {
  const all = words(cue);
  const significant = new Map<string, Word>();
  for (const word of all) {
    if (STOP_WORDS.has(fold(word.text)) || word.key.length < 2) continue;
    if (!significant.has(word.key)) significant.set(word.key, word);
  }
  return { keys: all.map((w) => w.key), folded: fold(cue), significant: [...significant.values()] };
}

/** Where `label` (its keys) appears in `cue` (its keys) as consecutive whole words. */
function spansOf(cue: string[], label: string[]): [number, number][] {
  const spans: [number, number][] = [];
  if (label.length === 0) return spans;
  for (let start = 0; start + label.length <= cue.length; start++) {
    if (label.every((key, i) => cue[start + i] === key)) spans.push([start, start + label.length]);
  }
  return spans;
}

const inside = (a: [number, number], b: [number, number]) =>
  b[0] <= a[0] && a[1] <= b[1] && b[1] - b[0] > a[1] - a[0];

/**
 * What a cue waits for, given the stage labels known now. When a cue names several labels, each
 * counts (a cue may say "in Demo or Proposal"), except a label named only as part of a longer one
 * it names ("Proposal" inside "Proposal sent": the cue waits for "Proposal sent").
 */
export function cueWait(cue: PreparedCue, labels: readonly StageLabel[]): CueWait {
  const named: { keys: string[]; span: [number, number] }[] = [];
  const anywhere: string[][] = [];
  for (const label of labels) {
    if (label.anywhere) {
      if (cue.folded.includes(label.keys[0]!)) anywhere.push(label.keys);
      continue;
    }
    for (const span of spansOf(cue.keys, label.keys)) named.push({ keys: label.keys, span });
  }
  const stages = named
    .filter((one) => !named.some((other) => inside(one.span, other.span)))
    .map((one) => one.keys);
  if (stages.length > 0 || anywhere.length > 0) {
    return { kind: 'stage', stages: [...stages, ...anywhere] };
  }
  return cue.significant.length >= MIN_SITUATION_WORDS
    ? { kind: 'situation', words: cue.significant }
    : { kind: 'nothing' };
}

const sameKeys = (a: string[], b: string[]) =>
  a.length === b.length && a.every((k, i) => k === b[i]);

/** An open deal as cues are matched against it, read once for every cue. */
export type CueDeal = {
  /** The stage label the page shows, ready (undefined: the page shows none, or it cannot count). */
  stage?: StageLabel;
  /** The keys of every word of its fields (name, company, pipeline, owner, stage, lost reason). */
  fieldKeys: ReadonlySet<string>;
  /** Every stage label known: past losses' and the one the deal shows. */
  labels: readonly StageLabel[];
};

/**
 * The open deal a cue is matched against: `stage`, the label the page shows; `fields`, its name,
 * company, pipeline, owner, stage and lost reason as shown; `stages`, labels known from past
 * losses (lessons' `stageBefore`). The caller decides whether the stage is one a plan may come
 * back at (not lost, not won).
 */
export function cueDeal(deal: {
  stage?: string;
  fields: readonly string[];
  stages?: readonly string[];
}): CueDeal {
  const stage = deal.stage === undefined ? undefined : stageLabel(deal.stage);
  const known = new Map<string, StageLabel>();
  for (const label of [...(deal.stages ?? []), ...(stage ? [stage.label] : [])]) {
    const ready = stageLabel(label);
    if (ready) known.set(ready.keys.join(' '), ready);
  }
  return { stage, fieldKeys: new Set(deal.fields.flatMap(keysOf)), labels: [...known.values()] };
}

/**
 * Whether the deal shows what a cue waits for now. `wait` is cueWait of the cue with
 * `deal.labels` (a caller matching many deals with the same labels keeps the waits).
 */
export function waitMatches(wait: CueWait, deal: CueDeal): CueMatch | undefined {
  if (wait.kind === 'stage') {
    const { stage } = deal;
    return stage && wait.stages.some((keys) => sameKeys(keys, stage.keys))
      ? { kind: 'stage', stage: stage.label }
      : undefined;
  }
  if (wait.kind === 'nothing') return undefined;
  return wait.words.every((word) => deal.fieldKeys.has(word.key))
    ? { kind: 'situation', words: wait.words.map((word) => word.text) }
    : undefined;
}

/** The key of a set of labels: deals whose labels have the same key share cues' waits. */
export const labelsKey = (labels: readonly StageLabel[]) =>
  labels
    .map((label) => label.keys.join(' '))
    .sort()
    .join('|');

/** Whether an open deal shows what `cue` waits for now (see the rules at the top). */
export function cueMatches(
  cue: string,
  deal: { stage?: string; fields: readonly string[]; stages?: readonly string[] },
): CueMatch | undefined {
  const ready = cueDeal(deal);
  return waitMatches(cueWait(prepareCue(cue), ready.labels), ready);
}
