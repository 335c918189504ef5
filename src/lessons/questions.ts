import { t } from '../i18n/t';

/**
 * The reflection's questions (PRODUCT.md, "The reflection method"). Quick mode is the ~90 s
 * core; deep mode adds the rest. Answers are stored by `id`, so a question can be reworded
 * without making old answers unreadable. Labels are getters: looked up in the browser's
 * language when shown, not when the module loads.
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
    get label() {
      return t('question_plan_cue');
    },
    get hint() {
      return t('question_plan_cue_hint');
    },
    mode: 'quick',
  },
  {
    id: PLAN_ACTION,
    kind: 'text',
    get label() {
      return t('question_plan_action');
    },
    get hint() {
      return t('question_plan_action_hint');
    },
    mode: 'quick',
  },
  {
    id: 'expected',
    kind: 'text',
    get label() {
      return t('question_expected');
    },
    mode: 'deep',
  },
  {
    id: 'whatHappened',
    kind: 'text',
    get label() {
      return t('question_what_happened');
    },
    get hint() {
      return t('question_what_happened_hint');
    },
    mode: 'deep',
  },
  {
    id: 'whatWasDifferent',
    kind: 'text',
    get label() {
      return t('question_what_was_different');
    },
    get hint() {
      return t('question_what_was_different_hint');
    },
    mode: 'deep',
  },
  {
    id: 'replay',
    kind: 'text',
    get label() {
      return t('question_replay');
    },
    mode: 'deep',
  },
  {
    id: 'attribution',
    kind: 'choice',
    get label() {
      return t('question_attribution');
    },
    options: [
      {
        id: 'person',
        get label() {
          return t('attribution_person');
        },
      },
      {
        id: 'situation',
        get label() {
          return t('attribution_situation');
        },
      },
      {
        id: 'product',
        get label() {
          return t('attribution_product');
        },
      },
    ],
    mode: 'deep',
  },
  {
    id: 'wentWell',
    kind: 'text',
    get label() {
      return t('question_went_well');
    },
    get hint() {
      return t('question_went_well_hint');
    },
    mode: 'deep',
  },
  {
    id: 'luck',
    kind: 'text',
    get label() {
      return t('question_luck');
    },
    mode: 'deep',
  },
  {
    id: 'freeWrite',
    kind: 'text',
    get label() {
      return t('question_free_write');
    },
    mode: 'deep',
  },
];

/** Earlier wordings whose answers old lessons may hold: shown with these labels. */
export const RETIRED_QUESTIONS: Record<string, string> = {
  get nextTime() {
    return t('question_retired_next_time');
  },
};

/**
 * An if-then plan's two halves as one sentence, in the words `say` gives; the halves' own
 * closing punctuation is dropped so the sentence ends once. Undefined when both are blank.
 */
export function ifThenSentence(
  cueText: string | undefined,
  actionText: string | undefined,
  say: {
    both: (cue: string, action: string) => string;
    cue: (cue: string) => string;
    action: (action: string) => string;
  },
): string | undefined {
  const cue = cueText?.trim().replace(/[.,]$/, '');
  const action = actionText?.trim().replace(/\.$/, '');
  if (cue && action) return say.both(cue, action);
  if (action) return say.action(action);
  if (cue) return say.cue(cue);
  return undefined;
}

/** The lesson's plan as one sentence: "Next time I see X, I will Y." */
export function planText(answers: Record<string, string>): string | undefined {
  const sentence = ifThenSentence(answers[PLAN_CUE], answers[PLAN_ACTION], {
    both: (cue, action) => t('plan_cue_action', [cue, action]),
    cue: (cue) => t('plan_cue_only', cue),
    action: (action) => t('plan_action_only', action),
  });
  return sentence ?? answers.nextTime;
}

export const CONFIDENCE = [
  {
    id: 'guess',
    get label() {
      return t('confidence_guess');
    },
  },
  {
    id: 'fairly-sure',
    get label() {
      return t('confidence_fairly_sure');
    },
  },
  {
    id: 'buyer-told-me',
    get label() {
      return t('confidence_buyer_told_me');
    },
  },
] as const;
export type ConfidenceId = (typeof CONFIDENCE)[number]['id'];

export const FEELINGS = [
  {
    value: 1,
    get label() {
      return t('feeling_rough');
    },
  },
  {
    value: 2,
    get label() {
      return t('feeling_low');
    },
  },
  {
    value: 3,
    get label() {
      return t('feeling_okay');
    },
  },
  {
    value: 4,
    get label() {
      return t('feeling_fine');
    },
  },
  {
    value: 5,
    get label() {
      return t('feeling_good');
    },
  },
] as const;

/**
 * The version of the built-in question set (bump when QUESTIONS change). The user's edits count
 * on from here (src/lessons/template.ts), and each lesson records the version it answered.
 */
export const TEMPLATE_VERSION = 2;

/**
 * Short lines reminding that losing is part of the job (self-compassion raises the drive to
 * improve; PRODUCT.md). One is shown per prompt; settings can switch them off.
 */
export function kindLines(): string[] {
  return [t('kind_line_1'), t('kind_line_2'), t('kind_line_3'), t('kind_line_4')];
}

export function kindLineFor(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const lines = kindLines();
  return lines[hash % lines.length]!;
}
