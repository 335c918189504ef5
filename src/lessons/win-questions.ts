import { t } from '../i18n/t';
import { ifThenSentence } from './questions';

/**
 * The three "what worked" questions (PRODUCT.md, "The reflection method", applied to a win):
 * 1. the cause, asked at a distance ("if a teammate asked…"), which gets a truer answer than
 *    "why did you win?";
 * 2. what to repeat, as an if-then plan tied to a cue ("Next time I see ___, I will ___ again"),
 *    the form that makes a plan come back when it matters;
 * 3. what nearly lost it or was luck, so a win is not over-learned.
 * Answers are stored by id, so a question can be reworded without orphaning old answers.
 */
export const WIN_DIFFERENCE = 'difference';
export const WIN_AGAIN_CUE = 'againCue';
export const WIN_AGAIN_ACTION = 'againAction';
export const WIN_NEARLY_LOST = 'nearlyLost';

export type WinQuestion = { id: string; label: string; hint: string };

/** Labels are getters: looked up in the browser's language when shown. */
export const WIN_DIFFERENCE_QUESTION: WinQuestion = {
  id: WIN_DIFFERENCE,
  get label() {
    return t('win_question_difference');
  },
  get hint() {
    return t('win_question_difference_hint');
  },
};

export const WIN_AGAIN_QUESTIONS: [WinQuestion, WinQuestion] = [
  {
    id: WIN_AGAIN_CUE,
    get label() {
      return t('win_question_again_cue');
    },
    get hint() {
      return t('win_question_again_cue_hint');
    },
  },
  {
    id: WIN_AGAIN_ACTION,
    get label() {
      return t('win_question_again_action');
    },
    get hint() {
      return t('win_question_again_action_hint');
    },
  },
];

export const WIN_NEARLY_LOST_QUESTION: WinQuestion = {
  id: WIN_NEARLY_LOST,
  get label() {
    return t('win_question_nearly_lost');
  },
  get hint() {
    return t('win_question_nearly_lost_hint');
  },
};

/**
 * A win's answers as [question, answer] pairs for reading (options page, Markdown): the two
 * halves of the plan become one sentence, and unanswered questions are left out.
 */
export function winAnswers(answers: Record<string, string>): [string, string][] {
  const answer = (id: string) => answers[id]?.trim() ?? '';
  const rows: [string, string][] = [];
  if (answer(WIN_DIFFERENCE)) rows.push([WIN_DIFFERENCE_QUESTION.label, answer(WIN_DIFFERENCE)]);
  const again = ifThenSentence(answers[WIN_AGAIN_CUE], answers[WIN_AGAIN_ACTION], {
    both: (cue, action) => t('win_again_sentence', [cue, action]),
    cue: (cue) => t('win_again_cue_only', cue),
    action: (action) => t('win_again_action_only', action),
  });
  if (again) rows.push([t('win_question_again'), again]);
  if (answer(WIN_NEARLY_LOST)) rows.push([WIN_NEARLY_LOST_QUESTION.label, answer(WIN_NEARLY_LOST)]);
  return rows;
}

/** Whether anything was written (a capture with no answers is not saved). */
export function hasAnswers(answers: Record<string, string>): boolean {
  return Object.values(answers).some((answer) => answer.trim() !== '');
}
