import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { database } from '../../src/db/database';
import { draftDealName, unfinishedDrafts } from '../../src/db/drafts';
import { countLessons, recentLessons } from '../../src/db/lessons';
import { countWins } from '../../src/db/wins';
import { DetectionHealth } from '../../src/ui/DetectionHealth';
import { LessonSummary } from '../../src/ui/LessonSummary';
import { MissedLosses } from '../../src/ui/MissedLosses';
import { ReviewSection } from '../../src/ui/ReviewSection';
import { parseHash } from '../../src/ui/use-hash-route';
import { useLiveQuery } from '../../src/ui/use-live-query';
import { useTemplate } from '../../src/ui/use-template';
import { reflectPageUrl } from '../../src/background/reflect-page';
import { t } from '../../src/i18n/t';

const RECENT = 5;

async function loadPopup() {
  const db = database();
  const [lessons, drafts, wins] = await Promise.all([
    recentLessons(db, RECENT),
    unfinishedDrafts(db),
    countWins(db),
  ]);
  return { lessons, drafts, wins };
}

export function App() {
  const data = useLiveQuery(loadPopup, []);
  const [reviewSettled, setReviewSettled] = useState(false);
  // Apart, and last: counting walks the whole table (0.3 s at 50,000 lessons), and the browser
  // answers this database's reads in turn, so the latest lessons and the review go first.
  const countNow = data.state !== 'loading' && reviewSettled;
  const total = useLiveQuery(
    async () => (countNow ? countLessons(database()) : undefined),
    [countNow],
  );
  const template = useTemplate();
  const openReflect = () => void browser.tabs.create({ url: reflectPageUrl() });
  // Opened in a tab as popup.html#review (the daily reminder): wider, and the review comes first.
  const inTab = parseHash(location.hash).route === 'review';
  const review = <ReviewSection template={template} onSettled={() => setReviewSettled(true)} />;

  return (
    <main
      style={{
        width: inTab ? 'min(720px, 100%)' : '360px',
        boxSizing: inTab ? 'border-box' : undefined,
        margin: inTab ? '0 auto' : undefined,
        padding: '14px',
        display: 'flex',
        flexDirection: 'column',
        gap: '12px',
      }}
    >
      <header class="row">
        <h1>{t('popup_title')}</h1>
        <span class="spacer" />
        {total.state === 'ready' && total.value !== undefined && (
          <span class="muted" data-testid="lesson-count">
            {total.value === 1
              ? t('popup_lesson_count_one')
              : t('popup_lesson_count', total.value.toLocaleString())}
          </span>
        )}
        {data.state === 'ready' && data.value.wins > 0 && (
          <span class="muted" data-testid="win-count">
            ·{' '}
            {data.value.wins === 1
              ? t('popup_win_count_one')
              : t('popup_win_count', data.value.wins)}
          </span>
        )}
      </header>
      {inTab && review}
      <DetectionHealth />
      {data.state === 'error' && <p class="status error">{t('lessons_read_error', data.error)}</p>}
      {data.state === 'ready' && data.value.drafts.length > 0 && (
        <section aria-labelledby="unfinished-title">
          <h2 id="unfinished-title" style={{ marginBottom: '6px' }}>
            {t('popup_unfinished')}
          </h2>
          <ul class="lesson-list">
            {data.value.drafts.map((draft) => (
              <li class="card row" key={draft.id} data-testid="draft">
                <span class="lesson-name" style={{ flex: 1 }}>
                  {draftDealName(draft) ?? t('draft_unnamed')}
                </span>
                <button
                  type="button"
                  onClick={() => void browser.tabs.create({ url: reflectPageUrl(draft.id) })}
                >
                  {t('popup_continue')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!inTab && review}
      {data.state === 'ready' && data.value.lessons.length === 0 && (
        <div class="card" data-testid="empty-state">
          <p style={{ marginTop: 0 }}>
            <strong>{t('popup_empty_title')}</strong>
          </p>
          <p>
            {t('popup_empty_before')}
            <em>{t('popup_empty_stage')}</em>
            {t('popup_empty_after')}
          </p>
        </div>
      )}
      {data.state === 'ready' && data.value.lessons.length > 0 && template && (
        <section aria-label={t('popup_recent')}>
          <ul class="lesson-list">
            {data.value.lessons.map((lesson) => (
              <li class="card" key={lesson.id}>
                <LessonSummary lesson={lesson} template={template} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <MissedLosses />
      <div class="row">
        <button type="button" class="primary" onClick={openReflect}>
          {t('manual_title')}
        </button>
        <span class="spacer" />
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup_all_lessons')}
        </button>
      </div>
    </main>
  );
}
