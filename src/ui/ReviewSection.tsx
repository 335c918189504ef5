import { useEffect, useRef, useState } from 'preact/hooks';
import { database } from '../db/database';
import {
  answerPlan,
  answerSecondLook,
  dueReviews,
  onThisDay,
  retireReview,
  reviewProgress,
  snoozeReview,
  tidyReviews,
  type ReviewProgress,
} from '../db/reviews';
import { describeWriteError } from '../db/write-error';
import { t } from '../i18n/t';
import { planText } from '../lessons/questions';
import type { Template } from '../lessons/template';
import { comeBackItem } from '../settings/store';
import { ReviewCard, type SecondLookChanges } from './ReviewCard';
import { StatusLine, type Status } from './StatusLine';
import { useLiveQuery } from './use-live-query';

/** The most cards the popup shows at once; answering one brings the next. */
export const REVIEW_SHOWN = 5;

async function loadReview(now: Date, secondLook: boolean | undefined) {
  const db = database();
  const [due, progress, day] = await Promise.all([
    dueReviews(db, now, REVIEW_SHOWN, { secondLook }),
    reviewProgress(db, now),
    onThisDay(db, now),
  ]);
  return { due, progress, day };
}

/** This month, counted without guilt: what was done, never what was missed. */
function progressText({ lessons, plansApplied, reviewDays }: ReviewProgress): string {
  return [
    lessons === 1 ? t('review_progress_lessons_one') : t('review_progress_lessons', lessons),
    plansApplied === 1
      ? t('review_progress_applied_one')
      : t('review_progress_applied', plansApplied),
    reviewDays === 1 ? t('review_progress_days_one') : t('review_progress_days', reviewDays),
  ].join(' · ');
}

/**
 * The popup's review: the lessons due today (kept current: an answered card goes), a lesson of
 * this day a month or a year ago, and this month's progress. `now` is the page's clock.
 */
export function ReviewSection({
  template,
  now = () => new Date(),
  onSettled,
}: {
  /** Undefined while the user's template loads: the cards wait for it, the query does not. */
  template: Template | undefined;
  now?: () => Date;
  /** Called once the review has been read (or could not be): slower reads may start then. */
  onSettled?: () => void;
}) {
  // Only a change (the options page) is taken here, and runs the query again: the first query
  // reads the setting itself, so the cards neither wait for one more round trip nor are read
  // twice as the popup opens (once without the setting, once more when it arrives).
  const [secondLook, setSecondLook] = useState<boolean>();
  useEffect(() => comeBackItem.watch((changed) => setSecondLook(changed.value.secondLook)), []);
  const data = useLiveQuery(() => loadReview(now(), secondLook), [secondLook]);
  const [busy, setBusy] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const heading = useRef<HTMLHeadingElement>(null);

  const loaded = data.state === 'ready';
  const settled = data.state !== 'loading';
  useEffect(() => {
    if (settled) onSettled?.();
  }, [settled]);
  useEffect(() => {
    if (!loaded) return;
    // Rows of deleted lessons and lapsed second looks leave the due index (live reads cannot
    // write); once the cards are shown, so the first read does not wait for it.
    tidyReviews(database(), now()).catch((error: unknown) =>
      setStatus({ error: true, text: t('review_failed', describeWriteError(error).message) }),
    );
  }, [loaded]);

  /**
   * Runs one answer and shows what `write` says came of it; the card goes by itself (live) and
   * the focus goes back to the heading, not lost with the card.
   */
  const act = (lessonId: string, write: () => Promise<Status | void>) => {
    setBusy(lessonId);
    setStatus(undefined);
    write()
      .then((result) => {
        setStatus(result ?? undefined);
        if (!result?.error) heading.current?.focus();
      })
      .catch((error: unknown) =>
        setStatus({ error: true, text: t('review_failed', describeWriteError(error).message) }),
      )
      .finally(() => setBusy(undefined));
  };
  const secondLookAnswer = async (lessonId: string, changes: SecondLookChanges) => {
    const result = await answerSecondLook(database(), lessonId, changes, now());
    if (result.status === 'invalid')
      return { error: true, text: t('review_failed', result.message) };
    return result.status === 'saved' ? { error: false, text: t('review_changed') } : undefined;
  };

  if (data.state === 'error')
    return <p class="status error">{t('lessons_read_error', data.error)}</p>;
  if (data.state !== 'ready' || !template) return null;
  const { due, progress, day } = data.value;
  const db = database();
  return (
    <section class="review-section" aria-labelledby="review-title" data-testid="review">
      <h2 id="review-title" ref={heading} tabIndex={-1}>
        {t('review_title')}
      </h2>
      {due.length === 0 ? (
        <p class="muted review-line" data-testid="review-empty">
          {t('review_empty')}
        </p>
      ) : (
        <ul class="lesson-list">
          {due.map(({ lesson, plan, secondLook: look }) => (
            <li key={lesson.id}>
              <ReviewCard
                lesson={lesson}
                template={template}
                plan={plan}
                secondLook={look}
                busy={busy === lesson.id}
                onPlan={(answer) =>
                  act(lesson.id, async () => void (await answerPlan(db, lesson.id, answer, now())))
                }
                onSecondLook={(changes) =>
                  act(lesson.id, () => secondLookAnswer(lesson.id, changes))
                }
                onSnooze={(target) =>
                  act(
                    lesson.id,
                    async () => void (await snoozeReview(db, lesson.id, target, now())),
                  )
                }
                onRetire={() =>
                  act(lesson.id, async () => void (await retireReview(db, lesson.id, now())))
                }
              />
            </li>
          ))}
        </ul>
      )}
      <StatusLine status={status} block />
      {day && (
        <p class="review-line" data-testid="on-this-day">
          <span class="muted">
            {day.ago === 'month' ? t('review_month_ago') : t('review_year_ago')}
          </span>{' '}
          <strong>{day.lesson.dealName}</strong>
          {planText(day.lesson.answers) && <> — {planText(day.lesson.answers)}</>}
        </p>
      )}
      <p class="muted review-line" data-testid="review-progress">
        {progressText(progress)}
      </p>
    </section>
  );
}
