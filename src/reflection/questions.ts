/**
 * The reflection's questions (PRODUCT.md, "The reflection method"). Quick mode is the ~90 s
 * core; deep mode adds the rest. Answers are stored by `id`, so a question can be reworded
 * without making old answers unreadable.
 */
export type Mode = 'quick' | 'deep';

export type TextQuestion = { id: string; kind: 'text'; label: string; hint?: string; mode: Mode };
export type ChoiceQuestion = {
  id: string;
  kind: 'choice';
  label: string;
  options: { id: string; label: string }[];
  mode: Mode;
};
export type Question = TextQuestion | ChoiceQuestion;

/** The if-then plan: "Next time I see ___, I will ___." */
export const PLAN_CUE = 'planCue';
export const PLAN_ACTION = 'planAction';
/** Free text for a reason that is not in the list. */
export const OTHER_REASON_ANSWER = 'reasonOther';

export const QUESTIONS: Question[] = [
  {
    id: PLAN_CUE,
    kind: 'text',
    label: 'Next time I see…',
    hint: 'the cue, e.g. procurement running the RFP',
    mode: 'quick',
  },
  {
    id: PLAN_ACTION,
    kind: 'text',
    label: '…I will',
    hint: 'e.g. ask for the economic buyer in week one',
    mode: 'quick',
  },
  { id: 'expected', kind: 'text', label: 'What did you expect to happen?', mode: 'deep' },
  {
    id: 'whatHappened',
    kind: 'text',
    label: 'What actually happened?',
    hint: 'Facts first: about what, not who.',
    mode: 'deep',
  },
  {
    id: 'whatWasDifferent',
    kind: 'text',
    label: 'What was different this time?',
    hint: 'If a teammate had this exact deal, what would you say made the difference?',
    mode: 'deep',
  },
  {
    id: 'replay',
    kind: 'text',
    label: 'If you could replay one moment, what would you add or do differently?',
    mode: 'deep',
  },
  {
    id: 'attribution',
    kind: 'choice',
    label: 'Was this mostly about…',
    options: [
      { id: 'person', label: 'the people' },
      { id: 'situation', label: 'the situation' },
      { id: 'product', label: 'the product' },
    ],
    mode: 'deep',
  },
  {
    id: 'wentWell',
    kind: 'text',
    label: 'What went well?',
    hint: 'One thing worth keeping.',
    mode: 'deep',
  },
  { id: 'luck', kind: 'text', label: 'Was anything luck?', mode: 'deep' },
  { id: 'freeWrite', kind: 'text', label: 'Anything else (optional)', mode: 'deep' },
];

/** Earlier wordings whose answers old lessons may hold: shown with these labels. */
export const RETIRED_QUESTIONS: Record<string, string> = { nextTime: 'Next time I will…' };

/** A question's label by answer id, for lessons and exports; unknown ids show as they are. */
export function questionLabel(id: string): string {
  return QUESTIONS.find((q) => q.id === id)?.label ?? RETIRED_QUESTIONS[id] ?? id;
}

/** The text of an answer as a reader sees it (a choice's label rather than its id). */
export function answerText(id: string, value: string): string {
  const question = QUESTIONS.find((q) => q.id === id);
  return question?.kind === 'choice'
    ? (question.options.find((o) => o.id === value)?.label ?? value)
    : value;
}

/** The lesson's plan as one sentence: "Next time I see X, I will Y." */
export function planText(answers: Record<string, string>): string | undefined {
  const cue = answers[PLAN_CUE]?.trim().replace(/[.,]$/, '');
  const action = answers[PLAN_ACTION]?.trim().replace(/\.$/, '');
  if (cue && action) return `Next time I see ${cue}, I will ${action}.`;
  if (action) return `Next time I will ${action}.`;
  if (cue) return `Next time I see ${cue}…`;
  return answers.nextTime;
}

export const CONFIDENCE = [
  { id: 'guess', label: 'My guess' },
  { id: 'fairly-sure', label: 'Fairly sure' },
  { id: 'buyer-told-me', label: 'The buyer told me' },
] as const;
export type ConfidenceId = (typeof CONFIDENCE)[number]['id'];

export const FEELINGS = [
  { value: 1, label: 'Rough' },
  { value: 2, label: 'Low' },
  { value: 3, label: 'Okay' },
  { value: 4, label: 'Fine' },
  { value: 5, label: 'Good' },
] as const;

/** The version of the question set a lesson was answered with (bump when QUESTIONS change). */
export const TEMPLATE_VERSION = 2;

/**
 * Short lines reminding that losing is part of the job (self-compassion raises the drive to
 * improve; PRODUCT.md). One is shown per prompt; settings can switch them off.
 */
export const KIND_LINES = [
  'Every seller loses most deals. A few minutes now turn this one into a lesson.',
  'Losing is part of the job, not a verdict on you. What can this one teach?',
  'The best sellers lose often and learn fast. This is the learning part.',
  'Be as kind to yourself as you would be to a teammate who lost this deal.',
];

export function kindLineFor(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return KIND_LINES[hash % KIND_LINES.length]!;
}
