import { z } from 'zod';
import { t } from '../i18n/t';
import { QUESTIONS, RETIRED_QUESTIONS, TEMPLATE_VERSION, type Question } from './questions';
import { CONTROLLABLE_BY_DEFAULT, GROUP_COLOURS, OTHER_REASON, REASON_GROUPS } from './reasons';

/**
 * The user's own version of the reflection: which questions, in what order and words, and which
 * reasons, with their colour and whether they are within the seller's control. Stored in the
 * settings as a list of edits over the built-in questions and reasons: a built-in entry without
 * a label of its own keeps following the browser's language. Nothing is ever deleted, because
 * old lessons hold answers by question id and reasons by reason id: a removed question is kept
 * (removed) for its wording, and a merged reason points at the reason it became.
 */
const ID = z.string().regex(/^[A-Za-z][\w.-]{0,79}$/);
const WORDING = z.string().trim().max(300);
export const REASON_GROUP_IDS = REASON_GROUPS.map((g) => g.id) as [string, ...string[]];

export const TemplateQuestionSchema = z.object({
  id: ID,
  mode: z.enum(['quick', 'deep']),
  /** The user's wording; without it, a built-in question's own (translated) label. */
  label: WORDING.min(1, { error: () => t('template_error_question_label') }).optional(),
  hint: WORDING.optional(),
  /** No longer asked; kept so old answers still show under their question. */
  removed: z.boolean().default(false),
});
export type TemplateQuestion = z.infer<typeof TemplateQuestionSchema>;

export const TemplateReasonSchema = z.object({
  id: ID,
  group: z.enum(REASON_GROUP_IDS),
  label: WORDING.min(1, { error: () => t('template_error_reason_label') }).optional(),
  colour: z.string().regex(/^#[0-9a-f]{6}$/i),
  /** "Within my control": the seller could have changed it by how they worked the deal. */
  controllable: z.boolean(),
  /** Merged into this reason: lessons that name it read as that one. */
  mergedInto: ID.optional(),
});
export type TemplateReason = z.infer<typeof TemplateReasonSchema>;

export const builtInQuestion = (id: string) => QUESTIONS.find((q) => q.id === id);
export const builtInReason = (id: string) =>
  REASON_GROUPS.flatMap((g) => g.reasons).find((reason) => reason.id === id);

export const TemplateSettingsSchema = z
  .object({
    /** Goes up by one with every saved edit; each lesson records the version it answered. */
    version: z.number().int().positive(),
    questions: z.array(TemplateQuestionSchema).max(60),
    reasons: z.array(TemplateReasonSchema).max(200),
  })
  .superRefine((template, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
    const questionIds = template.questions.map((q) => q.id);
    const reasonIds = template.reasons.map((r) => r.id);
    if (new Set(questionIds).size !== questionIds.length) problem(t('template_error_duplicate'));
    if (new Set(reasonIds).size !== reasonIds.length) problem(t('template_error_duplicate'));
    for (const q of template.questions)
      if (!q.label && !builtInQuestion(q.id)) problem(t('template_error_question_label'));
    for (const r of template.reasons) {
      if (!r.label && !builtInReason(r.id)) problem(t('template_error_reason_label'));
      if (r.mergedInto && (r.mergedInto === r.id || !reasonIds.includes(r.mergedInto)))
        problem(t('template_error_merge'));
    }
  });
export type TemplateSettings = z.infer<typeof TemplateSettingsSchema>;

/** The built-in questions and reasons as a template to edit (version 2: before any edit). */
export function defaultTemplateSettings(): TemplateSettings {
  return {
    version: TEMPLATE_VERSION,
    questions: QUESTIONS.map((q) => ({ id: q.id, mode: q.mode, removed: false })),
    reasons: REASON_GROUPS.flatMap((group) =>
      group.reasons.map((reason) => ({
        id: reason.id,
        group: group.id,
        colour: GROUP_COLOURS[group.id]!,
        controllable: CONTROLLABLE_BY_DEFAULT.has(reason.id),
      })),
    ),
  };
}

/**
 * The stored template with any built-in question or reason it has never seen (added by a later
 * release) appended: the user removed only what they removed.
 */
export function withNewBuiltIns(stored: TemplateSettings | undefined): TemplateSettings {
  const defaults = defaultTemplateSettings();
  if (!stored) return defaults;
  const has = (list: { id: string }[], id: string) => list.some((entry) => entry.id === id);
  return {
    ...stored,
    questions: [
      ...stored.questions,
      ...defaults.questions.filter((q) => !has(stored.questions, q.id)),
    ],
    reasons: [...stored.reasons, ...defaults.reasons.filter((r) => !has(stored.reasons, r.id))],
  };
}

/** A reason as the form, the lists and the exports show it. */
export type ReasonInfo = {
  id: string;
  label: string;
  group: string;
  colour: string;
  controllable: boolean;
  mergedInto?: string;
};
export type ReasonGroupView = { id: string; label: string; reasons: ReasonInfo[] };

/** A template ready to use: labels looked up, removed questions and merged reasons set aside. */
export type Template = {
  version: number;
  /** The questions asked, in order. */
  questions: Question[];
  /** Every question's label by id, asked or not, for reading old lessons. */
  questionLabels: Record<string, string>;
  /** The reasons offered, by group; merged reasons are not offered. */
  groups: ReasonGroupView[];
  /** Every reason by id, merged ones included. */
  reasons: Record<string, ReasonInfo>;
};

export function resolveTemplate(stored: TemplateSettings | undefined): Template {
  const template = withNewBuiltIns(stored);
  const questions: Question[] = [];
  const questionLabels: Record<string, string> = { ...RETIRED_QUESTIONS };
  for (const entry of template.questions) {
    const builtIn = builtInQuestion(entry.id);
    const label = entry.label ?? builtIn?.label ?? entry.id;
    questionLabels[entry.id] = label;
    if (entry.removed) continue;
    const builtInHint = builtIn?.kind === 'text' ? builtIn.hint : undefined;
    const hint = entry.label ? entry.hint : (entry.hint ?? builtInHint);
    questions.push(
      builtIn?.kind === 'choice'
        ? { ...builtIn, label, mode: entry.mode }
        : { id: entry.id, kind: 'text', label, hint: hint || undefined, mode: entry.mode },
    );
  }
  const reasons: Record<string, ReasonInfo> = {};
  for (const entry of template.reasons) {
    const label = entry.label ?? builtInReason(entry.id)?.label ?? entry.id;
    reasons[entry.id] = { ...entry, label };
  }
  const groups = REASON_GROUPS.map((group) => ({
    id: group.id,
    label: group.label,
    reasons: template.reasons
      .filter((r) => r.group === group.id && !r.mergedInto)
      .map((r) => reasons[r.id]!),
  }));
  return { version: template.version, questions, questionLabels, groups, reasons };
}

/** A question's label by answer id; an id no template knows shows as it is. */
export function questionLabel(template: Template, id: string): string {
  return template.questionLabels[id] ?? id;
}

/** The text of an answer as a reader sees it (a choice's label rather than its id). */
export function answerText(template: Template, id: string, value: string): string {
  const question = template.questions.find((q) => q.id === id);
  return question?.kind === 'choice'
    ? (question.options.find((o) => o.id === value)?.label ?? value)
    : value;
}

/**
 * The reason id a form offers for a lesson's stored one: what a merge made of it, or the stored
 * id itself when the template no longer knows it (kept, not lost, until the user changes it).
 */
export function currentReasonId(template: Template, id: string): string;
export function currentReasonId(template: Template, id: string | undefined): string | undefined;
export function currentReasonId(template: Template, id: string | undefined): string | undefined {
  return reasonOf(template, id)?.id ?? id;
}

/** The reason a lesson's reason id stands for now: merges followed to the end. */
export function reasonOf(template: Template, id: string | undefined): ReasonInfo | undefined {
  let reason = id ? template.reasons[id] : undefined;
  // The schema refuses loops, but settings written by hand must not hang the page.
  const seen = new Set<string>();
  while (reason?.mergedInto && !seen.has(reason.id)) {
    seen.add(reason.id);
    const next = template.reasons[reason.mergedInto];
    if (!next) break;
    reason = next;
  }
  return reason;
}

/** A reason's label; free text for "other"; the id itself for a reason this device never had. */
export function reasonLabel(
  template: Template,
  id: string | undefined,
  otherText?: string,
): string {
  if (!id) return '';
  if (id === OTHER_REASON) return otherText?.trim() || t('reason_other_short');
  return reasonOf(template, id)?.label ?? id;
}

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Our reason for the lost reason a CRM's dialog recorded ("Price", "Lost to competitor: price",
 * "Budget"), when one offered says the same; undefined otherwise.
 */
export function reasonFromCrm(template: Template, text: string | undefined): string | undefined {
  const wanted = text && normalise(text);
  if (!wanted) return undefined;
  const offered = template.groups.flatMap((g) => g.reasons).filter((r) => r.id !== OTHER_REASON);
  const exact = offered.find((r) => normalise(r.label) === wanted);
  if (exact) return exact.id;
  // "Price" → "Price / value": the CRM's reason is a whole word of ours.
  return offered.find((r) => normalise(r.label).split(' ').includes(wanted))?.id;
}
