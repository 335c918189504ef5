import type { Mode } from './questions';
import { OTHER_REASON } from './reasons';
import {
  builtInQuestion,
  builtInReason,
  type TemplateReason,
  type TemplateSettings,
} from './template';

/**
 * The edits the options page makes to a template, as pure functions: each returns a new
 * template and leaves the one it was given alone. Nothing is deleted (old lessons name questions
 * and reasons by id): questions are marked removed, reasons are merged.
 */

const newId = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

/**
 * An entry with a patch applied. Words emptied, or set back to the built-in wording, are dropped
 * from a built-in entry (`builtInLabel`): its own, translated words come back. An entry the user
 * added keeps them empty, and the template will not save until it has words again.
 */
function patched<T extends { label?: string; hint?: string }>(
  entry: T,
  patch: Partial<T>,
  builtInLabel: string | undefined,
): T {
  const next = { ...entry, ...patch };
  const label = patch.label;
  if (
    builtInLabel !== undefined &&
    label !== undefined &&
    (!label.trim() || label === builtInLabel)
  )
    delete next.label;
  if (patch.hint !== undefined && !patch.hint.trim()) delete next.hint;
  return next;
}

const unmerged = (reason: TemplateReason): TemplateReason => {
  const copy = { ...reason };
  delete copy.mergedInto;
  return copy;
};

export function addQuestion(
  template: TemplateSettings,
  label: string,
  mode: Mode,
  id = newId('q'),
): TemplateSettings {
  return { ...template, questions: [...template.questions, { id, label, mode, removed: false }] };
}

/** Rewords a question or changes its mode. */
export function updateQuestion(
  template: TemplateSettings,
  id: string,
  patch: { label?: string; hint?: string; mode?: Mode },
): TemplateSettings {
  const builtInLabel = builtInQuestion(id)?.label;
  return {
    ...template,
    questions: template.questions.map((q) => (q.id === id ? patched(q, patch, builtInLabel) : q)),
  };
}

/** Moves a question up (-1) or down (+1) among the questions asked. */
export function moveQuestion(template: TemplateSettings, id: string, by: -1 | 1): TemplateSettings {
  const questions = [...template.questions];
  const asked = questions.flatMap((q, index) => (q.removed ? [] : [index]));
  const at = asked.findIndex((index) => questions[index]!.id === id);
  const to = asked[at + by];
  if (at < 0 || to === undefined) return template;
  const from = asked[at]!;
  [questions[from], questions[to]] = [questions[to]!, questions[from]!];
  return { ...template, questions };
}

export function setQuestionRemoved(
  template: TemplateSettings,
  id: string,
  removed: boolean,
): TemplateSettings {
  return {
    ...template,
    questions: template.questions.map((q) => (q.id === id ? { ...q, removed } : q)),
  };
}

export function addReason(
  template: TemplateSettings,
  group: string,
  label: string,
  colour: string,
  id = newId('reason'),
): TemplateSettings {
  const reason: TemplateReason = { id, group, label, colour, controllable: false };
  return { ...template, reasons: [...template.reasons, reason] };
}

/** Renames, recolours or marks a reason. */
export function updateReason(
  template: TemplateSettings,
  id: string,
  patch: { label?: string; colour?: string; controllable?: boolean },
): TemplateSettings {
  const builtInLabel = builtInReason(id)?.label;
  return {
    ...template,
    reasons: template.reasons.map((r) => (r.id === id ? patched(r, patch, builtInLabel) : r)),
  };
}

/**
 * Merges one reason into another: it is no longer offered, and lessons that name it (or a
 * reason merged into it before) read as the one it went into.
 */
export function mergeReason(
  template: TemplateSettings,
  from: string,
  into: string,
): TemplateSettings {
  const target = template.reasons.find((r) => r.id === into);
  if (from === into || from === OTHER_REASON || !target || target.mergedInto) return template;
  return {
    ...template,
    reasons: template.reasons.map((r) =>
      r.id === from || r.mergedInto === from ? { ...r, mergedInto: into } : r,
    ),
  };
}

/** Offers a merged reason again; its old lessons read as itself again. */
export function unmergeReason(template: TemplateSettings, id: string): TemplateSettings {
  return {
    ...template,
    reasons: template.reasons.map((r) => (r.id === id ? unmerged(r) : r)),
  };
}

/** The edited template as saved: a new version when anything changed, the same one otherwise. */
export function nextVersion(before: TemplateSettings, after: TemplateSettings): TemplateSettings {
  const same =
    JSON.stringify({ ...before, version: 0 }) === JSON.stringify({ ...after, version: 0 });
  return same ? before : { ...after, version: before.version + 1 };
}

/**
 * Lessons imported from another device may name questions and reasons this one never had: their
 * wording comes along, so those lessons read as they did there. Questions come as removed (read,
 * not asked); reasons come as offered, or merged when they were merged there and their target
 * is known here. What this device already has is left as the user made it.
 */
export function withImportedEntries(
  local: TemplateSettings,
  incoming: TemplateSettings,
): TemplateSettings {
  const knownQuestions = new Set(local.questions.map((q) => q.id));
  const knownReasons = new Set(local.reasons.map((r) => r.id));
  const questions = incoming.questions
    .filter((q) => !knownQuestions.has(q.id) && q.label)
    .map((q) => ({ ...q, removed: true }));
  const newReasons = incoming.reasons.filter((r) => !knownReasons.has(r.id) && r.label);
  const ids = new Set([...knownReasons, ...newReasons.map((r) => r.id)]);
  const reasons = newReasons.map((r) => (!r.mergedInto || ids.has(r.mergedInto) ? r : unmerged(r)));
  return nextVersion(local, {
    ...local,
    questions: [...local.questions, ...questions],
    reasons: [...local.reasons, ...reasons],
  });
}

/**
 * An edited copy of the template with the entries `stored` gained since the copy was made (an
 * import, another device's wording) kept: edits delete nothing, so an entry the copy lacks is
 * one it never had, and old lessons still read through it.
 */
export function withEntriesKept(
  edited: TemplateSettings,
  stored: TemplateSettings,
): TemplateSettings {
  const lacking = (list: { id: string }[]) => (entry: { id: string }) =>
    !list.some((other) => other.id === entry.id);
  return {
    ...edited,
    questions: [...edited.questions, ...stored.questions.filter(lacking(edited.questions))],
    reasons: [...edited.reasons, ...stored.reasons.filter(lacking(edited.reasons))],
  };
}
