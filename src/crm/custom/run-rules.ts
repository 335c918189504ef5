import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { runContent, type ContentRun, type Panels } from '../../detection/run-content';
import type { CustomRule } from '../../settings/schema';
import { customRulesItem } from '../../settings/store';
import { adapterFromRule, ruleMatches } from '.';

/**
 * A page of the user's own rules: detects with the rule that matches it, and re-arms when that
 * rule is edited, added or removed, as "Test on open tabs" reads it, so the fix the test shows
 * is the one detection runs without a reload. A moment the rules do not parse changes nothing.
 */
export async function runRules(ctx: ContentScriptContext, panels: Panels): Promise<void> {
  const ruleHere = (rules: CustomRule[]) =>
    rules.find((rule) => ruleMatches(rule, new URL(location.href)));
  const start = (rule: CustomRule | undefined) =>
    rule ? runContent(ctx, adapterFromRule(rule), panels) : Promise.resolve(undefined);
  let rule = ruleHere((await customRulesItem.load()).value);
  // Each change applied after the last: a rule added while the first start still awaits.
  let running: Promise<ContentRun | undefined> = start(rule);
  const unwatch = customRulesItem.watch(({ value, problem }) => {
    const next = ruleHere(value);
    if (problem || JSON.stringify(next) === JSON.stringify(rule)) return;
    rule = next;
    running = running.then((run) => {
      if (!run) return start(next);
      run.replaceAdapter(next && adapterFromRule(next));
      return run;
    });
  });
  ctx.onInvalidated(unwatch);
  await running;
}
