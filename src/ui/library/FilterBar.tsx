import type { JSX } from 'preact';
import { t } from '../../i18n/t';
import {
  LIBRARY_SORTS,
  withoutChip,
  type LessonFilter,
  type LibrarySort,
} from '../../lessons/lesson-filter';
import { OUTCOME_IDS, outcomeLabel } from '../../lessons/outcomes';
import { normaliseTag } from '../../lessons/tags';
import type { Template } from '../../lessons/template';
import { crmName, filterChips } from './filter-chips';

type Props = {
  filter: LessonFilter;
  onChange: (filter: LessonFilter) => void;
  template: Template;
  crms: string[];
  tags: string[];
};

const toggle = (values: string[], value: string, on: boolean) =>
  on ? [...new Set([...values, value])] : values.filter((v) => v !== value);

const SORT_LABELS: Record<LibrarySort, () => string> = {
  newest: () => t('sort_newest'),
  oldest: () => t('sort_oldest'),
  amount: () => t('sort_amount'),
  relevance: () => t('sort_relevance'),
};

/**
 * The library's filters: controls in a disclosure, and what is chosen as removable chips that
 * stay in view. Every change goes to the URL (the caller's `onChange`), so Back undoes it.
 */
export function FilterBar({ filter, onChange, template, crms, tags }: Props) {
  const set = (patch: Partial<LessonFilter>) => onChange({ ...filter, ...patch });
  const chips = filterChips(filter, template);
  const value = (event: JSX.TargetedEvent<HTMLInputElement | HTMLSelectElement>) =>
    event.currentTarget.value;
  const number = (text: string) => (text.trim() === '' ? undefined : Number(text));

  const chooseReason = (event: JSX.TargetedEvent<HTMLSelectElement>) => {
    const [kind, id] = value(event).split(':', 2) as ['reason' | 'group', string];
    event.currentTarget.value = '';
    if (id) set({ [kind]: toggle(filter[kind], id, true) });
  };
  const addTag = (input: HTMLInputElement) => {
    const tag = normaliseTag(input.value);
    input.value = '';
    if (tag) set({ tag: toggle(filter.tag, tag, true) });
  };

  return (
    <div class="filter-bar">
      <details class="filters">
        <summary>{chips.length ? t('filters_count', chips.length) : t('filters')}</summary>
        <div class="filter-grid">
          {crms.length > 1 && (
            <fieldset>
              <legend>{t('filter_crm')}</legend>
              {crms.map((crm) => (
                <label key={crm} class="check">
                  <input
                    type="checkbox"
                    checked={filter.crm.includes(crm)}
                    onChange={(e) => set({ crm: toggle(filter.crm, crm, e.currentTarget.checked) })}
                  />
                  {crmName(crm)}
                </label>
              ))}
            </fieldset>
          )}
          <fieldset>
            <legend>{t('filter_outcome')}</legend>
            {OUTCOME_IDS.map((id) => (
              <label key={id} class="check">
                <input
                  type="checkbox"
                  checked={filter.outcome.includes(id)}
                  onChange={(e) =>
                    set({ outcome: toggle(filter.outcome, id, e.currentTarget.checked) })
                  }
                />
                {outcomeLabel(id)}
              </label>
            ))}
          </fieldset>
          <label>
            {t('filter_reason')}
            <select onChange={chooseReason}>
              <option value="">{t('filter_reason_choose')}</option>
              {template.groups.map((group) => (
                <optgroup key={group.id} label={group.label}>
                  <option value={`group:${group.id}`}>
                    {t('filter_reason_group', group.label)}
                  </option>
                  {group.reasons.map((reason) => (
                    <option key={reason.id} value={`reason:${reason.id}`}>
                      {reason.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          <YesNoAny
            label={t('filter_control')}
            value={filter.control}
            onChange={(control) => set({ control })}
          />
          <YesNoAny
            label={t('filter_plan')}
            value={filter.plan}
            onChange={(plan) => set({ plan })}
          />
          {(['from', 'to'] as const).map((key) => (
            <FilterInput
              key={key}
              label={key === 'from' ? t('filter_from') : t('filter_to')}
              type="date"
              value={filter[key]}
              onChange={(text) => set({ [key]: text || undefined })}
            />
          ))}
          {(['min', 'max'] as const).map((key) => (
            <FilterInput
              key={key}
              label={key === 'min' ? t('filter_min') : t('filter_max')}
              type="number"
              value={filter[key]}
              onChange={(text) => set({ [key]: number(text) })}
            />
          ))}
          <label>
            {t('filter_tag')}
            <input
              type="text"
              list="library-tags"
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addTag(e.currentTarget);
                }
              }}
              onChange={(e) => {
                // Picking from the list ends the typing.
                if (tags.includes(e.currentTarget.value)) addTag(e.currentTarget);
              }}
            />
            <datalist id="library-tags">
              {tags.map((tag) => (
                <option key={tag} value={tag} />
              ))}
            </datalist>
          </label>
        </div>
      </details>
      <label class="sort">
        {t('sort_label')}
        <select
          value={filter.sort ?? ''}
          onChange={(e) => set({ sort: (value(e) || undefined) as LibrarySort | undefined })}
        >
          <option value="">{t('sort_default')}</option>
          {LIBRARY_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]()}
            </option>
          ))}
        </select>
      </label>
      {chips.length > 0 && (
        <ul class="chips" aria-label={t('filters_active')}>
          {chips.map((chip) => (
            <li key={`${chip.key}:${chip.value ?? ''}`} class="chip">
              <span>{chip.label}</span>
              <button
                type="button"
                aria-label={t('chip_remove', chip.label)}
                onClick={() => onChange(withoutChip(filter, chip.key, chip.value))}
              >
                ×
              </button>
            </li>
          ))}
          <li>
            <button
              type="button"
              class="link"
              onClick={() => onChange({ ...filter, ...clearedFacets })}
            >
              {t('filters_clear')}
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}

/** Clearing filters keeps the search and the sort. */
const clearedFacets: Partial<LessonFilter> = {
  crm: [],
  outcome: [],
  reason: [],
  group: [],
  tag: [],
  control: undefined,
  from: undefined,
  to: undefined,
  min: undefined,
  max: undefined,
  plan: undefined,
};

/** A filter that is on (yes), off (no) or not applied (any). */
function YesNoAny({
  label,
  value,
  onChange,
}: {
  label: string;
  value: 'yes' | 'no' | undefined;
  onChange: (value: 'yes' | 'no' | undefined) => void;
}) {
  return (
    <label>
      {label}
      <select
        value={value ?? ''}
        onChange={(e) => onChange((e.currentTarget.value || undefined) as 'yes' | 'no' | undefined)}
      >
        <option value="">{t('filter_any')}</option>
        <option value="yes">{t('filter_yes')}</option>
        <option value="no">{t('filter_no')}</option>
      </select>
    </label>
  );
}

/** A date or number filter; `onChange` gets the text as typed, empty when cleared. */
function FilterInput({
  label,
  type,
  value,
  onChange,
}: {
  label: string;
  type: 'date' | 'number';
  value: string | number | undefined;
  onChange: (text: string) => void;
}) {
  return (
    <label>
      {label}
      <input
        type={type}
        inputMode={type === 'number' ? 'numeric' : undefined}
        value={value ?? ''}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </label>
  );
}
