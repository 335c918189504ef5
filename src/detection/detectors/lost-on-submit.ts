import { queryNamed, valueOf } from '../dom';
import type { DealContext } from '../../lessons/deal';
import type { Detector, NamedSelector } from '../types';
import { stageChange } from '../stage-change';

/**
 * A full-page edit form (Salesforce Classic): reports on submit when the stage field was open
 * when the page loaded and is lost (or won, when `isWon` can match) now. The page then navigates away; the background keeps the
 * prompt for the tab's next page (see prompt/pull).
 */
export function lostOnSubmit(options: {
  form: NamedSelector;
  stageField: NamedSelector;
  readDeal: (root: Document) => DealContext;
}): Detector {
  return ({ root, page, signal, isLost, isWon, report, health }) => {
    if (page.kind !== 'deal') return;
    const field = queryNamed(root, options.stageField);
    if (!field) return health(options.stageField.name);
    const initial = valueOf(field);
    root.addEventListener(
      'submit',
      (event) => {
        const form = queryNamed(root, options.form);
        if (!form || event.target !== form) return;
        const now = valueOf(field);
        const outcome = stageChange(initial, now, isLost, isWon);
        if (!outcome) return;
        report({
          dealId: page.dealId,
          outcome,
          stageBefore: initial,
          stageAfter: now,
          deal: options.readDeal(root),
          beforeSave: true,
          intent: true,
        });
      },
      { capture: true, signal },
    );
  };
}
