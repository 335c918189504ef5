import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { OUTCOMES } from './outcomes';
import { OTHER_REASON_ANSWER, QUESTIONS } from './questions';
import { REASON_GROUPS } from './reasons';

export type ReflectionValues = {
  outcome: string;
  reason: string;
  answers: Record<string, string>;
  /** Only asked when no CRM page told us (manual entry). */
  dealName: string;
  company: string;
};

export const EMPTY_VALUES: ReflectionValues = {
  outcome: '',
  reason: '',
  answers: {},
  dealName: '',
  company: '',
};

type Props = {
  /** Prefix for element ids, unique per form on a page. */
  idPrefix: string;
  /** Ask for the deal's name and company (manual entry, no CRM page to read them from). */
  askDeal: boolean;
  initial?: ReflectionValues;
  busy: boolean;
  error?: string;
  onSave: (values: ReflectionValues) => void;
  onLater: () => void;
  laterLabel?: string;
};

/**
 * The reflection questions as a form. Presentational: values in, callbacks out, so it renders
 * the same in the CRM page's shadow root, in an extension page and in DOM tests.
 */
export function ReflectionForm({
  idPrefix,
  askDeal,
  initial = EMPTY_VALUES,
  busy,
  error,
  onSave,
  onLater,
  laterLabel = 'Later',
}: Props) {
  const [values, setValues] = useState<ReflectionValues>(initial);
  const id = (name: string) => `${idPrefix}-${name}`;
  const set = (patch: Partial<ReflectionValues>) => setValues((v) => ({ ...v, ...patch }));
  const setAnswer = (key: string, text: string) =>
    setValues((v) => ({ ...v, answers: { ...v.answers, [key]: text } }));

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

  return (
    <form class="rb-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      {askDeal && (
        <div class="rb-row">
          <div class="rb-field">
            <label for={id('deal')}>Deal</label>
            <input
              id={id('deal')}
              value={values.dealName}
              required
              onInput={(e) => set({ dealName: e.currentTarget.value })}
            />
          </div>
          <div class="rb-field">
            <label for={id('company')}>Company</label>
            <input
              id={id('company')}
              value={values.company}
              onInput={(e) => set({ company: e.currentTarget.value })}
            />
          </div>
        </div>
      )}
      <div class="rb-row">
        <div class="rb-field">
          <label for={id('outcome')}>Outcome</label>
          <select
            id={id('outcome')}
            value={values.outcome}
            required
            onChange={(e) => set({ outcome: e.currentTarget.value })}
          >
            <option value="">Choose…</option>
            {OUTCOMES.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div class="rb-field">
          <label for={id('reason')}>Main reason</label>
          <select
            id={id('reason')}
            value={values.reason}
            onChange={(e) => set({ reason: e.currentTarget.value })}
          >
            <option value="">Choose…</option>
            {REASON_GROUPS.map((group) => (
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
      </div>
      {values.reason === 'other' && (
        <div class="rb-field">
          <label for={id(OTHER_REASON_ANSWER)}>Other reason</label>
          <input
            id={id(OTHER_REASON_ANSWER)}
            value={values.answers[OTHER_REASON_ANSWER] ?? ''}
            onInput={(e) => setAnswer(OTHER_REASON_ANSWER, e.currentTarget.value)}
          />
        </div>
      )}
      {QUESTIONS.map((q) => (
        <div class="rb-field" key={q.id}>
          <label for={id(q.id)}>{q.label}</label>
          <textarea
            id={id(q.id)}
            rows={2}
            placeholder={q.hint}
            value={values.answers[q.id] ?? ''}
            onInput={(e) => setAnswer(q.id, e.currentTarget.value)}
          />
        </div>
      ))}
      {error && (
        <p class="rb-error" role="alert">
          {error}
        </p>
      )}
      <div class="rb-actions">
        <button type="button" class="rb-secondary" onClick={onLater} disabled={busy}>
          {laterLabel}
        </button>
        <button type="submit" class="rb-primary" disabled={busy}>
          Save
        </button>
      </div>
    </form>
  );
}
