import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReflectionForm } from './ReflectionForm';
import { EMPTY_VALUES, ReflectionValuesSchema, type ReflectionValues } from '../lessons/values';
import { QUESTIONS } from '../lessons/questions';
import { defaultTemplateSettings, resolveTemplate, type Template } from '../lessons/template';
import {
  addQuestion,
  addReason,
  mergeReason,
  moveQuestion,
  updateQuestion,
} from '../lessons/template-edit';

const BUILT_IN = resolveTemplate(undefined);

afterEach(cleanup);

function setup(
  props: {
    askDeal?: boolean;
    error?: string;
    unsaved?: string;
    busy?: boolean;
    initial?: ReflectionValues;
    template?: Template;
  } = {},
) {
  const onSave = vi.fn<(values: ReflectionValues) => void>();
  const onLater = vi.fn<() => void>();
  const onChange = vi.fn<(values: ReflectionValues) => void>();
  render(
    <ReflectionForm
      idPrefix="test"
      askDeal={props.askDeal ?? false}
      template={props.template ?? BUILT_IN}
      busy={props.busy ?? false}
      error={props.error}
      unsaved={props.unsaved}
      initial={props.initial}
      onSave={onSave}
      onLater={onLater}
      onChange={onChange}
    />,
  );
  return { onSave, onLater, onChange };
}

const choose = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const type = (label: string | RegExp, text: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value: text } });
const group = (legend: string) => within(screen.getByRole('group', { name: legend }));
const tap = (legend: string, option: string) =>
  fireEvent.click(group(legend).getByRole('radio', { name: option }));
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));
const toDeep = () => fireEvent.click(screen.getByRole('button', { name: 'More questions (deep)' }));
const toQuick = () =>
  fireEvent.click(screen.getByRole('button', { name: 'Fewer questions (quick)' }));

const SURE = 'How sure are you?';
const FEELING = 'How are you feeling about this one?';
const deepText = QUESTIONS.filter((q) => q.mode === 'deep' && q.kind === 'text');

describe('ReflectionForm', () => {
  it.each([
    ['Outcome', HTMLSelectElement],
    ['Main reason', HTMLSelectElement],
    ['Second reason (optional)', HTMLSelectElement],
    ['Next time I see…', HTMLTextAreaElement],
    ['…I will', HTMLTextAreaElement],
  ])('has a field labelled %j in quick mode', (label, kind) => {
    setup();
    expect(screen.getByLabelText(label)).toBeInstanceOf(kind);
  });

  it('offers the confidence and feeling choices as radio groups', () => {
    setup();
    expect(
      group(SURE)
        .getAllByRole('radio')
        .map((r) => r.closest('label')?.textContent),
    ).toEqual(['My guess', 'Fairly sure', 'The buyer told me']);
    expect(
      group(FEELING)
        .getAllByRole('radio')
        .map((r) => r.closest('label')?.textContent),
    ).toEqual(['1 Rough', '2 Low', '3 Okay', '4 Fine', '5 Good']);
  });

  it('shows the deep questions only in deep mode', () => {
    setup();
    expect(screen.queryByLabelText('What actually happened?')).toBeNull();
    expect(screen.queryByRole('group', { name: 'Was this mostly about…' })).toBeNull();
    const toggle = screen.getByRole('button', { name: 'More questions (deep)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toDeep();
    for (const q of deepText) {
      expect(screen.getByLabelText(q.label)).toBeInstanceOf(HTMLTextAreaElement);
    }
    expect(
      group('Was this mostly about…')
        .getAllByRole('radio')
        .map((r) => r.closest('label')?.textContent),
    ).toEqual(['the people', 'the situation', 'the product']);
    expect(
      screen.getByRole('button', { name: 'Fewer questions (quick)' }).getAttribute('aria-expanded'),
    ).toBe('true');
  });

  it('offers every outcome and the grouped reasons', () => {
    setup();
    const outcome = screen.getByLabelText('Outcome') as HTMLSelectElement;
    expect([...outcome.options].map((o) => o.textContent)).toEqual([
      'Choose…',
      'Lost to a competitor',
      'No decision / stalled',
      'Stayed with current solution',
      'Built in-house',
      'Disqualified / bad fit',
      "Don't know yet",
    ]);
    for (const label of ['Main reason', 'Second reason (optional)']) {
      const reason = screen.getByLabelText(label) as HTMLSelectElement;
      expect([...reason.querySelectorAll('optgroup')].map((g) => g.label)).toEqual([
        'Competitor',
        'No decision',
        'Stayed / built',
        'Bad fit',
        'Other',
      ]);
    }
  });

  it('saves what was chosen and typed', () => {
    const { onSave, onLater } = setup();
    choose('Outcome', 'competitor');
    choose('Main reason', 'competitor.price-value');
    choose('Second reason (optional)', 'no-decision.champion-left');
    tap(SURE, 'The buyer told me');
    tap(FEELING, '2 Low');
    type('Next time I see…', 'a price objection');
    type('…I will', 'build a business case');
    save();
    expect(onSave).toHaveBeenCalledExactlyOnceWith({
      ...EMPTY_VALUES,
      mode: 'quick',
      outcome: 'competitor',
      reason: 'competitor.price-value',
      secondaryReason: 'no-decision.champion-left',
      confidence: 'buyer-told-me',
      feeling: 2,
      answers: { planCue: 'a price objection', planAction: 'build a business case' },
    });
    expect(onLater).not.toHaveBeenCalled();
  });

  it('hands an empty form to the caller to judge (no browser validation)', () => {
    const { onSave } = setup();
    save();
    expect(onSave).toHaveBeenCalledExactlyOnceWith(EMPTY_VALUES);
  });

  it('starts from the initial values it is given', () => {
    const initial: ReflectionValues = {
      ...EMPTY_VALUES,
      reason: 'competitor.price-value',
      confidence: 'fairly-sure',
      answers: { planCue: 'procurement' },
    };
    const { onSave } = setup({ initial });
    expect((screen.getByLabelText('Main reason') as HTMLSelectElement).value).toBe(
      'competitor.price-value',
    );
    expect(
      (group(SURE).getByRole('radio', { name: 'Fairly sure' }) as HTMLInputElement).checked,
    ).toBe(true);
    expect((screen.getByLabelText('Next time I see…') as HTMLTextAreaElement).value).toBe(
      'procurement',
    );
    save();
    expect(onSave).toHaveBeenCalledExactlyOnceWith(initial);
  });

  it('keeps every answer when switching quick → deep → quick', () => {
    const { onSave } = setup();
    type('Next time I see…', 'procurement running the RFP');
    toDeep();
    expect((screen.getByLabelText('Next time I see…') as HTMLTextAreaElement).value).toBe(
      'procurement running the RFP',
    );
    type('What actually happened?', 'They chose Globex.');
    type('What went well?', 'The demo.');
    tap('Was this mostly about…', 'the situation');
    type('…I will', 'ask for the economic buyer in week one');
    toQuick();
    expect(screen.queryByLabelText('What actually happened?')).toBeNull();
    save();
    expect(onSave).toHaveBeenCalledExactlyOnceWith({
      ...EMPTY_VALUES,
      mode: 'quick',
      answers: {
        planCue: 'procurement running the RFP',
        planAction: 'ask for the economic buyer in week one',
        whatHappened: 'They chose Globex.',
        wentWell: 'The demo.',
        attribution: 'situation',
      },
    });
    // And back to deep: the deep answers are still in their fields.
    toDeep();
    expect((screen.getByLabelText('What actually happened?') as HTMLTextAreaElement).value).toBe(
      'They chose Globex.',
    );
    expect(
      (
        group('Was this mostly about…').getByRole('radio', {
          name: 'the situation',
        }) as HTMLInputElement
      ).checked,
    ).toBe(true);
  });

  it('saves in deep mode with the mode recorded', () => {
    const { onSave } = setup();
    toDeep();
    type('Was anything luck?', 'Timing.');
    save();
    expect(onSave.mock.calls[0]![0]).toMatchObject({ mode: 'deep', answers: { luck: 'Timing.' } });
  });

  it('sets confidence and feeling from the radios, one choice each', () => {
    const { onSave } = setup();
    tap(SURE, 'My guess');
    tap(SURE, 'Fairly sure');
    tap(FEELING, '5 Good');
    tap(FEELING, '1 Rough');
    const checked = (legend: string) =>
      group(legend)
        .getAllByRole('radio')
        .filter((r) => (r as HTMLInputElement).checked)
        .map((r) => r.closest('label')?.textContent);
    expect(checked(SURE)).toEqual(['Fairly sure']);
    expect(checked(FEELING)).toEqual(['1 Rough']);
    save();
    expect(onSave.mock.calls[0]![0]).toMatchObject({ confidence: 'fairly-sure', feeling: 1 });
  });

  it('reports every change with the new values', () => {
    const { onChange, onSave } = setup();
    expect(onChange).not.toHaveBeenCalled();
    choose('Outcome', 'no-decision');
    expect(onChange).toHaveBeenLastCalledWith({ ...EMPTY_VALUES, outcome: 'no-decision' });
    tap(SURE, 'My guess');
    expect(onChange).toHaveBeenLastCalledWith({
      ...EMPTY_VALUES,
      outcome: 'no-decision',
      confidence: 'guess',
    });
    tap(FEELING, '3 Okay');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ feeling: 3 }));
    type('…I will', 'call the CFO');
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ answers: { planAction: 'call the CFO' } }),
    );
    toDeep();
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ mode: 'deep' }));
    expect(onChange).toHaveBeenCalledTimes(5);
    save();
    expect(onChange).toHaveBeenCalledTimes(5);
    expect(onSave).toHaveBeenCalledExactlyOnceWith(onChange.mock.lastCall![0]);
  });

  it('puts the prompt off with Escape', () => {
    const { onSave, onLater } = setup();
    fireEvent.keyDown(screen.getByLabelText('Next time I see…'), { key: 'Escape' });
    expect(onLater).toHaveBeenCalledOnce();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('puts the prompt off with the Later button', () => {
    const { onLater } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Later' }));
    expect(onLater).toHaveBeenCalledOnce();
  });

  it('does not react to other keys', () => {
    const { onSave, onLater } = setup();
    fireEvent.keyDown(screen.getByLabelText('Next time I see…'), { key: 'Enter' });
    fireEvent.keyDown(screen.getByLabelText('…I will'), { key: 'a' });
    expect(onLater).not.toHaveBeenCalled();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('asks for the other reason only when "Other (describe)" is chosen', () => {
    const { onSave } = setup();
    expect(screen.queryByLabelText('Other reason')).toBeNull();
    choose('Main reason', 'other');
    type('Other reason', 'Acquired by a rival');
    save();
    expect(onSave.mock.calls[0]![0]).toMatchObject({
      reason: 'other',
      answers: { reasonOther: 'Acquired by a rival' },
    });
    choose('Main reason', 'no-decision.went-dark');
    expect(screen.queryByLabelText('Other reason')).toBeNull();
  });

  it('asks for the other reason when it is the second reason', () => {
    setup();
    choose('Main reason', 'competitor.price-value');
    expect(screen.queryByLabelText('Other reason')).toBeNull();
    choose('Second reason (optional)', 'other');
    expect(screen.getByLabelText('Other reason')).toBeInstanceOf(HTMLInputElement);
    choose('Second reason (optional)', '');
    expect(screen.queryByLabelText('Other reason')).toBeNull();
  });

  it('asks for the deal and company only when told to', () => {
    setup();
    expect(screen.queryByLabelText('Deal')).toBeNull();
    expect(screen.queryByLabelText('Company')).toBeNull();
    cleanup();

    const { onSave } = setup({ askDeal: true });
    type('Deal', 'Initech pilot');
    type('Company', 'Initech');
    save();
    expect(onSave.mock.calls[0]![0]).toMatchObject({
      dealName: 'Initech pilot',
      company: 'Initech',
    });
  });

  it('shows an error as an alert', () => {
    setup({ error: 'Choose how the deal ended' });
    expect(screen.getByRole('alert').textContent).toBe('Choose how the deal ended');
  });

  it('shows no alert without an error', () => {
    setup();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('disables both buttons while saving', () => {
    setup({ busy: true });
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Later' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it("asks the user's questions in their order and offers their reasons, not merged ones", () => {
    let edited = defaultTemplateSettings();
    edited = addQuestion(edited, 'Who else was in the room?', 'quick', 'q-room');
    edited = updateQuestion(edited, 'planAction', { label: 'Then I will' });
    edited = moveQuestion(edited, 'planAction', -1);
    edited = mergeReason(edited, 'competitor.price-value', 'competitor.capability-gap');
    edited = addReason(edited, 'competitor', 'Procurement chose', '#123456', 'reason-proc');
    const { onSave } = setup({ template: resolveTemplate(edited) });

    const quick = screen.getAllByRole('textbox').map((box) => box.id);
    expect(quick).toEqual(['test-planAction', 'test-planCue', 'test-q-room']);
    expect(screen.getByLabelText('Then I will')).toBeInstanceOf(HTMLTextAreaElement);
    const offered = [...(screen.getByLabelText('Main reason') as HTMLSelectElement).options];
    expect(offered.map((o) => o.textContent)).toContain('Procurement chose');
    expect(offered.map((o) => o.textContent)).not.toContain('Price / value');

    choose('Main reason', 'reason-proc');
    type('Who else was in the room?', 'Their CFO');
    save();
    expect(onSave.mock.calls[0]![0]).toMatchObject({
      reason: 'reason-proc',
      answers: { 'q-room': 'Their CFO' },
    });
  });

  it("shows a draft's reason that has since been merged as the reason it went into", () => {
    const merged = mergeReason(
      defaultTemplateSettings(),
      'no-decision.went-dark',
      'no-decision.indecision',
    );
    const { onSave } = setup({
      template: resolveTemplate(merged),
      initial: { ...EMPTY_VALUES, outcome: 'no-decision', reason: 'no-decision.went-dark' },
    });
    expect((screen.getByLabelText('Main reason') as HTMLSelectElement).value).toBe(
      'no-decision.indecision',
    );
    save();
    expect(onSave.mock.calls[0]![0]).toMatchObject({ reason: 'no-decision.indecision' });
  });

  describe('field limits', () => {
    const field = (label: string) => screen.getByLabelText(label) as HTMLTextAreaElement;
    const lastChange = (onChange: ReturnType<typeof setup>['onChange']) =>
      onChange.mock.calls.at(-1)![0];

    it('holds each field to the limit the draft can store', () => {
      setup({ askDeal: true });
      expect(field('…I will').maxLength).toBe(20_000);
      expect(field('Deal').maxLength).toBe(500);
      expect(field('Company').maxLength).toBe(500);
    });

    it('shows no counter far from the limit, and one from 90 % of it', () => {
      setup();
      type('…I will', 'x'.repeat(17_999));
      expect(screen.queryByText(/of 20,000 characters/)).toBeNull();
      type('…I will', 'x'.repeat(18_000));
      expect(screen.getByText('18,000 of 20,000 characters.').id).toBe(
        field('…I will').getAttribute('aria-describedby'),
      );
    });

    it('stops an answer at the limit, says so, and the other answers still save', () => {
      const { onChange } = setup();
      type('…I will', 'y'.repeat(20_001));
      expect(field('…I will').value).toHaveLength(20_000);
      screen.getByText(/20,000 characters: the most this field holds/);
      type('Next time I see…', 'a pilot without criteria');
      const values = lastChange(onChange);
      expect(values.answers).toEqual({
        planAction: 'y'.repeat(20_000),
        planCue: 'a pilot without criteria',
      });
      // What the form hands on is what a draft can store: nothing typed later is refused.
      expect(ReflectionValuesSchema.safeParse(values).success).toBe(true);
    });

    it('never splits an emoji at the limit', () => {
      const { onChange } = setup({ askDeal: true });
      type('Deal', 'd'.repeat(499) + '😀');
      expect(lastChange(onChange).dealName).toBe('d'.repeat(499));
    });
  });

  it('says when the answers are not saved, and why', () => {
    setup({ unsaved: 'Your browser has no room left for Rebound’s data.' });
    expect(screen.getByTestId('draft-not-saved').textContent).toBe(
      'Not saved: Your browser has no room left for Rebound’s data. What you typed stays here, and Rebound keeps trying to save it.',
    );
  });
});
