import type { JSX } from 'preact';
import { OUTCOMES } from '../lessons/outcomes';
import { CONFIDENCE, FEELINGS, type Question } from '../lessons/questions';
import { ANSWER_MAX, NAME_MAX } from '../lessons/schema';
import type { ReasonGroupView } from '../lessons/template';
import type { ReflectionValues } from '../lessons/values';
import { LimitedField } from './LimitedField';
import { t } from '../i18n/t';

/*
 * The fields the reflection form and the lesson edit form both ask, asked the same way in both:
 * one copy, so a correction later looks like the answer given at the time. Here in src/prompt
 * because the reflection form runs in CRM pages, where nothing from src/db may load.
 */

/** How the deal ended, as a select. */
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
function Choices<T extends string | number>(props: {
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

type Id = (name: string) => string;
type DealValues = Pick<ReflectionValues, 'dealName' | 'company'>;
export type LossValues = Pick<
  ReflectionValues,
  'outcome' | 'reason' | 'secondaryReason' | 'confidence' | 'feeling'
>;

/** The deal's name (required) and company, side by side. */
export function DealFields(props: {
  id: Id;
  values: DealValues;
  onChange: (patch: Partial<DealValues>) => void;
}) {
  return (
    <div class="rb-row">
      <LimitedField
        id={props.id('deal')}
        label={t('form_deal')}
        max={NAME_MAX}
        value={props.values.dealName}
        required
        onInput={(dealName) => props.onChange({ dealName })}
      />
      <LimitedField
        id={props.id('company')}
        label={t('form_company')}
        max={NAME_MAX}
        value={props.values.company}
        onInput={(company) => props.onChange({ company })}
      />
    </div>
  );
}

/**
 * How the deal ended, its two reasons, then the confidence in them and the feeling.
 * `otherReason` goes under the reasons: each form decides when its own-words field shows.
 */
export function LossFields(props: {
  id: Id;
  groups: ReasonGroupView[];
  values: LossValues;
  onChange: (patch: Partial<LossValues>) => void;
  otherReason: JSX.Element | false;
}) {
  const { id, values, onChange } = props;
  return (
    <>
      <OutcomeSelect
        id={id('outcome')}
        value={values.outcome}
        onChange={(outcome) => onChange({ outcome })}
      />
      <div class="rb-row">
        <ReasonSelect
          id={id('reason')}
          label={t('form_main_reason')}
          groups={props.groups}
          value={values.reason}
          onChange={(reason) => onChange({ reason })}
        />
        <ReasonSelect
          id={id('reason2')}
          label={t('form_second_reason')}
          groups={props.groups}
          value={values.secondaryReason}
          onChange={(secondaryReason) => onChange({ secondaryReason })}
        />
      </div>
      {props.otherReason}
      <Choices
        name={id('confidence')}
        legend={t('form_confidence')}
        options={CONFIDENCE.map((c) => ({ value: c.id, label: c.label }))}
        value={values.confidence}
        onChange={(confidence) => onChange({ confidence })}
      />
      <Choices
        name={id('feeling')}
        legend={t('form_feeling')}
        options={FEELINGS.map((f) => ({
          value: f.value,
          label: t('form_feeling_option', [f.value, f.label]),
        }))}
        value={values.feeling}
        onChange={(feeling) => onChange({ feeling })}
      />
    </>
  );
}

/** One of the template's questions: a text box of `rows` lines, or its choices. */
export function QuestionField(props: {
  id: Id;
  question: Question;
  value: string | undefined;
  rows: number;
  placeholder?: string;
  onChange: (value: string) => void;
}) {
  const q = props.question;
  return q.kind === 'text' ? (
    <LimitedField
      id={props.id(q.id)}
      label={q.label}
      max={ANSWER_MAX}
      multiline={{ rows: props.rows, placeholder: props.placeholder }}
      value={props.value ?? ''}
      onInput={props.onChange}
    />
  ) : (
    <Choices
      name={props.id(q.id)}
      legend={q.label}
      options={q.options.map((o) => ({ value: o.id, label: o.label }))}
      value={props.value}
      onChange={props.onChange}
    />
  );
}
