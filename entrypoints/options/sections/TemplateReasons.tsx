import { useState } from 'preact/hooks';
import { t } from '../../../src/i18n/t';
import { GROUP_COLOURS, OTHER_REASON } from '../../../src/lessons/reasons';
import {
  addReason,
  mergeReason,
  unmergeReason,
  updateReason,
} from '../../../src/lessons/template-edit';
import { resolveTemplate, type ReasonInfo } from '../../../src/lessons/template';
import { useTemplateDraft } from './use-template-draft';

/**
 * The loss reasons: rename, recolour, mark "within my control", add, and merge one into another.
 * A merged reason is no longer offered, and the lessons that name it read as the reason it went
 * into, so nothing already written becomes unreadable (and a merge can be undone).
 */
export function TemplateReasons() {
  const editor = useTemplateDraft((current, draft) => ({ ...current, reasons: draft.reasons }));
  if (!editor) return null;
  const { draft, edit } = editor;
  const template = resolveTemplate(draft);
  const offered = template.groups.flatMap((g) => g.reasons);
  const merged = Object.values(template.reasons).filter((r) => r.mergedInto);

  return (
    <section aria-labelledby="reasons-title" style={{ display: 'grid', gap: '8px' }}>
      <h2 id="reasons-title">{t('template_reasons_title')}</h2>
      {editor.problem}
      <p class="muted">{t('template_reasons_help')}</p>
      {template.groups.map((group) => (
        <fieldset key={group.id} class="card reason-group">
          <legend>{group.label}</legend>
          {group.reasons.map((reason) => (
            <ReasonRow
              key={reason.id}
              reason={reason}
              targets={offered.filter((r) => r.id !== reason.id && r.id !== OTHER_REASON)}
              onChange={(patch) => edit((d) => updateReason(d, reason.id, patch))}
              onMerge={(into) => edit((d) => mergeReason(d, reason.id, into))}
            />
          ))}
          <AddReason
            group={group.label}
            onAdd={(label) => edit((d) => addReason(d, group.id, label, GROUP_COLOURS[group.id]!))}
          />
        </fieldset>
      ))}
      {merged.length > 0 && (
        <div>
          <h3>{t('template_merged_title')}</h3>
          <ul class="template-list">
            {merged.map((reason) => (
              <li key={reason.id} class="row" data-testid="merged-reason">
                <span style={{ flex: 1 }}>
                  {t('template_merged_into', [
                    reason.label,
                    template.reasons[reason.mergedInto!]?.label ?? reason.mergedInto!,
                  ])}
                </span>
                <button
                  type="button"
                  aria-label={t('template_unmerge', reason.label)}
                  onClick={() => edit((d) => unmergeReason(d, reason.id))}
                >
                  {t('template_unmerge_short')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="row">
        <button type="button" class="primary" onClick={() => void editor.save()}>
          {t('template_save_reasons')}
        </button>
        {editor.status}
      </div>
    </section>
  );
}

function ReasonRow(props: {
  reason: ReasonInfo;
  targets: ReasonInfo[];
  onChange: (patch: { label?: string; colour?: string; controllable?: boolean }) => void;
  onMerge: (into: string) => void;
}) {
  const { reason } = props;
  const [into, setInto] = useState('');
  const id = `reason-${reason.id}`;
  const isOther = reason.id === OTHER_REASON;
  return (
    <div class="row reason-row" data-testid="template-reason">
      <input
        type="color"
        aria-label={t('template_reason_colour', reason.label)}
        value={reason.colour}
        onInput={(e) => props.onChange({ colour: e.currentTarget.value })}
      />
      {isOther ? (
        <span style={{ flex: 1 }}>{reason.label}</span>
      ) : (
        <input
          aria-label={t('template_reason_name', reason.label)}
          value={reason.label}
          maxLength={300}
          size={24}
          style={{ flex: 1, minWidth: '10em' }}
          onInput={(e) => props.onChange({ label: e.currentTarget.value })}
        />
      )}
      <input
        id={`${id}-control`}
        type="checkbox"
        aria-label={t('template_within_control_of', reason.label)}
        checked={reason.controllable}
        onChange={(e) => props.onChange({ controllable: e.currentTarget.checked })}
      />
      <label for={`${id}-control`}>{t('template_within_control')}</label>
      {!isOther && (
        <>
          <select
            aria-label={t('template_merge_target', reason.label)}
            value={into}
            onChange={(e) => setInto(e.currentTarget.value)}
          >
            <option value="">{t('template_merge_into')}</option>
            {props.targets.map((target) => (
              <option key={target.id} value={target.id}>
                {target.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            aria-label={t('template_merge', reason.label)}
            disabled={!into}
            onClick={() => props.onMerge(into)}
          >
            {t('template_merge_short')}
          </button>
        </>
      )}
    </div>
  );
}

function AddReason(props: { group: string; onAdd: (label: string) => void }) {
  const [label, setLabel] = useState('');
  const add = () => {
    if (!label.trim()) return;
    props.onAdd(label.trim());
    setLabel('');
  };
  return (
    <div class="row">
      <input
        aria-label={t('template_new_reason', props.group)}
        placeholder={t('template_new_reason_placeholder')}
        value={label}
        maxLength={300}
        style={{ flex: 1, minWidth: '10em' }}
        onInput={(e) => setLabel(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && add()}
      />
      <button type="button" aria-label={t('template_add_reason', props.group)} onClick={add}>
        {t('template_add_reason_short')}
      </button>
    </div>
  );
}
