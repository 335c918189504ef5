import { useState } from 'preact/hooks';
import { database } from '../db/database';
import { tagsInUse } from '../db/lesson-query';
import { setTags } from '../db/lesson-edits';
import { describeWriteError } from '../db/write-error';
import { t } from '../i18n/t';
import { TagInput } from './TagEditor';
import { useDeleteLessons } from './use-delete-lessons';
import { useUndo } from './UndoToast';

type Props = {
  /** The selected lessons. */
  ids: string[];
  /** An action went through: the caller clears the selection and puts the focus back in the list. */
  onDone(): void;
};

/**
 * What can be done to the lessons selected in the library at once: add a tag, remove a tag,
 * delete (undone from the page's toast). What came of it is said in the toast too, since this
 * bar goes when the selection is cleared.
 */
export function BulkActions({ ids, onDone }: Props) {
  const offer = useUndo();
  const deleteLessons = useDeleteLessons();
  const [error, setError] = useState<string>();
  const known = () => tagsInUse(database());
  const tag = (how: 'add' | 'remove') => async (tags: string[]) => {
    const changed = await setTags(database(), ids, { [how]: tags });
    const name = tags.join(', ');
    const one = changed.length === 1;
    offer({
      message:
        how === 'add'
          ? one
            ? t('bulk_tagged_one', name)
            : t('bulk_tagged', [name, changed.length])
          : one
            ? t('bulk_untagged_one', name)
            : t('bulk_untagged', [name, changed.length]),
    });
    onDone();
  };
  const remove = async () => {
    setError(undefined);
    try {
      await deleteLessons(ids);
      onDone();
    } catch (e) {
      setError(describeWriteError(e).message);
    }
  };
  return (
    <div class="row bulk-actions" role="group" aria-labelledby="bulk-selected">
      <span id="bulk-selected" class="status">
        {t('bulk_selected', ids.length)}
      </span>
      <TagInput id="bulk-add-tag" label={t('bulk_add_tag')} known={known} onAdd={tag('add')} />
      <TagInput
        id="bulk-remove-tag"
        label={t('bulk_remove_tag')}
        known={known}
        onAdd={tag('remove')}
      />
      <button type="button" class="danger" onClick={() => void remove()} disabled={!ids.length}>
        {t('bulk_delete')}
      </button>
      {error && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
