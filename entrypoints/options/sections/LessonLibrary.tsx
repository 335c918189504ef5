import { useState } from 'preact/hooks';
import { database } from '../../../src/db/database';
import { deleteLesson, recentLessons } from '../../../src/db/lessons';
import type { Lesson } from '../../../src/lessons/schema';
import { LessonDetail } from '../../../src/ui/LessonDetail';
import { LessonSummary } from '../../../src/ui/LessonSummary';
import { useConfirmDelete } from '../../../src/ui/use-confirm-delete';
import { useLiveQuery } from '../../../src/ui/use-live-query';
import { useTemplate } from '../../../src/ui/use-template';
import type { Template } from '../../../src/lessons/template';
import { t } from '../../../src/i18n/t';

/** Every lesson, newest first; open one to read it, delete with a confirmation. */
export function LessonLibrary() {
  const lessons = useLiveQuery(() => recentLessons(database()), []);
  const template = useTemplate();
  return (
    <section aria-labelledby="library-title" style={{ display: 'grid', gap: '10px' }}>
      <h2 id="library-title">{t('library_title')}</h2>
      {lessons.state === 'error' && (
        <p class="status error">{t('lessons_read_error', lessons.error)}</p>
      )}
      {lessons.state === 'ready' && lessons.value.length === 0 && (
        <p class="muted">{t('library_empty')}</p>
      )}
      {lessons.state === 'ready' && template && (
        <ul class="lesson-list">
          {lessons.value.map((lesson) => (
            <LessonItem key={lesson.id} lesson={lesson} template={template} />
          ))}
        </ul>
      )}
    </section>
  );
}

function LessonItem({ lesson, template }: { lesson: Lesson; template: Template }) {
  const [open, setOpen] = useState(false);
  const remove = useConfirmDelete(t('library_delete_question'), () =>
    deleteLesson(database(), lesson.id),
  );
  const detailId = `lesson-${lesson.id}`;
  return (
    <li class="card" data-testid="lesson">
      <div class="row" style={{ alignItems: 'flex-start' }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <LessonSummary lesson={lesson} template={template} />
        </div>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={detailId}
          onClick={() => setOpen(!open)}
        >
          {open ? t('library_close') : t('library_open')}
        </button>
        {remove.button}
      </div>
      {remove.confirm}
      {open && <LessonDetail id={detailId} lesson={lesson} template={template} />}
    </li>
  );
}
