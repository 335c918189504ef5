/** The default loss reasons, two levels (PRODUCT.md, "Default reasons"). */
export type ReasonGroup = { id: string; label: string; reasons: { id: string; label: string }[] };

export const REASON_GROUPS: ReasonGroup[] = [
  {
    id: 'competitor',
    label: 'Competitor',
    reasons: [
      { id: 'competitor.capability-gap', label: 'Capability gap' },
      { id: 'competitor.price-value', label: 'Price / value' },
      { id: 'competitor.time-to-value', label: 'Time to value' },
      { id: 'competitor.trust-risk', label: 'Trust / risk' },
      { id: 'competitor.incumbent', label: 'Incumbent relationship' },
      { id: 'competitor.better-process', label: 'They ran a better process' },
    ],
  },
  {
    id: 'no-decision',
    label: 'No decision',
    reasons: [
      { id: 'no-decision.budget-removed', label: 'Budget removed' },
      { id: 'no-decision.priority-changed', label: 'Priority changed' },
      { id: 'no-decision.indecision', label: 'Buyer indecision' },
      { id: 'no-decision.champion-left', label: 'Champion left' },
      { id: 'no-decision.no-access', label: 'No access to the decision maker' },
      { id: 'no-decision.went-dark', label: 'Went dark' },
    ],
  },
  {
    id: 'stayed-built',
    label: 'Stayed / built',
    reasons: [
      { id: 'stayed.status-quo', label: 'Status quo good enough' },
      { id: 'stayed.in-house', label: 'Built in-house' },
    ],
  },
  {
    id: 'bad-fit',
    label: 'Bad fit',
    reasons: [
      { id: 'bad-fit.not-icp', label: 'Not our customer profile' },
      { id: 'bad-fit.no-need', label: 'No real need' },
      { id: 'bad-fit.timing', label: 'Timing (re-open later)' },
    ],
  },
  { id: 'other', label: 'Other', reasons: [{ id: 'other', label: 'Other (describe)' }] },
];

const ALL_REASONS = REASON_GROUPS.flatMap((g) => g.reasons);

/** A reason's label; free text for "other"; the id itself for a reason no longer in the list. */
export function reasonLabel(id: string | undefined, otherText?: string): string {
  if (!id) return '';
  if (id === 'other') return otherText?.trim() || 'Other';
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
