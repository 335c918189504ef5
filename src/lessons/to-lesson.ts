import type { DealContext } from './deal';
import { describeIssue, LessonInputSchema, type LessonInput } from './schema';
import type { ReflectionValues } from './values';

/** Where a reflection came from: a confirmed loss on a CRM page, or typed in by hand. */
export type ReflectionSource = {
  crm: string;
  dealId?: string;
  dealUrl?: string;
  stageBefore?: string;
  deal?: DealContext;
  /** The page did not name the deal: what the user typed into the deal fields is the deal. */
  askDeal?: boolean;
};

const orUndefined = (text: string) => text.trim() || undefined;

/**
 * Builds the lesson to store from the answers and where they came from, or says in words what is
 * missing. Run by the background, with its own stored copy of the loss (src/background/lesson-save.ts).
 */
export function lessonFromReflection(
  values: ReflectionValues,
  source: ReflectionSource,
  /** The version of the questions it was answered with (src/lessons/template.ts). */
  templateVersion: number,
): { ok: true; lesson: LessonInput } | { ok: false; error: string } {
  const answers = Object.fromEntries(
    Object.entries(values.answers)
      .map(([key, text]) => [key, text.trim()] as const)
      .filter(([, text]) => text !== ''),
  );
  const deal = source.deal;
  // The page's reading stands over anything typed, unless the form asked for the deal.
  const typedWins = source.askDeal === true;
  const parsed = LessonInputSchema.safeParse({
    crm: source.crm,
    dealId: source.dealId,
    dealUrl: source.dealUrl,
    stageBefore: orUndefined(source.stageBefore ?? ''),
    dealName: (typedWins && orUndefined(values.dealName)) || (deal?.dealName ?? values.dealName),
    company:
      (typedWins && orUndefined(values.company)) || (deal?.company ?? orUndefined(values.company)),
    amount: deal?.amount,
    currency: deal?.currency,
    crmLostReason: deal?.lostReason,
    outcome: values.outcome || undefined,
    reason: values.reason || undefined,
    secondaryReason: values.secondaryReason || undefined,
    confidence: values.confidence || undefined,
    feeling: values.feeling,
    mode: values.mode,
    templateVersion,
    answers,
  });
  return parsed.success
    ? { ok: true, lesson: parsed.data }
    : { ok: false, error: describeIssue(parsed.error).replace(/^\w+: /, '') };
}
