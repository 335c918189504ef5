import { adapterById } from '../../crm/registry';
import { t } from '../../i18n/t';
import type { LessonFilter } from '../../lessons/lesson-filter';
import { outcomeLabel } from '../../lessons/outcomes';
import { reasonLabel, type Template } from '../../lessons/template';
import { formatAmount, formatDay } from '../format';

/** A CRM by its name; lessons entered by hand or from a user rule by their id. */
export function crmName(crm: string): string {
  if (crm === 'manual') return t('crm_manual');
  return adapterById(crm)?.name ?? crm;
}

export type Chip = { key: keyof LessonFilter; value?: string; label: string };

/** Every active filter as a removable chip, in words: "CRM: HubSpot", "From 1 Mar 2026". */
export function filterChips(filter: LessonFilter, template: Template): Chip[] {
  const chips: Chip[] = [];
  const each = (
    key: 'crm' | 'outcome' | 'reason' | 'group' | 'tag',
    label: (v: string) => string,
  ) => filter[key].forEach((value) => chips.push({ key, value, label: label(value) }));
  each('crm', (v) => t('chip_crm', crmName(v)));
  each('outcome', (v) => t('chip_outcome', outcomeLabel(v)));
  each('reason', (v) => t('chip_reason', reasonLabel(template, v)));
  each('group', (v) => t('chip_group', template.groups.find((g) => g.id === v)?.label ?? v));
  each('tag', (v) => t('chip_tag', v));
  if (filter.control)
    chips.push({
      key: 'control',
      label: filter.control === 'yes' ? t('chip_control_yes') : t('chip_control_no'),
    });
  if (filter.from) chips.push({ key: 'from', label: t('chip_from', formatDay(filter.from)) });
  if (filter.to) chips.push({ key: 'to', label: t('chip_to', formatDay(filter.to)) });
  if (filter.min !== undefined)
    chips.push({ key: 'min', label: t('chip_min', formatAmount(filter.min, undefined)) });
  if (filter.max !== undefined)
    chips.push({ key: 'max', label: t('chip_max', formatAmount(filter.max, undefined)) });
  if (filter.plan)
    chips.push({
      key: 'plan',
      label: filter.plan === 'yes' ? t('chip_plan_yes') : t('chip_plan_no'),
    });
  return chips;
}
