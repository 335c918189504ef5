import { useEffect, useRef, useState } from 'preact/hooks';
import { database } from '../db/database';
import { editLesson, setTags, type LessonChanges } from '../db/lesson-edits';
import { tagsInUse } from '../db/lesson-query';
import { describeWriteError } from '../db/write-error';
import { editFieldLabel, previousText, reasonDrift } from '../lessons/edit-history';
import { lessonAnswers, lessonFacts } from '../lessons/describe';
import type { Lesson } from '../lessons/schema';
import type { Template } from '../lessons/template';
import { AnswerList, DealLink } from './DealText';
import { formatAmount, formatDate, formatDateTime } from './format';
import { LessonEditForm } from './LessonEditForm';
import { StatusLine, type Status } from './StatusLine';
import { TagEditor } from './TagEditor';
import { useDeleteLessons } from './use-delete-lessons';
import { t } from '../i18n/t';

type Props = {
  id: string;
  lesson: Lesson;
  template: Template;
  /** Every change written here (an edit, a tag), for a list that does not re-read on its own. */
  onChange?: (lesson: Lesson) => void;
  /**
   * Offers Delete (with an undo in the page's toast, so an UndoProvider must be around the page):
   * the caller drops the row and puts the focus in a sensible place (the next row).
   */
  onDeleted?: (deleted: Lesson[]) => void;
};

/** Everything a lesson holds, as text; its tags; Edit, with what it held before kept as history. */
export function LessonDetail({ id, lesson, template, onChange, onDeleted }: Props) {
  // What this detail wrote last, until the lesson passed in is as new (a list re-read it).
  const [written, setWritten] = useState<Lesson>();
  const shown = written && written.updatedAt > lesson.updatedAt ? written : lesson;
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const deleteLessons = useDeleteLessons();

  useEffect(() => {
    // Into the form at its first field; out of it back to Edit (the form's buttons are gone).
    if (editing) document.getElementById(`${id}-edit-deal`)?.focus();
    else if (wasEditing.current) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const adopt = (next: Lesson) => {
    setWritten(next);
    onChange?.(next);
  };
  const save = async (changes: LessonChanges) => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await editLesson(database(), shown.id, changes);
      if (result.status === 'missing') return setError(t('lesson_edit_missing'));
      if (result.status === 'invalid') return setError(result.message);
      if (result.status === 'saved') {
        adopt(result.lesson);
        setStatus({ error: false, text: t('lesson_edit_saved') });
      }
      setEditing(false);
    } catch (e) {
      setError(describeWriteError(e).message);
    } finally {
      setBusy(false);
    }
  };
  const changeTags = async (how: { add?: string[]; remove?: string[] }) => {
    const [changed] = await setTags(database(), [shown.id], how);
    if (changed) adopt(changed);
  };
  const remove = async () => {
    setStatus(undefined);
    try {
      onDeleted?.(await deleteLessons([shown.id]));
    } catch (e) {
      setStatus({ error: true, text: describeWriteError(e).message });
    }
  };

  const history = shown.history ?? [];
  const lastEdit = history.at(-1);
  const drift = reasonDrift(shown, template);
  const rows: [string, string][] = [
    [t('fact_saved'), formatDateTime(shown.createdAt)],
    ...lessonFacts(shown, template, formatAmount),
    ...lessonAnswers(shown, template),
  ];
  return (
    <div id={id}>
      {lastEdit && (
        <p class="edited-mark">
          <time dateTime={lastEdit.at}>{t('lesson_edited', formatDate(lastEdit.at))}</time>
        </p>
      )}
      {editing ? (
        <LessonEditForm
          idPrefix={`${id}-edit`}
          lesson={shown}
          template={template}
          busy={busy}
          error={error}
          onSave={(changes) => void save(changes)}
          onCancel={() => {
            setError(undefined);
            setEditing(false);
          }}
        />
      ) : (
        <>
          {drift && (
            <p class="reason-drift" data-testid="reason-drift">
              {t('lesson_reason_drift', [drift.first, drift.later])}
            </p>
          )}
          <AnswerList rows={rows} />
          <DealLink url={shown.dealUrl} crm={shown.crm} />
        </>
      )}
      <TagEditor
        id={`${id}-tags`}
        tags={shown.tags ?? []}
        known={() => tagsInUse(database())}
        onAdd={(tags) => changeTags({ add: tags })}
        onRemove={(tag) => changeTags({ remove: [tag] })}
      />
      {history.length > 0 && (
        <details>
          <summary>
            {history.length === 1 ? t('lesson_history_one') : t('lesson_history', history.length)}
          </summary>
          <ul class="history-list">
            {history
              .map((edit, i) => (
                <li key={i}>
                  <span>
                    {t('lesson_history_entry', [
                      formatDate(edit.at),
                      editFieldLabel(template, edit.field),
                    ])}
                  </span>
                  <p>
                    {previousText(template, edit, (amount) =>
                      formatAmount(amount, shown.currency),
                    ) ?? t('lesson_history_empty')}
                  </p>
                </li>
              ))
              .reverse()}
          </ul>
        </details>
      )}
      {!editing && (
        <div class="row">
          <button
            type="button"
            ref={editButton}
            onClick={() => {
              setStatus(undefined);
              setEditing(true);
            }}
          >
            {t('lesson_edit')}
          </button>
          {onDeleted && (
            <button type="button" class="danger" onClick={() => void remove()}>
              {t('lesson_delete_with_undo')}
            </button>
          )}
          <StatusLine status={status} />
        </div>
      )}
    </div>
  );
}
