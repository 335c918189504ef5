import { MatchPattern } from 'wxt/utils/match-patterns';
import { lostAction } from '../../detection/detectors/lost-action';
import { HEALTH_GRACE_MS, recordStage } from '../../detection/detectors/record-stage';
import { afterDelay, observeDeep } from '../../detection/observe-deep';
import type { RuleProbe } from '../../messaging/messages';
import type { CustomRule } from '../../settings/schema';
import { cleanText, parseAmount, queryNamed, readNamed } from '../../detection/dom';
import { lostMatcher } from '../../settings/stage-labels';
import type { CrmAdapter, Detector } from '../../detection/types';
import type { DealContext } from '../../lessons/deal';
import { dealIdFromPage, dealIdFromUrl } from './deal-id';

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
 * Runs `detectors` for the deal an element names (a rule whose deal id is an element's text),
 * re-armed whenever that element names another deal: a CRM that swaps deals in place, without
 * a new URL, must not count the next deal's stage as a change of the last one's. Until the
 * element shows, nothing is watched; while it is briefly missing (a re-render), the deal it
 * named stays watched.
 */
function perElementDeal(rule: CustomRule, detectors: Detector[]): Detector {
  return (env) => {
    let current: string | undefined;
    let armed: AbortController | undefined;
    const arm = () => {
      const dealId = dealIdFromPage(rule, env.root, env.url);
      if (!dealId || dealId === current) return;
      current = dealId;
      armed?.abort();
      armed = new AbortController();
      const signal = AbortSignal.any([env.signal, armed.signal]);
      for (const detector of detectors)
        detector({ ...env, page: { kind: 'deal', dealId }, signal });
    };
    // Observed before the detectors start observing: on a swap, this callback runs first and
    // stops the last deal's detectors before they see the new deal's stage.
    observeDeep(env.root, arm, env.signal);
    arm();
    afterDelay(HEALTH_GRACE_MS, env.signal, () => !current && env.health('deal id element'));
  };
}

/**
 * A CRM Rebound has no adapter for, described by the user: which pages, which element shows the
 * stage (or which button marks a deal lost), which text means lost, and where a page says which
 * deal it is (src/crm/custom/deal-id.ts; by default its path).
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
  const byElement = rule.dealIdFrom === 'element';
  return {
    id: CUSTOM_CRM_ID,
    name: rule.name,
    matches: [rule.urlPattern],
    parsePage: (url) => {
      if (!ruleMatches(rule, url)) return undefined;
      // An element's id is read from the page (perElementDeal); the URL only says it is a page
      // of the rule's, and its path stands in until the detectors are given the real id.
      const dealId = byElement ? `${url.host}${url.pathname}` : dealIdFromUrl(rule, url);
      return dealId ? { kind: 'deal', dealId } : undefined;
    },
    detectors: byElement ? [perElementDeal(rule, detectors)] : detectors,
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
  const dealId = dealIdFromPage(rule, root, url);
  if (!dealId) missing.push('deal id');
  return {
    url: url.href,
    ruleName: rule.name,
    dealId,
    dealName: deal.dealName,
    amount: deal.amount,
    stage,
    stageIsLost: lostMatcher([rule.lostText])(stage),
    lostButtonFound,
    missing,
  };
}
