import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { LessonChanges } from '../db/lesson-edits';
import { ANSWER_FIELD } from '../lessons/edit-history';
import { EDITABLE_FIELDS, type EditableField } from '../lessons/lesson-fields';
import { OTHER_REASON_ANSWER, type Question } from '../lessons/questions';
import { OTHER_REASON } from '../lessons/reasons';
import { ANSWER_MAX, type Lesson } from '../lessons/schema';
import { questionLabel, currentReasonId, type Template } from '../lessons/template';
import { DealFields, LossFields, QuestionField } from '../prompt/LossFields';
import { FormProblems } from '../prompt/FormProblems';
import { LimitedField } from '../prompt/LimitedField';
import { t } from '../i18n/t';
import '../prompt/reflection.css';

/** The editable fields the form does not hold as plain text, or leaves out (kept from the CRM). */
const NOT_TEXT = ['amount', 'feeling', 'crmLostReason', 'dealUrl'] as const;
type TextField = Exclude<EditableField, (typeof NOT_TEXT)[number]>;
const TEXT_FIELDS = EDITABLE_FIELDS.filter(
  (field): field is TextField => !(NOT_TEXT as readonly string[]).includes(field),
);

/** The form's fields: text as typed (the amount too), the feeling as its number. */
type Fields = Record<TextField, string> & {
  amount: string;
  feeling: number | undefined;
  answers: Record<string, string>;
};

function fieldsOf(lesson: Lesson, template: Template): Fields {
  return {
    dealName: lesson.dealName,
    company: lesson.company ?? '',
    amount: lesson.amount === undefined ? '' : String(lesson.amount),
    currency: lesson.currency ?? '',
    stageBefore: lesson.stageBefore ?? '',
    outcome: lesson.outcome,
    // A merged reason shows as the reason it went into (the one offered), as in the form.
    reason: currentReasonId(template, lesson.reason) ?? '',
    secondaryReason: currentReasonId(template, lesson.secondaryReason) ?? '',
    confidence: lesson.confidence ?? '',
    feeling: lesson.feeling,
    answers: { ...lesson.answers },
  };
}

/**
 * Only what the user changed from where the form began: a field changed elsewhere meanwhile is
 * not written back, and a merged reason the user left alone keeps its id.
 */
function changesFrom(start: Fields, now: Fields): LessonChanges {
  const changes: Record<string, string | number | undefined> = {};
  for (const key of TEXT_FIELDS) if (now[key] !== start[key]) changes[key] = now[key];
  if (now.feeling !== start.feeling) changes.feeling = now.feeling;
  if (now.amount.trim() !== start.amount)
    changes.amount = now.amount.trim() === '' ? undefined : Number(now.amount);
  for (const id of new Set([...Object.keys(start.answers), ...Object.keys(now.answers)]))
    if ((now.answers[id] ?? '') !== (start.answers[id] ?? ''))
      changes[`${ANSWER_FIELD}${id}`] = now.answers[id];
  return changes as LessonChanges;
}

type Props = {
  idPrefix: string;
  lesson: Lesson;
  template: Template;
  busy: boolean;
  /** Why the last Save did not go through. */
  error?: string;
  onSave: (changes: LessonChanges) => void;
  onCancel: () => void;
};

/**
 * Every answer and field of a saved lesson, to correct: the questions asked today (quick and
 * deep together), then answers to questions no longer asked. Presentational: the lesson in,
 * the changes out.
 */
export function LessonEditForm({
  idPrefix,
  lesson,
  template,
  busy,
  error,
  onSave,
  onCancel,
}: Props) {
  const [start] = useState(() => fieldsOf(lesson, template));
  const [fields, setFields] = useState(start);
  const id = (name: string) => `${idPrefix}-${name}`;
  const set = (patch: Partial<Fields>) => setFields({ ...fields, ...patch });
  const setAnswer = (key: string, text: string) =>
    set({ answers: { ...fields.answers, [key]: text } });
  const asked = new Set(template.questions.map((q) => q.id));
  const removed = Object.keys(lesson.answers).filter(
    (key) => !asked.has(key) && key !== OTHER_REASON_ANSWER,
  );

  const text = (key: string, label: string, rows = 2) => (
    <LimitedField
      key={key}
      id={id(key)}
      label={label}
      max={ANSWER_MAX}
      multiline={{ rows }}
      value={fields.answers[key] ?? ''}
      onInput={(value) => setAnswer(key, value)}
    />
  );
  const question = (q: Question) => (
    <QuestionField
      key={q.id}
      id={id}
      question={q}
      value={fields.answers[q.id]}
      rows={2}
      onChange={(value) => setAnswer(q.id, value)}
    />
  );
  const submit = (event: JSX.TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSave(changesFrom(start, fields));
  };

  return (
    <form class="rb-form rb-page" aria-label={t('lesson_edit_form')} onSubmit={submit} noValidate>
      <DealFields id={id} values={fields} onChange={set} />
      <div class="rb-row">
        <div class="rb-field">
          <label for={id('amount')}>{t('fact_amount')}</label>
          <input
            id={id('amount')}
            type="number"
            step="any"
            value={fields.amount}
            onInput={(e) => set({ amount: e.currentTarget.value })}
          />
        </div>
        <LimitedField
          id={id('currency')}
          label={t('field_currency')}
          max={10}
          value={fields.currency}
          onInput={(currency) => set({ currency })}
        />
        <LimitedField
          id={id('stage')}
          label={t('fact_stage_before')}
          max={200}
          value={fields.stageBefore}
          onInput={(stageBefore) => set({ stageBefore })}
        />
      </div>
      <LossFields
        id={id}
        groups={template.groups}
        values={fields}
        onChange={set}
        otherReason={
          (fields.reason === OTHER_REASON ||
            fields.secondaryReason === OTHER_REASON ||
            !!fields.answers[OTHER_REASON_ANSWER]) &&
          text(OTHER_REASON_ANSWER, t('form_other_reason'), 1)
        }
      />
      {template.questions.map(question)}
      {removed.length > 0 && (
        <fieldset class="rb-group">
          <legend>{t('lesson_edit_removed_questions')}</legend>
          {removed.map((key) => text(key, questionLabel(template, key)))}
        </fieldset>
      )}
      <FormProblems error={error} />
      <div class="rb-actions">
        <button type="button" class="rb-secondary" onClick={onCancel} disabled={busy}>
          {t('lesson_edit_cancel')}
        </button>
        <button type="submit" class="rb-primary" disabled={busy}>
          {t('lesson_edit_save')}
        </button>
      </div>
    </form>
  );
}
