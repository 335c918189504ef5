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
import { ReviewCard } from './ReviewCard';
import { StatusLine, type Status } from './StatusLine';
import { useLiveQuery } from './use-live-query';
import { useSettingsItem } from './use-settings';

/** The most cards the popup shows at once; answering one brings the next. */
export const REVIEW_SHOWN = 5;

async function loadReview(now: Date, secondLook: boolean) {
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
}: {
  template: Template;
  now?: () => Date;
}) {
  const comeBack = useSettingsItem(comeBackItem);
  const secondLook = comeBack?.value.secondLook;
  const data = useLiveQuery(
    async () => (secondLook === undefined ? undefined : loadReview(now(), secondLook)),
    [secondLook],
  );
  const [busy, setBusy] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const heading = useRef<HTMLHeadingElement>(null);

  const loaded = data.state === 'ready' && data.value !== undefined;
  useEffect(() => {
    if (!loaded) return;
    // Rows of deleted lessons and lapsed second looks leave the due index (live reads cannot
    // write); once the cards are shown, so the first read does not wait for it.
    tidyReviews(database(), now()).catch((error: unknown) =>
      setStatus({ error: true, text: t('review_failed', describeWriteError(error).message) }),
    );
  }, [loaded]);

  /** Runs one answer; the card goes by itself (live), the focus goes back to the heading. */
  const act = (lessonId: string, write: () => Promise<unknown>, done?: Status) => {
    setBusy(lessonId);
    setStatus(undefined);
    write()
      .then((result) => {
        if (result && typeof result === 'object' && 'message' in result)
          setStatus({ error: true, text: t('review_failed', String(result.message)) });
        else setStatus(done);
        heading.current?.focus();
      })
      .catch((error: unknown) =>
        setStatus({ error: true, text: t('review_failed', describeWriteError(error).message) }),
      )
      .finally(() => setBusy(undefined));
  };

  if (data.state === 'error')
    return <p class="status error">{t('lessons_read_error', data.error)}</p>;
  if (data.state !== 'ready' || !data.value) return null;
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
                onPlan={(answer) => act(lesson.id, () => answerPlan(db, lesson.id, answer, now()))}
                onSecondLook={(changes) =>
                  act(
                    lesson.id,
                    () => answerSecondLook(db, lesson.id, changes, now()),
                    Object.keys(changes).length > 0
                      ? { error: false, text: t('review_changed') }
                      : undefined,
                  )
                }
                onSnooze={(target) =>
                  act(lesson.id, () => snoozeReview(db, lesson.id, target, now()))
                }
                onRetire={() => act(lesson.id, () => retireReview(db, lesson.id, now()))}
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
