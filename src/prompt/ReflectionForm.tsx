import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { OUTCOMES } from '../lessons/outcomes';
import {
  CONFIDENCE,
  FEELINGS,
  OTHER_REASON_ANSWER,
  type ChoiceQuestion,
  type TextQuestion,
} from '../lessons/questions';
import { OTHER_REASON } from '../lessons/reasons';
import { reasonOf, type ReasonGroupView, type Template } from '../lessons/template';
import { EMPTY_VALUES, type ReflectionValues } from '../lessons/values';
import { ANSWER_MAX, NAME_MAX } from '../lessons/schema';
import { FormProblems } from './FormProblems';
import { LimitedField } from './LimitedField';
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

/** How the deal ended, as a select (the lesson edit form asks it the same way). */
export function OutcomeSelect(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div class="rb-field">
      <label for={props.id}>{t('form_outcome')}</label>
      <select
        id={props.id}
        value={props.value}
        required
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <option value="">{t('form_choose')}</option>
        {OUTCOMES.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ReasonSelect(props: {
  id: string;
  label: string;
  groups: ReasonGroupView[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div class="rb-field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <option value="">{t('form_choose')}</option>
        {props.groups
          .filter((group) => group.reasons.length > 0)
          .map((group) => (
            <optgroup key={group.id} label={group.label}>
              {group.reasons.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </optgroup>
          ))}
      </select>
    </div>
  );
}

/** A row of one-tap choices, as radio buttons (arrow keys move between them). */
export function Choices<T extends string | number>(props: {
  name: string;
  legend: string;
  options: readonly { value: T; label: string }[];
  value: T | undefined;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset class="rb-choices">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={String(option.value)} class="rb-choice">
          <input
            type="radio"
            name={props.name}
            checked={props.value === option.value}
            onChange={() => props.onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

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
    reason: reasonOf(template, initial.reason)?.id ?? initial.reason,
    secondaryReason: reasonOf(template, initial.secondaryReason)?.id ?? initial.secondaryReason,
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

  const textQuestion = (q: TextQuestion) => (
    <LimitedField
      key={q.id}
      id={id(q.id)}
      label={q.label}
      max={ANSWER_MAX}
      multiline={{ rows: q.mode === 'quick' ? 1 : 2, placeholder: q.hint }}
      value={values.answers[q.id] ?? ''}
      onInput={(text) => setAnswer(q.id, text)}
    />
  );
  const choiceQuestion = (q: ChoiceQuestion) => (
    <Choices
      key={q.id}
      name={id(q.id)}
      legend={q.label}
      options={q.options.map((o) => ({ value: o.id, label: o.label }))}
      value={values.answers[q.id]}
      onChange={(value) => setAnswer(q.id, value)}
    />
  );
  const question = (q: TextQuestion | ChoiceQuestion) =>
    q.kind === 'text' ? textQuestion(q) : choiceQuestion(q);

  return (
    <form class="rb-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      {askDeal && (
        <div class="rb-row">
          <LimitedField
            id={id('deal')}
            label={t('form_deal')}
            max={NAME_MAX}
            value={values.dealName}
            required
            onInput={(dealName) => set({ dealName })}
          />
          <LimitedField
            id={id('company')}
            label={t('form_company')}
            max={NAME_MAX}
            value={values.company}
            onInput={(company) => set({ company })}
          />
        </div>
      )}
      <OutcomeSelect
        id={id('outcome')}
        value={values.outcome}
        onChange={(outcome) => set({ outcome })}
      />
      <div class="rb-row">
        <ReasonSelect
          id={id('reason')}
          label={t('form_main_reason')}
          groups={template.groups}
          value={values.reason}
          onChange={(reason) => set({ reason })}
        />
        <ReasonSelect
          id={id('reason2')}
          label={t('form_second_reason')}
          groups={template.groups}
          value={values.secondaryReason}
          onChange={(secondaryReason) => set({ secondaryReason })}
        />
      </div>
      {(values.reason === OTHER_REASON || values.secondaryReason === OTHER_REASON) && (
        <LimitedField
          id={id(OTHER_REASON_ANSWER)}
          label={t('form_other_reason')}
          max={ANSWER_MAX}
          value={values.answers[OTHER_REASON_ANSWER] ?? ''}
          onInput={(text) => setAnswer(OTHER_REASON_ANSWER, text)}
        />
      )}
      <Choices
        name={id('confidence')}
        legend={t('form_confidence')}
        options={CONFIDENCE.map((c) => ({ value: c.id, label: c.label }))}
        value={values.confidence}
        onChange={(confidence) => set({ confidence })}
      />
      <Choices
        name={id('feeling')}
        legend={t('form_feeling')}
        options={FEELINGS.map((f) => ({
          value: f.value,
          label: t('form_feeling_option', [f.value, f.label]),
        }))}
        value={values.feeling}
        onChange={(feeling) => set({ feeling })}
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
