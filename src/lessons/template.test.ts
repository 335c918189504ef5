import { describe, expect, it } from 'vitest';
import { QUESTIONS, TEMPLATE_VERSION } from './questions';
import {
  answerText,
  defaultTemplateSettings,
  questionLabel,
  reasonFromCrm,
  reasonLabel,
  reasonOf,
  resolveTemplate,
  TemplateSettingsSchema,
  withNewBuiltIns,
  type TemplateSettings,
} from './template';
import {
  addQuestion,
  addReason,
  mergeReason,
  moveQuestion,
  nextVersion,
  setQuestionRemoved,
  unmergeReason,
  updateQuestion,
  updateReason,
  withEntriesKept,
  withImportedEntries,
} from './template-edit';

const BUILT_IN = resolveTemplate(undefined);
const edited = (...edits: ((t: TemplateSettings) => TemplateSettings)[]) =>
  edits.reduce((template, edit) => edit(template), defaultTemplateSettings());
const askedIds = (template: TemplateSettings) =>
  resolveTemplate(template).questions.map((q) => q.id);

describe('the built-in template', () => {
  it('asks the built-in questions in order, at version 2, and parses', () => {
    expect(BUILT_IN.version).toBe(TEMPLATE_VERSION);
    expect(BUILT_IN.questions.map((q) => q.id)).toEqual(QUESTIONS.map((q) => q.id));
    expect(TemplateSettingsSchema.safeParse(defaultTemplateSettings()).success).toBe(true);
  });
});

describe('answerText and questionLabel', () => {
  it("shows a choice's label rather than its id", () => {
    expect(answerText(BUILT_IN, 'attribution', 'person')).toBe('the people');
    expect(answerText(BUILT_IN, 'attribution', 'product')).toBe('the product');
  });

  it('shows an unknown choice, a text answer and an unknown question as stored', () => {
    expect(answerText(BUILT_IN, 'attribution', 'weather')).toBe('weather');
    expect(answerText(BUILT_IN, 'whatHappened', 'person')).toBe('person');
    expect(answerText(BUILT_IN, 'mystery', 'person')).toBe('person');
  });

  it("labels today's questions, the retired nextTime one, and unknown ids as they are", () => {
    expect(questionLabel(BUILT_IN, 'planCue')).toBe('Next time I see…');
    expect(questionLabel(BUILT_IN, 'whatHappened')).toBe('What actually happened?');
    expect(questionLabel(BUILT_IN, 'nextTime')).toBe('Next time I will…');
    expect(questionLabel(BUILT_IN, 'legacyQuestion')).toBe('legacyQuestion');
  });
});

describe('editing questions', () => {
  it('rewords a question; an empty wording gives a built-in one its own back', () => {
    const reworded = edited((t) => updateQuestion(t, 'whatHappened', { label: 'What went on?' }));
    expect(questionLabel(resolveTemplate(reworded), 'whatHappened')).toBe('What went on?');
    const back = updateQuestion(reworded, 'whatHappened', { label: '  ' });
    expect(questionLabel(resolveTemplate(back), 'whatHappened')).toBe('What actually happened?');
  });

  it('follows the built-in wording again when a question or reason is set back to it', () => {
    const back = edited(
      (t) => updateQuestion(t, 'whatHappened', { label: 'What went on?' }),
      (t) => updateQuestion(t, 'whatHappened', { label: 'What actually happened?' }),
      (t) => updateReason(t, 'competitor.price-value', { label: 'Price / value' }),
    );
    expect(back).toEqual(defaultTemplateSettings());
  });

  it('keeps an empty wording on an added question, and the schema refuses it by name', () => {
    const blank = edited(
      (t) => addQuestion(t, 'Who decided?', 'deep', 'q-who'),
      (t) => updateQuestion(t, 'q-who', { label: '' }),
    );
    const parsed = TemplateSettingsSchema.safeParse(blank);
    expect(parsed.error?.issues[0]?.message).toBe(
      'A question needs words: write it, or remove it.',
    );
  });

  it('moves a question among the asked ones, skipping removed ones, and not past the ends', () => {
    const template = edited((t) => setQuestionRemoved(t, 'expected', true));
    expect(askedIds(moveQuestion(template, 'whatHappened', -1)).slice(0, 3)).toEqual([
      'planCue',
      'whatHappened',
      'planAction',
    ]);
    expect(moveQuestion(template, 'planCue', -1)).toBe(template);
    expect(moveQuestion(template, 'freeWrite', 1)).toBe(template);
  });

  it('moves a question between quick and deep mode', () => {
    const template = resolveTemplate(
      edited((t) => updateQuestion(t, 'wentWell', { mode: 'quick' })),
    );
    expect(template.questions.filter((q) => q.mode === 'quick').map((q) => q.id)).toEqual([
      'planCue',
      'planAction',
      'wentWell',
    ]);
  });

  it('stops asking a removed question but keeps its wording for old answers', () => {
    const template = resolveTemplate(
      edited(
        (t) => addQuestion(t, 'Who decided?', 'deep', 'q-who'),
        (t) => setQuestionRemoved(t, 'q-who', true),
        (t) => setQuestionRemoved(t, 'luck', true),
      ),
    );
    expect(template.questions.map((q) => q.id)).not.toContain('q-who');
    expect(template.questions.map((q) => q.id)).not.toContain('luck');
    expect(questionLabel(template, 'q-who')).toBe('Who decided?');
    expect(questionLabel(template, 'luck')).toBe('Was anything luck?');
  });

  it('keeps the choice question a choice when it is reworded', () => {
    const template = resolveTemplate(
      edited((t) => updateQuestion(t, 'attribution', { label: 'Whose fault, really?' })),
    );
    const attribution = template.questions.find((q) => q.id === 'attribution');
    expect(attribution).toMatchObject({ kind: 'choice', label: 'Whose fault, really?' });
    expect(answerText(template, 'attribution', 'situation')).toBe('the situation');
  });
});

describe('editing reasons', () => {
  it('renames, recolours and marks a reason within control', () => {
    const template = resolveTemplate(
      edited((t) =>
        updateReason(t, 'competitor.price-value', {
          label: 'Too expensive',
          colour: '#00aa00',
          controllable: true,
        }),
      ),
    );
    expect(reasonOf(template, 'competitor.price-value')).toMatchObject({
      label: 'Too expensive',
      colour: '#00aa00',
      controllable: true,
    });
    expect(reasonFromCrm(template, 'too expensive')).toBe('competitor.price-value');
  });

  it('merges a reason: no longer offered, and old lessons read as the one it went into', () => {
    const settings = edited((t) =>
      mergeReason(t, 'no-decision.went-dark', 'no-decision.indecision'),
    );
    const template = resolveTemplate(settings);
    const offered = template.groups.flatMap((g) => g.reasons.map((r) => r.id));
    expect(offered).not.toContain('no-decision.went-dark');
    expect(reasonLabel(template, 'no-decision.went-dark')).toBe('Buyer indecision');
    expect(reasonOf(template, 'no-decision.went-dark')?.id).toBe('no-decision.indecision');
    expect(TemplateSettingsSchema.safeParse(settings).success).toBe(true);

    const undone = resolveTemplate(unmergeReason(settings, 'no-decision.went-dark'));
    expect(reasonLabel(undone, 'no-decision.went-dark')).toBe('Went dark');
  });

  it('follows merges of merges, and re-points reasons merged into one that is merged', () => {
    const template = resolveTemplate(
      edited(
        (t) => mergeReason(t, 'competitor.incumbent', 'competitor.trust-risk'),
        (t) => mergeReason(t, 'competitor.trust-risk', 'competitor.capability-gap'),
      ),
    );
    expect(template.reasons['competitor.incumbent']?.mergedInto).toBe('competitor.capability-gap');
    expect(reasonLabel(template, 'competitor.incumbent')).toBe('Capability gap');
  });

  it('refuses merging into itself, into a merged reason, into nothing, or merging "other"', () => {
    const once = edited((t) => mergeReason(t, 'bad-fit.timing', 'bad-fit.no-need'));
    expect(mergeReason(once, 'bad-fit.not-icp', 'bad-fit.not-icp')).toBe(once);
    expect(mergeReason(once, 'bad-fit.not-icp', 'bad-fit.timing')).toBe(once);
    expect(mergeReason(once, 'bad-fit.not-icp', 'missing')).toBe(once);
    expect(mergeReason(once, 'other', 'bad-fit.no-need')).toBe(once);
  });

  it('does not hang on a loop written into the settings by hand', () => {
    const looped = edited((t) => ({
      ...t,
      reasons: t.reasons.map((r) =>
        r.id === 'bad-fit.timing'
          ? { ...r, mergedInto: 'bad-fit.no-need' }
          : r.id === 'bad-fit.no-need'
            ? { ...r, mergedInto: 'bad-fit.timing' }
            : r,
      ),
    }));
    expect(reasonOf(resolveTemplate(looped), 'bad-fit.timing')).toBeDefined();
  });

  it('adds a reason to a group, offered and readable from the CRM dialog', () => {
    const template = resolveTemplate(
      edited((t) => addReason(t, 'no-decision', 'Reorganisation', '#445566', 'reason-reorg')),
    );
    const group = template.groups.find((g) => g.id === 'no-decision')!;
    expect(group.reasons.at(-1)).toMatchObject({ id: 'reason-reorg', label: 'Reorganisation' });
    expect(reasonFromCrm(template, 'Reorganisation')).toBe('reason-reorg');
  });

  it('labels "other" with its text and an id this device never had as it is', () => {
    expect(reasonLabel(BUILT_IN, 'other', '  Acquired by a rival ')).toBe('Acquired by a rival');
    expect(reasonLabel(BUILT_IN, 'other', '  ')).toBe('Other');
    expect(reasonLabel(BUILT_IN, 'retired.reason')).toBe('retired.reason');
    expect(reasonLabel(BUILT_IN, undefined)).toBe('');
  });
});

describe('reasonFromCrm', () => {
  it.each([
    ['Price', 'competitor.price-value'],
    ['  CHAMPION   LEFT! ', 'no-decision.champion-left'],
    ['Price / value', 'competitor.price-value'],
    ['Budget', 'no-decision.budget-removed'],
    ['Went dark', 'no-decision.went-dark'],
  ])('reads %j as %j', (text, id) => {
    expect(reasonFromCrm(BUILT_IN, text)).toBe(id);
  });

  it.each([undefined, '', '   ', '?!', 'Weather', 'Other', 'Price increase'])(
    'has no reason for %j',
    (text) => {
      expect(reasonFromCrm(BUILT_IN, text)).toBeUndefined();
    },
  );

  it('does not offer a merged reason for the CRM text', () => {
    const template = resolveTemplate(
      edited((t) => mergeReason(t, 'no-decision.went-dark', 'no-decision.indecision')),
    );
    expect(reasonFromCrm(template, 'Went dark')).toBeUndefined();
  });
});

describe('versions', () => {
  it('goes up by one when something changed, and stays when nothing did', () => {
    const before = defaultTemplateSettings();
    const after = updateReason(before, 'other', { colour: '#000000' });
    expect(nextVersion(before, after).version).toBe(TEMPLATE_VERSION + 1);
    expect(nextVersion(before, structuredClone(before))).toBe(before);
  });
});

describe('withNewBuiltIns', () => {
  it('adds built-in questions and reasons a stored template has never seen', () => {
    const stored = defaultTemplateSettings();
    const old: TemplateSettings = {
      ...stored,
      questions: stored.questions.filter((q) => q.id !== 'freeWrite'),
      reasons: stored.reasons.filter((r) => r.id !== 'bad-fit.timing'),
    };
    const current = withNewBuiltIns(old);
    expect(current.questions.at(-1)?.id).toBe('freeWrite');
    expect(current.reasons.at(-1)?.id).toBe('bad-fit.timing');
  });
});

describe('withImportedEntries', () => {
  it("brings another device's own questions (as removed) and reasons, and keeps local edits", () => {
    const local = edited((t) => updateReason(t, 'other', { colour: '#111111' }));
    const theirs = edited(
      (t) => addQuestion(t, 'Who signed instead?', 'quick', 'q-signed'),
      (t) => addReason(t, 'competitor', 'Bundled by a suite', '#222222', 'reason-suite'),
      (t) => updateReason(t, 'other', { colour: '#999999' }),
    );
    const merged = withImportedEntries(local, theirs);
    const template = resolveTemplate(merged);
    expect(merged.version).toBe(local.version + 1);
    expect(template.questions.map((q) => q.id)).not.toContain('q-signed');
    expect(questionLabel(template, 'q-signed')).toBe('Who signed instead?');
    expect(reasonLabel(template, 'reason-suite')).toBe('Bundled by a suite');
    expect(template.reasons.other?.colour).toBe('#111111');
    expect(TemplateSettingsSchema.safeParse(merged).success).toBe(true);
  });

  it('survives a save of a copy edited before the import', () => {
    const copy = edited((t) => updateQuestion(t, 'whatHappened', { label: 'What went on?' }));
    const theirs = edited((t) => addQuestion(t, 'Who signed instead?', 'quick', 'q-signed'));
    const stored = withImportedEntries(defaultTemplateSettings(), theirs);
    const saved = resolveTemplate(withEntriesKept(copy, stored));
    expect(questionLabel(saved, 'q-signed')).toBe('Who signed instead?');
    expect(questionLabel(saved, 'whatHappened')).toBe('What went on?');
  });

  it('changes nothing when the other device has nothing new', () => {
    const local = defaultTemplateSettings();
    expect(withImportedEntries(local, defaultTemplateSettings())).toBe(local);
  });
});
