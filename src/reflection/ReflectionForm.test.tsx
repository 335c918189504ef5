import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReflectionForm, type ReflectionValues } from './ReflectionForm';

afterEach(cleanup);

function setup(props: { askDeal?: boolean; error?: string; busy?: boolean } = {}) {
  const onSave = vi.fn<(values: ReflectionValues) => void>();
  const onLater = vi.fn<() => void>();
  render(
    <ReflectionForm
      idPrefix="test"
      askDeal={props.askDeal ?? false}
      busy={props.busy ?? false}
      error={props.error}
      onSave={onSave}
      onLater={onLater}
    />,
  );
  return { onSave, onLater };
}

const choose = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const type = (label: string | RegExp, text: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value: text } });

describe('ReflectionForm', () => {
  it.each([
    ['Outcome', HTMLSelectElement],
    ['Main reason', HTMLSelectElement],
    ['What happened?', HTMLTextAreaElement],
    ['What was different this time?', HTMLTextAreaElement],
    ['Next time I will…', HTMLTextAreaElement],
    ['What went well?', HTMLTextAreaElement],
  ])('has a field labelled %j', (label, kind) => {
    setup();
    expect(screen.getByLabelText(label)).toBeInstanceOf(kind);
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
    const reason = screen.getByLabelText('Main reason') as HTMLSelectElement;
    expect([...reason.querySelectorAll('optgroup')].map((g) => g.label)).toEqual([
      'Competitor',
      'No decision',
      'Stayed / built',
      'Bad fit',
      'Other',
    ]);
  });

  it('saves what was chosen and typed', () => {
    const { onSave, onLater } = setup();
    choose('Outcome', 'competitor');
    choose('Main reason', 'competitor.price-value');
    type('What happened?', 'They went with Globex.');
    type('Next time I will…', 'Next time I see a price objection, I will build a business case.');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledExactlyOnceWith({
      outcome: 'competitor',
      reason: 'competitor.price-value',
      answers: {
        whatHappened: 'They went with Globex.',
        nextTime: 'Next time I see a price objection, I will build a business case.',
      },
      dealName: '',
      company: '',
    });
    expect(onLater).not.toHaveBeenCalled();
  });

  it('hands an empty form to the caller to judge (no browser validation)', () => {
    const { onSave } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledExactlyOnceWith({
      outcome: '',
      reason: '',
      answers: {},
      dealName: '',
      company: '',
    });
  });

  it('puts the prompt off with Escape', () => {
    const { onSave, onLater } = setup();
    fireEvent.keyDown(screen.getByLabelText('What happened?'), { key: 'Escape' });
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
    fireEvent.keyDown(screen.getByLabelText('What happened?'), { key: 'Enter' });
    fireEvent.keyDown(screen.getByLabelText('What happened?'), { key: 'a' });
    expect(onLater).not.toHaveBeenCalled();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('asks for the other reason only when "Other (describe)" is chosen', () => {
    const { onSave } = setup();
    expect(screen.queryByLabelText('Other reason')).toBeNull();
    choose('Main reason', 'other');
    type('Other reason', 'Acquired by a rival');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave.mock.calls[0]![0]).toMatchObject({
      reason: 'other',
      answers: { reasonOther: 'Acquired by a rival' },
    });
    choose('Main reason', 'no-decision.went-dark');
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
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
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
});
