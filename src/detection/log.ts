import { z } from 'zod';
import { t } from '../i18n/t';

/** How many entries the background keeps: enough for a day of busy selling, and a bug report. */
export const DETECTION_LOG_LIMIT = 500;

/** Why the background did or did not prompt (README: "The detection log"). */
export const DecisionSchema = z.enum([
  'prompted',
  'queued-bulk',
  'daily-cap',
  'duplicate',
  'below-minimum',
  'refused-save',
  'not-lost',
  'no-page-evidence',
  'unconfirmed-page',
  'won-asked',
  'won-duplicate',
  'won-off',
  'prompt-waiting',
]);
export type Decision = z.infer<typeof DecisionSchema>;

export const EvidenceSchema = z.enum(['save alone', 'save + page', 'page alone']);

/**
 * What the background did about an open deal's page (the similar-deal chip, issue #11): offered
 * lessons, found none, or offered nothing because of the settings or the deal's stage.
 */
export const SimilarDecisionSchema = z.enum(['found', 'none', 'off', 'lost', 'won']);
export type SimilarDecision = z.infer<typeof SimilarDecisionSchema>;

/** The deal as the page showed it: redacted in exports (names, amounts and companies). */
const LoggedDealSchema = z.object({
  dealName: z.string().max(500).optional(),
  amount: z.number().optional(),
  company: z.string().max(500).optional(),
});

/**
 * One thing the background saw or decided. `page`: a detector's report (what the stage was
 * and became, and whether the adapter's selectors or the generic reader saw it). `save`: a
 * CRM save request of a deal's stage and its answer (the fields it read). `decision`: what
 * was done about that deal, and why. `similar`: whether an open deal's page was offered lessons
 * of similar deals (its own kind: it decides no prompt, and tests waiting for a loss's decision
 * must never take it for one).
 */
export const DetectionEntrySchema = z.object({
  at: z.number(),
  kind: z.enum(['page', 'save', 'decision', 'similar']),
  crm: z.string().max(40),
  dealId: z.string().max(200),
  tabId: z.number().int().optional(),
  // page
  stageBefore: z.string().max(200).optional(),
  stageAfter: z.string().max(200).optional(),
  result: z.enum(['lost', 'won']).optional(),
  generic: z.boolean().optional(),
  // save
  stageValue: z.string().max(200).optional(),
  /** What the request alone says: lost, not lost, or nothing (null). */
  lost: z.boolean().nullable().optional(),
  status: z.number().int().optional(),
  okStatusIsNotProof: z.boolean().optional(),
  // decision
  decision: DecisionSchema.optional(),
  evidence: EvidenceSchema.optional(),
  deal: LoggedDealSchema.optional(),
  // similar
  similar: SimilarDecisionSchema.optional(),
  /** How many lessons were offered, and why the best one matches, in words. */
  matches: z.number().int().optional(),
  why: z.array(z.string().max(200)).max(6).optional(),
  /** A plan whose cue the deal shows came back as the chip's first card. */
  cuePlan: z.boolean().optional(),
});
export type DetectionEntry = z.infer<typeof DetectionEntrySchema>;

export const DetectionLogSchema = z.array(DetectionEntrySchema).max(DETECTION_LOG_LIMIT);

/** The log with `entry` added, oldest first, cut to the limit. */
export function appended(log: readonly DetectionEntry[], entry: DetectionEntry): DetectionEntry[] {
  const next = [...log, entry];
  return next.length > DETECTION_LOG_LIMIT ? next.slice(-DETECTION_LOG_LIMIT) : next;
}

/** The log for a bug report: no deal names, amounts, companies or record ids of the user's. */
export function redacted(log: readonly DetectionEntry[]): DetectionEntry[] {
  const ids = new Map<string, string>();
  const alias = (id: string) => {
    if (!ids.has(id)) ids.set(id, `deal-${ids.size + 1}`);
    return ids.get(id)!;
  };
  return log.map(({ deal, ...entry }) => ({
    ...entry,
    // Why a similar lesson matched may name a competitor or a tag of the user's.
    why: undefined,
    dealId: alias(`${entry.crm}:${entry.dealId}`),
    ...(deal && { deal: { dealName: deal.dealName === undefined ? undefined : '[redacted]' } }),
  }));
}

function stageWords(value: string | undefined): string {
  return value ? `“${value}”` : t('log_stage_unknown');
}

/** One entry in words, for the options page. */
export function describeEntry(entry: DetectionEntry): string {
  switch (entry.kind) {
    case 'page':
      return entry.generic
        ? t('log_page_generic', [stageWords(entry.stageBefore), stageWords(entry.stageAfter)])
        : t('log_page', [stageWords(entry.stageBefore), stageWords(entry.stageAfter)]);
    case 'save': {
      const says =
        entry.lost === true
          ? entry.okStatusIsNotProof
            ? t('log_save_lost_unsure')
            : t('log_save_lost')
          : entry.lost === false
            ? t('log_save_not_lost')
            : t('log_save_unclear');
      return t('log_save', [stageWords(entry.stageValue), String(entry.status ?? '?'), says]);
    }
    case 'decision':
      return decisionWords(entry);
    case 'similar':
      return similarWords(entry);
  }
}

function similarWords(entry: DetectionEntry): string {
  const words = similarDecisionWords(entry);
  return entry.cuePlan ? t('log_cue_plan', words) : words;
}

function similarDecisionWords(entry: DetectionEntry): string {
  switch (entry.similar) {
    case 'found':
      return t('log_similar_found', [entry.matches ?? 0, (entry.why ?? []).join(', ')]);
    case 'off':
      return t('log_similar_off');
    case 'lost':
      return t('log_similar_lost');
    case 'won':
      return t('log_similar_won');
    default:
      return t('log_similar_none');
  }
}

/** Each decision in words: one sentence a person reads in the options page. */
const DECISION_WORDS: Record<Decision, (entry: DetectionEntry, evidence: string) => string> = {
  prompted: (_e, evidence) => t('log_prompted', evidence),
  'queued-bulk': (_e, evidence) => t('log_queued_bulk', evidence),
  'daily-cap': () => t('log_daily_cap'),
  duplicate: () => t('log_duplicate'),
  'below-minimum': () => t('log_below_minimum'),
  'refused-save': (entry) => t('log_refused', String(entry.status ?? '?')),
  'not-lost': () => t('log_not_lost'),
  'no-page-evidence': () => t('log_no_page_evidence'),
  'unconfirmed-page': () => t('log_unconfirmed_page'),
  'won-asked': () => t('log_won_asked'),
  'won-duplicate': () => t('log_won_duplicate'),
  'won-off': () => t('log_won_off'),
  'prompt-waiting': () => t('log_prompt_waiting'),
};

function decisionWords(entry: DetectionEntry): string {
  const evidence =
    entry.evidence === 'save alone'
      ? t('log_evidence_save')
      : entry.evidence === 'page alone'
        ? t('log_evidence_page')
        : t('log_evidence_both');
  return entry.decision ? DECISION_WORDS[entry.decision](entry, evidence) : '';
}
