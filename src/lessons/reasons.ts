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

/** Each group's colour until the user recolours a reason (distinct in light and dark mode). */
export const GROUP_COLOURS: Record<string, string> = {
  competitor: '#d64545',
  'no-decision': '#d08a1c',
  'stayed-built': '#3f7fd1',
  'bad-fit': '#8b5cc7',
  other: '#6f7782',
};

/**
 * Reasons a seller can usually change by how they work the deal (qualifying, reaching the
 * decision maker, running the process): marked "within my control" until the user says otherwise.
 */
export const CONTROLLABLE_BY_DEFAULT: ReadonlySet<string> = new Set([
  'competitor.better-process',
  'no-decision.indecision',
  'no-decision.no-access',
  'bad-fit.not-icp',
  'bad-fit.no-need',
]);

/** The "other" reason: its text is the user's own, so it can be neither renamed nor merged. */
export const OTHER_REASON = 'other';
