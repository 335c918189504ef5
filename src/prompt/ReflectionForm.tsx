import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { OTHER_REASON_ANSWER, type Question } from '../lessons/questions';
import { OTHER_REASON } from '../lessons/reasons';
import { currentReasonId, type Template } from '../lessons/template';
import { EMPTY_VALUES, type ReflectionValues } from '../lessons/values';
import { ANSWER_MAX } from '../lessons/schema';
import { FormProblems } from './FormProblems';
import { LimitedField } from './LimitedField';
import { DealFields, LossFields, QuestionField } from './LossFields';
import { t } from '../i18n/t';

type Props = {
  /** Prefix for element ids, unique per form on a page. */
  idPrefix: string;
  /** Ask for the deal's name and company (manual entry, no CRM page to read them from). */
  askDeal: boolean;
  /** The user's questions and reasons. */
  template: Template;
  initial?: ReflectionValues;
  busy: boolean;
  error?: string;
  /** Why the answers typed could not be written as a draft, while they cannot. */
  unsaved?: string;
  /** `unsaved` is final (a full sentence): nothing more will be saved from this form. */
  unsavedForGood?: boolean;
  /** Beside that reason: what the user can do about it (load the other window's answers). */
  unsavedAction?: JSX.Element;
  onSave: (values: ReflectionValues) => void;
  onLater: () => void;
  /** Every change, for drafts. */
  onChange?: (values: ReflectionValues) => void;
  laterLabel?: string;
  /** Extra actions beside Save (Later options, Skip). */
  actions?: JSX.Element;
};

/**
 * The reflection as a form: quick mode (mostly taps, about 90 s) and deep mode (the rest of the
 * method). Presentational: values in, callbacks out, so it renders the same in the CRM page's
 * shadow root, in an extension page and in DOM tests. Switching modes keeps every answer.
 */
export function ReflectionForm({
  idPrefix,
  askDeal,
  template,
  initial = EMPTY_VALUES,
  busy,
  error,
  unsaved,
  unsavedForGood,
  unsavedAction,
  onSave,
  onLater,
  onChange,
  laterLabel = t('form_later'),
  actions,
}: Props) {
  // A draft begun before a reason was merged shows the reason it went into (the one offered).
  const [values, setValues] = useState<ReflectionValues>(() => ({
    ...initial,
    reason: currentReasonId(template, initial.reason),
    secondaryReason: currentReasonId(template, initial.secondaryReason),
  }));
  const id = (name: string) => `${idPrefix}-${name}`;
  const update = (next: ReflectionValues) => {
    setValues(next);
    onChange?.(next);
  };
  const set = (patch: Partial<ReflectionValues>) => update({ ...values, ...patch });
  const setAnswer = (key: string, text: string) =>
    set({ answers: { ...values.answers, [key]: text } });
  const deep = values.mode === 'deep';

  const submit = (event: JSX.TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSave(values);
  };
  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onLater();
    }
  };

  const question = (q: Question) => (
    <QuestionField
      key={q.id}
      id={id}
      question={q}
      value={values.answers[q.id]}
      rows={q.kind === 'text' && q.mode === 'quick' ? 1 : 2}
      placeholder={q.kind === 'text' ? q.hint : undefined}
      onChange={(text) => setAnswer(q.id, text)}
    />
  );

  return (
    <form class="rb-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      {askDeal && <DealFields id={id} values={values} onChange={set} />}
      <LossFields
        id={id}
        groups={template.groups}
        values={values}
        onChange={set}
        otherReason={
          (values.reason === OTHER_REASON || values.secondaryReason === OTHER_REASON) && (
            <LimitedField
              id={id(OTHER_REASON_ANSWER)}
              label={t('form_other_reason')}
              max={ANSWER_MAX}
              value={values.answers[OTHER_REASON_ANSWER] ?? ''}
              onInput={(text) => setAnswer(OTHER_REASON_ANSWER, text)}
            />
          )
        }
      />
      {template.questions.filter((q) => q.mode === 'quick').map(question)}
      <button
        type="button"
        class="rb-link"
        aria-expanded={deep}
        onClick={() => set({ mode: deep ? 'quick' : 'deep' })}
      >
        {deep ? t('form_fewer_questions') : t('form_more_questions')}
      </button>
      {deep && template.questions.filter((q) => q.mode === 'deep').map(question)}
      <FormProblems
        unsaved={unsaved}
        unsavedForGood={unsavedForGood}
        unsavedAction={unsavedAction}
        error={error}
      />
      <div class="rb-actions">
        {actions}
        <button type="button" class="rb-secondary" onClick={onLater} disabled={busy}>
          {laterLabel}
        </button>
        <button type="submit" class="rb-primary" disabled={busy}>
          {t('form_save')}
        </button>
      </div>
    </form>
  );
}
