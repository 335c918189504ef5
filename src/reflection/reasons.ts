import { t } from '../i18n/t';

/** The default loss reasons, two levels (PRODUCT.md, "Default reasons"). */
export type ReasonGroup = { id: string; label: string; reasons: { id: string; label: string }[] };

export const REASON_GROUPS: ReasonGroup[] = [
  {
    id: 'competitor',
    get label() {
      return t('reason_group_competitor');
    },
    reasons: [
      {
        id: 'competitor.capability-gap',
        get label() {
          return t('reason_competitor_capability_gap');
        },
      },
      {
        id: 'competitor.price-value',
        get label() {
          return t('reason_competitor_price_value');
        },
      },
      {
        id: 'competitor.time-to-value',
        get label() {
          return t('reason_competitor_time_to_value');
        },
      },
      {
        id: 'competitor.trust-risk',
        get label() {
          return t('reason_competitor_trust_risk');
        },
      },
      {
        id: 'competitor.incumbent',
        get label() {
          return t('reason_competitor_incumbent');
        },
      },
      {
        id: 'competitor.better-process',
        get label() {
          return t('reason_competitor_better_process');
        },
      },
    ],
  },
  {
    id: 'no-decision',
    get label() {
      return t('reason_group_no_decision');
    },
    reasons: [
      {
        id: 'no-decision.budget-removed',
        get label() {
          return t('reason_no_decision_budget_removed');
        },
      },
      {
        id: 'no-decision.priority-changed',
        get label() {
          return t('reason_no_decision_priority_changed');
        },
      },
      {
        id: 'no-decision.indecision',
        get label() {
          return t('reason_no_decision_indecision');
        },
      },
      {
        id: 'no-decision.champion-left',
        get label() {
          return t('reason_no_decision_champion_left');
        },
      },
      {
        id: 'no-decision.no-access',
        get label() {
          return t('reason_no_decision_no_access');
        },
      },
      {
        id: 'no-decision.went-dark',
        get label() {
          return t('reason_no_decision_went_dark');
        },
      },
    ],
  },
  {
    id: 'stayed-built',
    get label() {
      return t('reason_group_stayed_built');
    },
    reasons: [
      {
        id: 'stayed.status-quo',
        get label() {
          return t('reason_stayed_status_quo');
        },
      },
      {
        id: 'stayed.in-house',
        get label() {
          return t('reason_stayed_in_house');
        },
      },
    ],
  },
  {
    id: 'bad-fit',
    get label() {
      return t('reason_group_bad_fit');
    },
    reasons: [
      {
        id: 'bad-fit.not-icp',
        get label() {
          return t('reason_bad_fit_not_icp');
        },
      },
      {
        id: 'bad-fit.no-need',
        get label() {
          return t('reason_bad_fit_no_need');
        },
      },
      {
        id: 'bad-fit.timing',
        get label() {
          return t('reason_bad_fit_timing');
        },
      },
    ],
  },
  {
    id: 'other',
    get label() {
      return t('reason_group_other');
    },
    reasons: [
      {
        id: 'other',
        get label() {
          return t('reason_other');
        },
      },
    ],
  },
];

const ALL_REASONS = REASON_GROUPS.flatMap((g) => g.reasons);

/** A reason's label; free text for "other"; the id itself for a reason no longer in the list. */
export function reasonLabel(id: string | undefined, otherText?: string): string {
  if (!id) return '';
  if (id === 'other') return otherText?.trim() || t('reason_other_short');
  return ALL_REASONS.find((r) => r.id === id)?.label ?? id;
}

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Our reason for the lost reason a CRM's dialog recorded ("Price", "Lost to competitor: price",
 * "Budget"), when one of ours says the same; undefined otherwise.
 */
export function reasonFromCrm(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const wanted = normalise(text);
  if (!wanted) return undefined;
  const exact = ALL_REASONS.find((r) => r.id !== 'other' && normalise(r.label) === wanted);
  if (exact) return exact.id;
  // "Price" → "Price / value": the CRM's reason is a whole word of ours.
  const partial = ALL_REASONS.find(
    (r) => r.id !== 'other' && normalise(r.label).split(' ').includes(wanted),
  );
  return partial?.id;
}
