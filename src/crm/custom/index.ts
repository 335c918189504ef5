import { MatchPattern } from 'wxt/utils/match-patterns';
import { lostAction } from '../../detection/detectors/lost-action';
import { recordStage } from '../../detection/detectors/record-stage';
import type { RuleProbe } from '../../messaging/messages';
import type { CustomRule } from '../../settings/schema';
import { cleanText, parseAmount, queryNamed, readNamed } from '../dom';
import { lostMatcher } from '../stage-labels';
import type { CrmAdapter, DealContext, Detector } from '../types';

/**
 * The built content script for user rules (entrypoints/custom.content): registered at run time
 * by the background, and injected by "Test on open tabs" into tabs opened before the rule.
 */
export const CUSTOM_RULE_SCRIPT = '/content-scripts/custom.js';

/** Lessons from user rules are filed under this CRM id; the rule's name is shown. */
export const CUSTOM_CRM_ID = 'custom';

/**
 * Without the CRM's save request to confirm it, the page's lost stage must still show this long
 * after it appeared: a save the CRM refused usually puts the old stage back within it.
 */
export const CUSTOM_SETTLE_MS = 1500;

export function ruleMatches(rule: CustomRule, url: URL): boolean {
  try {
    return new MatchPattern(rule.urlPattern).includes(url);
  } catch {
    return false;
  }
}

function dealReader(rule: CustomRule): (root: Document) => DealContext {
  const named = (name: string, css: string) => (css ? { name, css: [css] } : undefined);
  const nameSelector = named('deal name', rule.dealNameSelector);
  const amountSelector = named('amount', rule.amountSelector);
  return (root) => {
    const money = parseAmount(amountSelector && readNamed(root, amountSelector));
    return {
      dealName:
        (nameSelector && readNamed(root, nameSelector)) || cleanText(root.title) || 'Untitled deal',
      amount: money.amount,
      currency: money.currency,
      company: undefined,
      stage: undefined,
    };
  };
}

/**
 * A CRM Rebound has no adapter for, described by the user: which pages, which element shows the
 * stage (or which button marks a deal lost), and which text means lost. A deal is identified by
 * its page path, the one thing every CRM's deal URLs have.
 */
export function adapterFromRule(rule: CustomRule): CrmAdapter {
  const readDeal = dealReader(rule);
  const detectors: Detector[] = [];
  if (rule.stageSelector) {
    detectors.push(
      recordStage({
        stage: { name: 'stage element', css: [rule.stageSelector] },
        readDeal,
        settleMs: CUSTOM_SETTLE_MS,
      }),
    );
  }
  if (rule.lostButtonSelector) {
    detectors.push(
      lostAction({
        trigger: rule.lostButtonSelector,
        dealIdOf: (_button, env) => (env.page.kind === 'deal' ? env.page.dealId : undefined),
        readDeal: (root) => readDeal(root),
        lostLabel: 'Lost',
      }),
    );
  }
  return {
    id: CUSTOM_CRM_ID,
    name: rule.name,
    matches: [rule.urlPattern],
    parsePage: (url) =>
      ruleMatches(rule, url) ? { kind: 'deal', dealId: `${url.host}${url.pathname}` } : undefined,
    detectors,
    readDeal,
    lostLabels: [rule.lostText],
  };
}

/** What a rule sees on a page, for "Test on open tabs" in the options page. */
export function probeRule(rule: CustomRule, root: Document, url: URL): RuleProbe {
  const missing: string[] = [];
  const find = (label: string, css: string) => {
    if (!css) return undefined;
    try {
      const text = readNamed(root, { name: label, css: [css] });
      if (text === undefined && !queryNamed(root, { name: label, css: [css] })) missing.push(label);
      return text;
    } catch {
      missing.push(`${label} (the selector is not valid CSS)`);
      return undefined;
    }
  };
  const stage = find('stage element', rule.stageSelector);
  const lostButtonFound = rule.lostButtonSelector
    ? find('lost button', rule.lostButtonSelector) !== undefined
    : false;
  find('deal name', rule.dealNameSelector);
  find('amount', rule.amountSelector);
  const deal = dealReader(rule)(root);
  return {
    url: url.href,
    ruleName: rule.name,
    dealName: deal.dealName,
    amount: deal.amount,
    stage,
    stageIsLost: lostMatcher([rule.lostText])(stage),
    lostButtonFound,
    missing,
  };
}
