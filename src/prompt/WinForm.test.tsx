import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WinForm } from './WinForm';

afterEach(cleanup);

function setup(props: { error?: string; busy?: boolean } = {}) {
  const onSave = vi.fn<(answers: Record<string, string>) => void>();
  const onNotNow = vi.fn<() => void>();
  const onEdit = vi.fn<() => void>();
  render(
    <WinForm
      idPrefix="test"
      busy={props.busy ?? false}
      error={props.error}
      onSave={onSave}
      onNotNow={onNotNow}
      onEdit={onEdit}
    />,
  );
  return { onSave, onNotNow, onEdit };
}

const type = (label: string, text: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value: text } });

describe('WinForm', () => {
  it('asks the three questions, the second as an if-then plan in one group', () => {
    setup();
    expect(screen.getAllByRole('textbox')).toHaveLength(4);
    const plan = within(screen.getByRole('group', { name: 'What will you do again?' }));
    expect(plan.getByLabelText('Next time I see…')).toBeInstanceOf(HTMLTextAreaElement);
    expect(plan.getByLabelText('…I will again')).toBeInstanceOf(HTMLTextAreaElement);
    expect(
      screen.getByLabelText('If a teammate asked what won this deal, what would you tell them?'),
    ).toBeInstanceOf(HTMLTextAreaElement);
    expect(screen.getByLabelText('What nearly lost it, or was luck?')).toBeInstanceOf(
      HTMLTextAreaElement,
    );
  });

  it('saves the answers by question id', () => {
    const { onSave, onEdit } = setup();
    type('Next time I see…', 'an RFP');
    type('…I will again', 'ask for the scoring sheet');
    type('What nearly lost it, or was luck?', 'Budget freeze');
    expect(onEdit).toHaveBeenCalledTimes(3);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledExactlyOnceWith({
      againCue: 'an RFP',
      againAction: 'ask for the scoring sheet',
      nearlyLost: 'Budget freeze',
    });
  });

  it('closes with Not now, and shows an error as an alert', () => {
    const { onNotNow, onSave } = setup({ error: 'Answer at least one question' });
    expect(screen.getByRole('alert').textContent).toBe('Answer at least one question');
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(onNotNow).toHaveBeenCalledOnce();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('disables its buttons while saving', () => {
    setup({ busy: true });
    for (const name of ['Save', 'Not now'])
      expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
  });
});
