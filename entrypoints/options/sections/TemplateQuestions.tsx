import { useState } from 'preact/hooks';
import { t } from '../../../src/i18n/t';
import type { Mode } from '../../../src/lessons/questions';
import {
  addQuestion,
  moveQuestion,
  setQuestionRemoved,
  updateQuestion,
} from '../../../src/lessons/template-edit';
import {
  builtInQuestion,
  defaultTemplateSettings,
  resolveTemplate,
} from '../../../src/lessons/template';
import { useTemplateDraft } from './use-template-draft';

function ModeSelect(props: {
  id: string;
  label: string;
  value: Mode;
  onChange: (m: Mode) => void;
}) {
  return (
    <select
      id={props.id}
      aria-label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value as Mode)}
    >
      <option value="quick">{t('template_mode_quick')}</option>
      <option value="deep">{t('template_mode_deep')}</option>
    </select>
  );
}

/**
 * The reflection's questions: reword, reorder, move between quick and deep mode, add and
 * remove. Removed questions stay listed (and restorable) because old lessons hold their answers.
 */
export function TemplateQuestions() {
  const editor = useTemplateDraft((current, draft) => ({ ...current, questions: draft.questions }));
  const [newLabel, setNewLabel] = useState('');
  const [newMode, setNewMode] = useState<Mode>('deep');
  if (!editor) return null;
  const { draft, edit } = editor;
  const labels = resolveTemplate(draft).questionLabels;
  const asked = draft.questions.filter((q) => !q.removed);
  const removed = draft.questions.filter((q) => q.removed);

  const add = () => {
    if (!newLabel.trim()) return editor.fail(t('template_error_question_label'));
    edit((d) => addQuestion(d, newLabel.trim(), newMode));
    setNewLabel('');
  };
  const reset = () =>
    edit((d) => ({
      ...d,
      // Questions the user added stay, removed, for the lessons that answered them.
      questions: [
        ...defaultTemplateSettings().questions,
        ...d.questions.filter((q) => !builtInQuestion(q.id)).map((q) => ({ ...q, removed: true })),
      ],
    }));

  return (
    <section aria-labelledby="questions-title" style={{ display: 'grid', gap: '8px' }}>
      <h2 id="questions-title">{t('template_questions_title')}</h2>
      {editor.problem}
      <p class="muted">{t('template_questions_help')}</p>
      <ol class="template-list">
        {asked.map((q, index) => {
          const label = labels[q.id] ?? q.id;
          return (
            <li key={q.id} class="row" data-testid="template-question">
              <input
                aria-label={t('template_question_wording', index + 1)}
                value={label}
                maxLength={300}
                style={{ flex: 1, minWidth: '12em' }}
                onInput={(e) => {
                  const text = e.currentTarget.value;
                  edit((d) => updateQuestion(d, q.id, { label: text }));
                }}
              />
              <ModeSelect
                id={`mode-${q.id}`}
                label={t('template_question_mode', label)}
                value={q.mode}
                onChange={(mode) => edit((d) => updateQuestion(d, q.id, { mode }))}
              />
              <button
                type="button"
                aria-label={t('template_move_up', label)}
                disabled={index === 0}
                onClick={() => edit((d) => moveQuestion(d, q.id, -1))}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={t('template_move_down', label)}
                disabled={index === asked.length - 1}
                onClick={() => edit((d) => moveQuestion(d, q.id, 1))}
              >
                ↓
              </button>
              <button
                type="button"
                aria-label={t('template_remove', label)}
                onClick={() => edit((d) => setQuestionRemoved(d, q.id, true))}
              >
                {t('template_remove_short')}
              </button>
            </li>
          );
        })}
      </ol>
      <div class="row">
        <input
          aria-label={t('template_new_question')}
          placeholder={t('template_new_question')}
          value={newLabel}
          maxLength={300}
          style={{ flex: 1, minWidth: '12em' }}
          onInput={(e) => setNewLabel(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && add()}
        />
        <ModeSelect
          id="new-question-mode"
          label={t('template_new_question_mode')}
          value={newMode}
          onChange={setNewMode}
        />
        <button type="button" onClick={add}>
          {t('template_add_question')}
        </button>
      </div>
      {removed.length > 0 && (
        <details>
          <summary>{t('template_removed_questions', removed.length)}</summary>
          <ul class="template-list">
            {removed.map((q) => (
              <li key={q.id} class="row">
                <span style={{ flex: 1 }}>{labels[q.id] ?? q.id}</span>
                <button
                  type="button"
                  aria-label={t('template_restore', labels[q.id] ?? q.id)}
                  onClick={() => edit((d) => setQuestionRemoved(d, q.id, false))}
                >
                  {t('template_restore_short')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      <div class="row">
        <button type="button" class="primary" onClick={() => void editor.save()}>
          {t('template_save_questions')}
        </button>
        <button type="button" onClick={reset}>
          {t('template_reset_questions')}
        </button>
        {editor.status}
      </div>
    </section>
  );
}
