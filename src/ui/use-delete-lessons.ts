import { database } from '../db/database';
import { deleteLessons, restoreLessons } from '../db/lesson-edits';
import type { Lesson } from '../lessons/schema';
import { t } from '../i18n/t';
import { useUndo } from './UndoToast';

/**
 * Deletes lessons at once and offers to put them back (the page's undo toast): no question
 * first, since the undo makes a slip cheap. Resolves with the records deleted; a failed write
 * rejects, for the caller to say why.
 */
export function useDeleteLessons(): (ids: readonly string[]) => Promise<Lesson[]> {
  const offer = useUndo();
  return async (ids) => {
    const db = database();
    const deleted = await deleteLessons(db, ids);
    const one = deleted.length === 1;
    if (deleted.length > 0)
      offer({
        message: one ? t('undo_deleted_one') : t('undo_deleted', deleted.length),
        undo: () => restoreLessons(db, deleted),
        undone: one ? t('undo_restored_one') : t('undo_restored', deleted.length),
      });
    return deleted;
  };
}
