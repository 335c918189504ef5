import { useState } from 'preact/hooks';
import type { OutcomeId } from '../lessons/outcomes';
import type { Lesson } from '../lessons/schema';
import { planText } from '../lessons/questions';
import { PLAN_ANSWERS, type PlanAnswer, type SnoozeTarget } from '../lessons/review-schedule';
import { currentReasonId, type Template } from '../lessons/template';
import { OutcomeSelect, ReasonSelect } from '../prompt/LossFields';
import { t } from '../i18n/t';
import { LessonReason } from './LessonSummary';
import { formatDate } from './format';
import '../prompt/reflection.css';

const ANSWER_LABEL: Record<PlanAnswer, () => string> = {
  'not-yet': () => t('review_answer_not_yet'),
  tried: () => t('review_answer_tried'),
  applied: () => t('review_answer_applied'),
  habit: () => t('review_answer_habit'),
};

/** What a second look changes: the reason and the outcome, as the lesson stores them. */
export type SecondLookChanges = { reason?: string; outcome?: OutcomeId };

type Props = {
  lesson: Lesson;
  template: Template;
  /** The plan's review is due: ask whether it was applied. */
  plan: boolean;
  /** The second look at the loss is open: ask whether anything new was learned about why. */
  secondLook: boolean;
  /** An answer is being saved: the buttons wait. */
  busy?: boolean;
  onPlan(answer: PlanAnswer): void;
  /** `{}`: it still holds. */
  onSecondLook(changes: SecondLookChanges): void;
  onSnooze(target: SnoozeTarget): void;
  onRetire(): void;
};

/**
 * One lesson due for review: the deal, the reason, the if-then plan, and what is asked of it
 * now (the plan's "did you apply it?", the loss's second look), with snooze and retire.
 */
export function ReviewCard(props: Props) {
  const { lesson, template, busy = false } = props;
  const plan = planText(lesson.answers);
  const headingId = `review-${lesson.id}`;
  return (
    <article class="card review-card" aria-labelledby={headingId} data-testid="review-card">
      <h3 id={headingId} class="lesson-name">
        {lesson.dealName}
      </h3>
      <div class="lesson-meta">
        <time dateTime={lesson.createdAt}>{formatDate(lesson.createdAt)}</time>
        {lesson.company && <> · {lesson.company}</>} ·{' '}
        <span data-testid="review-reason">
          <LessonReason lesson={lesson} template={template} />
        </span>
      </div>
      {plan && <p class="lesson-next">{plan}</p>}
      {props.plan && (
        <fieldset class="review-question">
          <legend>{t('review_plan_question')}</legend>
          <div class="row">
            {PLAN_ANSWERS.map((answer) => (
              <button
                key={answer}
                type="button"
                disabled={busy}
                onClick={() => props.onPlan(answer)}
              >
                {ANSWER_LABEL[answer]()}
              </button>
            ))}
          </div>
        </fieldset>
      )}
      {props.secondLook && (
        <SecondLook lesson={lesson} template={template} busy={busy} onAnswer={props.onSecondLook} />
      )}
      <div class="row review-later">
        <button
          type="button"
          class="link"
          disabled={busy}
          onClick={() => props.onSnooze('tomorrow')}
        >
          {t('review_snooze_tomorrow')}
        </button>
        <button
          type="button"
          class="link"
          disabled={busy}
          onClick={() => props.onSnooze('next-week')}
        >
          {t('review_snooze_week')}
        </button>
        <span class="spacer" />
        <button type="button" class="link" disabled={busy} onClick={props.onRetire}>
          {t('review_retire')}
        </button>
      </div>
    </article>
  );
}

/** "Learned anything new about why?": it still holds, or a new reason and/or outcome. */
function SecondLook(props: {
  lesson: Lesson;
  template: Template;
  busy: boolean;
  onAnswer(changes: SecondLookChanges): void;
}) {
  const { lesson, template, busy } = props;
  const [editing, setEditing] = useState(false);
  // A merged reason shows as the reason it went into (the one offered), as in the edit form.
  const [reason, setReason] = useState(currentReasonId(template, lesson.reason) ?? '');
  const [outcome, setOutcome] = useState<OutcomeId | ''>(lesson.outcome);
  const id = (name: string) => `second-look-${lesson.id}-${name}`;
  return (
    <fieldset class="review-question">
      <legend>{t('review_second_look_question')}</legend>
      {!editing ? (
        <div class="row">
          <button type="button" disabled={busy} onClick={() => props.onAnswer({})}>
            {t('review_still_holds')}
          </button>
          <button type="button" disabled={busy} onClick={() => setEditing(true)}>
            {t('review_change_reason')}
          </button>
        </div>
      ) : (
        <div class="rb-page review-change">
          <ReasonSelect
            id={id('reason')}
            label={t('form_main_reason')}
            groups={template.groups}
            value={reason}
            onChange={setReason}
          />
          <OutcomeSelect
            id={id('outcome')}
            value={outcome}
            onChange={(value) => setOutcome(value as OutcomeId | '')}
          />
          <div class="row">
            <button
              type="button"
              class="primary"
              disabled={busy}
              onClick={() => props.onAnswer({ reason, ...(outcome && { outcome }) })}
            >
              {t('review_save_change')}
            </button>
            <button type="button" disabled={busy} onClick={() => setEditing(false)}>
              {t('lesson_edit_cancel')}
            </button>
          </div>
        </div>
      )}
    </fieldset>
  );
}
