/**
 * The written questions of a reflection, in order. Answers are stored by `id`, so a question
 * can be reworded without making old answers unreadable.
 */
export const QUESTIONS = [
  {
    id: 'whatHappened',
    label: 'What happened?',
    hint: 'Facts first: what did you expect, and what actually happened?',
  },
  {
    id: 'whatWasDifferent',
    label: 'What was different this time?',
    hint: 'If a teammate had this exact deal, what would you say made the difference?',
  },
  {
    id: 'nextTime',
    label: 'Next time I will…',
    hint: 'Next time I see ___, I will ___.',
  },
  {
    id: 'wentWell',
    label: 'What went well?',
    hint: 'One thing worth keeping, even in a loss.',
  },
] as const;

export type QuestionId = (typeof QUESTIONS)[number]['id'];
/** Free text for a reason that is not in the list. */
export const OTHER_REASON_ANSWER = 'reasonOther';
