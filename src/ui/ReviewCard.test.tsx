import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testLesson } from '../lessons/lesson.test-helper';
import type { PlanAnswer, SnoozeTarget } from '../lessons/review-schedule';
import { resolveTemplate } from '../lessons/template';
import { ReviewCard, type SecondLookChanges } from './ReviewCard';

afterEach(cleanup);

const template = resolveTemplate(undefined);
const lesson = testLesson({
  dealName: '<b>Acme</b> renewal',
  reason: 'competitor.price-value',
  answers: { planCue: 'the CFO joins a call', planAction: 'ask what a yes needs' },
});

function setup(parts: { plan: boolean; secondLook: boolean }) {
  const calls = {
    onPlan: vi.fn<(answer: PlanAnswer) => void>(),
    onSecondLook: vi.fn<(changes: SecondLookChanges) => void>(),
    onSnooze: vi.fn<(target: SnoozeTarget) => void>(),
    onRetire: vi.fn<() => void>(),
  };
  render(<ReviewCard lesson={lesson} template={template} {...parts} {...calls} />);
  return { card: screen.getByRole('article', { name: '<b>Acme</b> renewal' }), ...calls };
}

describe('ReviewCard', () => {
  it('shows the deal as text, its reason and its if-then plan', () => {
    const { card } = setup({ plan: true, secondLook: false });
    expect(card.querySelector('b')).toBeNull();
    expect(within(card).getByTestId('review-reason').textContent).toBe('Price / value');
    expect(card.textContent).toContain('the CFO joins a call');
    expect(card.textContent).toContain('ask what a yes needs');
  });

  it('asks whether the plan was applied, with the four answers in order', () => {
    const { card, onPlan } = setup({ plan: true, secondLook: false });
    const question = within(card).getByRole('group', { name: 'Since then, did you apply it?' });
    const answers = within(question)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(answers).toEqual(['Not yet', 'Tried', 'Applied', "It's a habit"]);
    fireEvent.click(within(question).getByRole('button', { name: "It's a habit" }));
    expect(onPlan).toHaveBeenCalledWith('habit');
    expect(
      within(card).queryByRole('group', { name: 'Learned anything new about why?' }),
    ).toBeNull();
  });

  it('takes "it still holds" on a second look, or a new reason and outcome', () => {
    const { card, onSecondLook } = setup({ plan: false, secondLook: true });
    expect(within(card).queryByRole('group', { name: 'Since then, did you apply it?' })).toBeNull();
    fireEvent.click(within(card).getByRole('button', { name: 'No, it still holds' }));
    expect(onSecondLook).toHaveBeenLastCalledWith({});
    fireEvent.click(within(card).getByRole('button', { name: 'Change the reason' }));
    const reason = within(card).getByLabelText<HTMLSelectElement>('Main reason');
    expect(reason.value).toBe('competitor.price-value');
    fireEvent.change(reason, { target: { value: 'competitor.incumbent' } });
    fireEvent.change(within(card).getByLabelText('Outcome'), { target: { value: 'no-decision' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Save the change' }));
    expect(onSecondLook).toHaveBeenLastCalledWith({
      reason: 'competitor.incumbent',
      outcome: 'no-decision',
    });
  });

  it('snoozes and retires', () => {
    const { card, onSnooze, onRetire } = setup({ plan: true, secondLook: true });
    fireEvent.click(within(card).getByRole('button', { name: 'Snooze until tomorrow' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Snooze for a week' }));
    expect(onSnooze.mock.calls).toEqual([['tomorrow'], ['next-week']]);
    fireEvent.click(within(card).getByRole('button', { name: 'Stop reviewing' }));
    expect(onRetire).toHaveBeenCalledOnce();
  });
});
