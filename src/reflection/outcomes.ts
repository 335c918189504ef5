/** How the deal ended (PRODUCT.md, "The default prompt", step 1). */
export const OUTCOMES = [
  { id: 'competitor', label: 'Lost to a competitor' },
  { id: 'no-decision', label: 'No decision / stalled' },
  { id: 'status-quo', label: 'Stayed with current solution' },
  { id: 'in-house', label: 'Built in-house' },
  { id: 'bad-fit', label: 'Disqualified / bad fit' },
  { id: 'unknown', label: "Don't know yet" },
] as const;

export type OutcomeId = (typeof OUTCOMES)[number]['id'];
export const OUTCOME_IDS = OUTCOMES.map((o) => o.id) as [OutcomeId, ...OutcomeId[]];

export function outcomeLabel(id: string): string {
  return OUTCOMES.find((o) => o.id === id)?.label ?? id;
}
