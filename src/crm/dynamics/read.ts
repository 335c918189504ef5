import { cleanText, fitDeal, queryNamed, readDealWith, readNamed } from '../../detection/dom';
import type { DetectorEnv } from '../../detection/types';
import type { DealContext } from '../../lessons/deal';
import * as selectors from './selectors';

/**
 * Unified Interface titles a record's tab "Opportunity: {name} - Dynamics 365" (or without the
 * prefix); a tab titled with the app's name alone names no record.
 */
function nameFromTitle(title: string): string {
  const name = cleanText(
    title
      .replace(/^\s*Opportunity:\s*/i, '')
      .replace(/\s+[-–|]\s+(?:Dynamics 365|Power Apps).*$/i, ''),
  );
  return /^(?:Dynamics 365|Power Apps)$/i.test(name) ? '' : name;
}

/** The Close Opportunity dialog the button sits in, if it is one (it has Actual Revenue). */
function closeDialogOf(button: Element | undefined): Element | undefined {
  const dialog = button?.closest('[role="dialog"]') ?? undefined;
  return dialog && queryNamed(dialog, selectors.dialogActualRevenue) ? dialog : undefined;
}

/** Status reason values of a lost opportunity (Canceled, Out-Sold); Won is 3. */
const LOST_STATUS_REASONS = ['4', '5'];

/**
 * Whether `button` is the OK of a Close Opportunity dialog opened by "Close as Lost": the dialog
 * has a Competitor field (the won dialog has none), or its Status Reason is Canceled / Out-Sold.
 * A dialog this cannot tell (a custom lost reason and no competitor field) is left to the header
 * status, which turns Lost once the save succeeds.
 */
export function isLostCloseDialog(button: Element): boolean {
  const dialog = closeDialogOf(button);
  if (!dialog) return false;
  if (queryNamed(dialog, selectors.dialogCompetitor)) return true;
  const reason = queryNamed(dialog, selectors.dialogStatusReason);
  return reason instanceof HTMLSelectElement && LOST_STATUS_REASONS.includes(reason.value);
}

/** The deal a click on the dialog's OK closes as lost: the record the form shows. */
export function lostDealIdOf(button: Element, env: DetectorEnv): string | undefined {
  return env.page.kind === 'deal' && isLostCloseDialog(button) ? env.page.dealId : undefined;
}

/** Status (Open / Won / Lost) as the header shows it. */
export function readStatus(root: Document): string | undefined {
  return readNamed(root, selectors.status);
}

/**
 * What the opportunity was before the close: its Status, or, on a form whose header does not show
 * Status, its Status Reason ("In Progress", "On Hold").
 */
export function readStageBefore(root: Document): string | undefined {
  return readStatus(root) ?? readNamed(root, selectors.statusReason);
}

/**
 * The new status, with the reason and competitor when shown: from the close dialog while it is
 * open ("Lost (Out-Sold; competitor: Fabrikam, Inc.)"), else from the form ("Lost (Out-Sold)").
 * DealContext has no fields of their own for reason and competitor, so they travel in `stage`.
 */
function describeStatus(root: Document, dialog: Element | undefined): string | undefined {
  if (dialog) {
    const reason = readNamed(dialog, selectors.dialogStatusReason);
    const competitor = readNamed(dialog, selectors.dialogCompetitorName);
    const details = [reason, competitor && `competitor: ${competitor}`].filter(Boolean);
    return details.length > 0 ? `Lost (${details.join('; ')})` : 'Lost';
  }
  const status = readStatus(root);
  const reason = readNamed(root, selectors.statusReason);
  return status && reason && reason !== status ? `${status} (${reason})` : status;
}

/**
 * What the opportunity form shows: Topic, Est. Revenue (amount and currency), Account, Owner and
 * the status. `button` is the dialog's OK when a click reports the loss: the dialog's Status
 * Reason and Competitor are read before it closes.
 */
export function readDynamicsDeal(root: Document, button?: Element): DealContext {
  const deal = readDealWith(
    root,
    {
      dealName: selectors.dealName,
      amount: selectors.estRevenue,
      company: selectors.account,
      owner: selectors.owner,
    },
    nameFromTitle,
    'Untitled opportunity',
  );
  return fitDeal({ ...deal, stage: describeStatus(root, closeDialogOf(button)) });
}
