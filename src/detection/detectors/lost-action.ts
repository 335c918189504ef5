import { closestOnPath } from '../dom';
import type { DealContext } from '../../lessons/deal';
import type { Detector, DetectorEnv } from '../types';

/**
 * An explicit "mark as lost" action: the confirm button of a lost dialog, a Lost button. Reported
 * when the user clicks it; the CRM's save request that follows is what confirms it (a click
 * whose save fails or never comes prompts nothing). `dealIdOf` returns undefined when the click
 * is not about a deal after all (a disabled button, a dialog for something else).
 */
export function lostAction(options: {
  trigger: string;
  dealIdOf: (button: Element, env: DetectorEnv) => string | undefined;
  readDeal: (root: Document, button: Element) => DealContext;
  /** The stage the deal was in before, when the page shows it. */
  stageBefore?: (root: Document, button: Element) => string | undefined;
  /** What to call the new state, e.g. "Lost". */
  lostLabel: string;
}): Detector {
  return (env) => {
    const { root, signal, report } = env;
    root.addEventListener(
      'click',
      (event) => {
        if (!event.isTrusted) return;
        const button = closestOnPath(event, options.trigger);
        if (!button || button.matches(':disabled, [aria-disabled="true"]')) return;
        const dealId = options.dealIdOf(button, env);
        if (!dealId) return;
        report({
          dealId,
          outcome: 'lost',
          stageBefore: options.stageBefore?.(root, button) ?? '',
          stageAfter: options.lostLabel,
          deal: options.readDeal(root, button),
          intent: true,
        });
      },
      { capture: true, signal },
    );
  };
}
