import { t } from '../i18n/t';
import type { Lesson } from './schema';

/**
 * Every stored field of a lesson in words, for messages about a record that cannot be read (an
 * import). A "what worked" note's fields are a subset. Typed by the schema, so a new field
 * cannot be added without a label.
 */
const LABELS: Record<keyof Lesson, () => string> = {
  id: () => t('field_id'),
  createdAt: () => t('field_created'),
  updatedAt: () => t('field_updated'),
  schemaVersion: () => t('field_schema_version'),
  crm: () => t('field_crm'),
  dealId: () => t('field_deal_id'),
  dealName: () => t('field_deal_name'),
  dealUrl: () => t('field_deal_url'),
  amount: () => t('fact_amount'),
  currency: () => t('field_currency'),
  company: () => t('fact_company'),
  stageBefore: () => t('fact_stage_before'),
  outcome: () => t('fact_outcome'),
  reason: () => t('fact_reason'),
  secondaryReason: () => t('fact_second_reason'),
  confidence: () => t('field_confidence'),
  feeling: () => t('fact_feeling'),
  crmLostReason: () => t('fact_crm_reason'),
  mode: () => t('field_mode'),
  templateVersion: () => t('field_template_version'),
  answers: () => t('field_answers'),
  tags: () => t('field_tags'),
  history: () => t('field_history'),
};

/** The field's label, or undefined for a key that is not a lesson field. */
export function lessonFieldLabel(key: string): string | undefined {
  return Object.hasOwn(LABELS, key) ? LABELS[key as keyof Lesson]() : undefined;
}
