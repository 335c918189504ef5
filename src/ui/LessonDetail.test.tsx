import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { database } from '../db/database';
import { addLesson } from '../db/lessons';
import type { Lesson, LessonInput } from '../lessons/schema';
import { resolveTemplate } from '../lessons/template';
import { formatDate } from './format';
import { LessonDetail } from './LessonDetail';
import { UndoProvider } from './UndoToast';

const template = resolveTemplate(undefined);
const input: LessonInput = {
  crm: 'hubspot',
  dealId: '42',
  dealName: 'Acme renewal',
  outcome: 'competitor',
  reason: 'price',
  // `nextTime` is a retired question: its answer is still editable.
  answers: { planAction: 'Ask for the budget owner.', nextTime: 'Call earlier.' },
};

afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await database().lessons.clear();
});

const stored = () => addLesson(database(), input, crypto.randomUUID(), new Date('2026-11-20'));
const show = (lesson: Lesson, onDeleted?: (deleted: Lesson[]) => void) =>
  render(
    <UndoProvider>
      <LessonDetail id="detail" lesson={lesson} template={template} onDeleted={onDeleted} />
    </UndoProvider>,
  );

describe('LessonDetail, editing', () => {
  it('saves an edited answer, marks the lesson edited and keeps the earlier text as history', async () => {
    const lesson = await stored();
    show(lesson);
    expect(screen.queryByText(/^Edited/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit lesson' });
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText('Deal')));
    const plan = within(form).getByDisplayValue('Ask for the budget owner.');
    fireEvent.input(plan, { target: { value: 'Find the budget owner in week one.' } });
    fireEvent.input(within(form).getByDisplayValue('Call earlier.'), {
      target: { value: 'Call in week one.' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Changes saved.')).toBeTruthy();
    const today = formatDate(new Date().toISOString());
    expect(screen.getByText(`Edited ${today}`)).toBeTruthy();
    expect(screen.getByText('Find the budget owner in week one.')).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit' })),
    );
    const history = screen.getByText('History (2 changes)').closest('details')!;
    const entries = within(history)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(entries).toEqual([
      expect.stringMatching(new RegExp(`^Before ${today} · .+Call earlier\\.$`)),
      expect.stringMatching(new RegExp(`^Before ${today} · .+Ask for the budget owner\\.$`)),
    ]);
    const saved = await database().lessons.get(lesson.id);
    expect(saved!.answers.planAction).toBe('Find the budget owner in week one.');
    expect(saved!.history!.map((edit) => edit.previous)).toEqual([
      'Ask for the budget owner.',
      'Call earlier.',
    ]);
  });

  it('shows earlier texts as text, never as markup', async () => {
    const lesson = await stored();
    await database().lessons.put({
      ...lesson,
      history: [{ at: lesson.createdAt, field: 'dealName', previous: '<img src=x onerror=1>' }],
    });
    show((await database().lessons.get(lesson.id))!);
    expect(screen.getByText('<img src=x onerror=1>')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });

  it('says so when the lesson was deleted meanwhile, and when the schema refuses', async () => {
    const lesson = await stored();
    show(lesson);
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit lesson' });
    fireEvent.input(within(form).getByLabelText('Deal'), { target: { value: ' ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect((await within(form).findByRole('alert')).textContent).toMatch(/^Deal name: /);

    await database().lessons.delete(lesson.id);
    fireEvent.input(within(form).getByLabelText('Deal'), { target: { value: 'Acme 2' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(within(form).getByRole('alert').textContent).toMatch(/deleted meanwhile/),
    );
  });

  it('shows a failed write in words and keeps the form', async () => {
    const lesson = await stored();
    const full = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    vi.spyOn(database().lessons, 'put').mockRejectedValue(full);
    show(lesson);
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit lesson' });
    fireEvent.input(within(form).getByLabelText('Company'), { target: { value: 'Acme' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect((await within(form).findByRole('alert')).textContent).toMatch(/no room left/);
  });
});

describe('LessonDetail, the first thought', () => {
  it('shows the reason it was first saved with beside the new one, once the reason is edited', async () => {
    const lesson = await addLesson(
      database(),
      { ...input, reason: 'competitor.price-value' },
      crypto.randomUUID(),
      new Date('2026-11-20'),
    );
    show(lesson);
    expect(screen.queryByTestId('reason-drift')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit lesson' });
    fireEvent.change(within(form).getByLabelText('Main reason'), {
      target: { value: 'no-decision.no-access' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Changes saved.')).toBeTruthy();
    expect(screen.getByTestId('reason-drift').textContent).toBe(
      'First thought: Price / value → later: No access to the decision maker',
    );
  });

  it('shows it as text, never as markup', async () => {
    const lesson = await stored();
    await database().lessons.put({
      ...lesson,
      reason: 'other',
      answers: { reasonOther: '<b>Legal</b>' },
      history: [{ at: lesson.createdAt, field: 'answers.reasonOther', previous: '<i>Timing</i>' }],
    });
    show((await database().lessons.get(lesson.id))!);
    expect(screen.getByTestId('reason-drift').textContent).toBe(
      'First thought: <i>Timing</i> → later: <b>Legal</b>',
    );
    expect(document.querySelector('#detail b, #detail i')).toBeNull();
  });
});

describe('LessonDetail, tags and delete', () => {
  it('adds a tag on Enter and removes it from its chip', async () => {
    const lesson = await stored();
    show(lesson);
    const field = screen.getByRole('combobox', { name: 'Add a tag' });
    fireEvent.input(field, { target: { value: ' Q4   push ' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    const remove = await screen.findByRole('button', { name: 'Remove tag Q4 push' });
    await waitFor(async () =>
      expect((await database().lessons.get(lesson.id))!.tags).toEqual(['Q4 push']),
    );
    fireEvent.click(remove);
    await waitFor(() => expect(screen.queryByRole('button', { name: /Remove tag/ })).toBeNull());
    expect(document.activeElement).toBe(field);
    expect(await database().lessons.get(lesson.id)).not.toHaveProperty('tags');
  });

  it('deletes at once and puts the lesson back on Undo, without taking the focus', async () => {
    const lesson = await stored();
    const onDeleted = vi.fn();
    show(lesson, onDeleted);
    const button = screen.getByRole('button', { name: 'Delete' });
    button.focus();
    fireEvent.click(button);
    const toast = screen.getByRole('status', { name: '' });
    await waitFor(() => expect(toast.textContent).toMatch(/^Deleted 1 lesson/));
    expect(onDeleted).toHaveBeenCalledWith([lesson]);
    expect(await database().lessons.count()).toBe(0);
    expect(toast.contains(document.activeElement)).toBe(false);
    fireEvent.click(within(toast).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(toast.textContent).toMatch(/^Restored 1 lesson\./));
    expect(await database().lessons.get(lesson.id)).toEqual(lesson);
  });
});
