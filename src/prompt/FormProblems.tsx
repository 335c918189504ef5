import type { ComponentChildren } from 'preact';
import { t } from '../i18n/t';

type Props = {
  /** Why the answers typed since the last write are not in the draft yet, if they are not. */
  unsaved?: string;
  /** `unsaved` says it whole: the writer stopped (changed or finished elsewhere), not retrying. */
  unsavedForGood?: boolean;
  /** What the user can do about it (load the other window's answers), after the words. */
  unsavedAction?: ComponentChildren;
  /** Why the last Save did not go through. */
  error?: string;
};

/** What went wrong with a form's writes, announced as it happens; nothing when all is well. */
export function FormProblems({ unsaved, unsavedForGood, unsavedAction, error }: Props) {
  return (
    <>
      {unsaved && (
        <p class="rb-error" role="alert" data-testid="draft-not-saved">
          {unsavedForGood ? unsaved : t('form_draft_not_saved', unsaved)}
          {unsavedAction && <> {unsavedAction}</>}
        </p>
      )}
      {error && (
        <p class="rb-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
