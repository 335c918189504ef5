import { t } from '../i18n/t';
import type { DealContext } from './deal';
import type { WinInput } from './win-schema';

/** The won deal as the background confirmed it (a WinEvent, src/messaging). */
type WonDeal = {
  crm: string;
  dealId: string;
  dealUrl: string;
  stageBefore: string;
  deal: DealContext;
};

/** The stored win for a confirmed win event and its answers (blank answers left out). */
export function winFromCapture(win: WonDeal, answers: Record<string, string>): WinInput {
  const kept = Object.fromEntries(
    Object.entries(answers)
      .map(([id, text]) => [id, text.trim()] as const)
      .filter(([, text]) => text !== ''),
  );
  return {
    crm: win.crm,
    dealId: win.dealId,
    dealName: win.deal.dealName.trim() || t('win_untitled_deal'),
    dealUrl: /^https?:/.test(win.dealUrl) ? win.dealUrl : undefined,
    amount: win.deal.amount,
    currency: win.deal.currency,
    company: win.deal.company,
    stageBefore: win.stageBefore || undefined,
    answers: kept,
  };
}
