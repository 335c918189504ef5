import type { JSX } from 'preact';
import { FormProblems } from './FormProblems';
import { useState } from 'preact/hooks';
import { t } from '../i18n/t';
import { ANSWER_MAX } from '../lessons/schema';
import { LimitedField } from './LimitedField';
import {
  WIN_AGAIN_QUESTIONS,
  WIN_DIFFERENCE_QUESTION,
  WIN_NEARLY_LOST_QUESTION,
  type WinQuestion,
} from '../lessons/win-questions';

type Props = {
  /** Prefix for element ids, unique per form on a page. */
  idPrefix: string;
  busy: boolean;
  error?: string;
  /** Why the answers typed could not be kept yet, while they cannot. */
  unsaved?: string;
  onSave: (answers: Record<string, string>) => void;
  onNotNow: () => void;
  /** Every change to the answers (the panel keeps them as they are typed). */
  onEdit?: (answers: Record<string, string>) => void;
};

/**
 * The three "what worked" questions as a form. Presentational: answers out through callbacks,
 * so it renders the same in the CRM page's shadow root and in DOM tests.
 */
export function WinForm({ idPrefix, busy, error, unsaved, onSave, onNotNow, onEdit }: Props) {
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const id = (name: string) => `${idPrefix}-${name}`;

  const field = (q: WinQuestion, rows: number) => (
    <LimitedField
      key={q.id}
      id={id(q.id)}
      label={q.label}
      max={ANSWER_MAX}
      multiline={{ rows, placeholder: q.hint }}
      value={answers[q.id] ?? ''}
      onInput={(text) => {
        const next = { ...answers, [q.id]: text };
        setAnswers(next);
        onEdit?.(next);
      }}
    />
  );
  const submit = (event: JSX.TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSave(answers);
  };

  return (
    <form class="rb-form" onSubmit={submit} noValidate>
      {field(WIN_DIFFERENCE_QUESTION, 2)}
      <fieldset class="rb-group">
        <legend>{t('win_question_again')}</legend>
        {WIN_AGAIN_QUESTIONS.map((q) => field(q, 1))}
      </fieldset>
      {field(WIN_NEARLY_LOST_QUESTION, 1)}
      <FormProblems unsaved={unsaved} error={error} />
      <div class="rb-actions">
        <button type="button" class="rb-secondary" onClick={onNotNow} disabled={busy}>
          {t('win_not_now')}
        </button>
        <button type="submit" class="rb-primary" disabled={busy}>
          {t('form_save')}
        </button>
      </div>
    </form>
  );
}
