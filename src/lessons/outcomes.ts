import { t } from '../i18n/t';

/** How the deal ended (PRODUCT.md, "The default prompt", step 1). Labels are read when shown. */
export const OUTCOMES = [
  {
    id: 'competitor',
    get label() {
      return t('outcome_competitor');
    },
  },
  {
    id: 'no-decision',
    get label() {
      return t('outcome_no_decision');
    },
  },
  {
    id: 'status-quo',
    get label() {
      return t('outcome_status_quo');
    },
  },
  {
    id: 'in-house',
    get label() {
      return t('outcome_in_house');
    },
  },
  {
    id: 'bad-fit',
    get label() {
      return t('outcome_bad_fit');
    },
  },
  {
    id: 'unknown',
    get label() {
      return t('outcome_unknown');
    },
  },
] as const;

export type OutcomeId = (typeof OUTCOMES)[number]['id'];
export const OUTCOME_IDS = OUTCOMES.map((o) => o.id) as [OutcomeId, ...OutcomeId[]];

export function outcomeLabel(id: string): string {
  return OUTCOMES.find((o) => o.id === id)?.label ?? id;
}
