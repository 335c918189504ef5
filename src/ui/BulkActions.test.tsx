import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { database } from '../db/database';
import { addLesson } from '../db/lessons';
import type { LessonInput } from '../lessons/schema';
import { BulkActions } from './BulkActions';
import { UndoProvider } from './UndoToast';

const input = (dealId: string, tags?: string[]): LessonInput => ({
  crm: 'hubspot',
  dealId,
  dealName: `Deal ${dealId}`,
  outcome: 'no-decision',
  answers: {},
  ...(tags && { tags }),
});

afterEach(async () => {
  cleanup();
  await database().lessons.clear();
});

async function setup(timeoutMs?: number) {
  const db = database();
  const a = await addLesson(db, input('1', ['renewal']), crypto.randomUUID());
  const b = await addLesson(db, input('2'), crypto.randomUUID());
  const c = await addLesson(db, input('3'), crypto.randomUUID());
  const onDone = vi.fn();
  render(
    <UndoProvider timeoutMs={timeoutMs}>
      <BulkActions ids={[a.id, b.id, c.id]} onDone={onDone} />
    </UndoProvider>,
  );
  const toast = document.querySelector<HTMLElement>('.undo-toast')!;
  return { a, b, c, onDone, toast };
}

describe('BulkActions', () => {
  it('adds a tag to every selected lesson, suggesting the known ones', async () => {
    const { a, b, c, onDone, toast } = await setup();
    expect(screen.getByText('3 selected')).toBeTruthy();
    const field = screen.getByRole('combobox', { name: 'Add tag to selected' });
    fireEvent.focus(field);
    fireEvent.input(field, { target: { value: 'REN' } });
    const option = await screen.findByRole('option', { name: 'renewal' });
    fireEvent.click(option);
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const tags = (await database().lessons.bulkGet([a.id, b.id, c.id])).map((l) => l!.tags);
    expect(tags).toEqual([['renewal'], ['renewal'], ['renewal']]);
    expect(toast.textContent).toMatch(/^Added “renewal” to 2 lessons\./);
  });

  it('removes a tag from every selected lesson', async () => {
    const { a, onDone, toast } = await setup();
    const field = screen.getByRole('combobox', { name: 'Remove tag from selected' });
    fireEvent.input(field, { target: { value: 'Renewal' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(await database().lessons.get(a.id)).not.toHaveProperty('tags');
    expect(toast.textContent).toMatch(/^Removed “Renewal” from 1 lesson\./);
  });

  it('deletes the selection and Undo puts every lesson back exactly', async () => {
    const { a, b, c, onDone, toast } = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Delete selected' }));
    await waitFor(() => expect(toast.textContent).toMatch(/^Deleted 3 lessons/));
    expect(toast.getAttribute('aria-live')).toBe('polite');
    expect(onDone).toHaveBeenCalled();
    expect(await database().lessons.count()).toBe(0);
    fireEvent.click(within(toast).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(toast.textContent).toMatch(/^Restored 3 lessons\./));
    const back = await database().lessons.bulkGet([a.id, b.id, c.id]);
    expect(back).toEqual([a, b, c]);
  });

  it('takes the Undo away after its time', async () => {
    const { toast } = await setup(50);
    fireEvent.click(screen.getByRole('button', { name: 'Delete selected' }));
    await waitFor(() => expect(within(toast).getByRole('button', { name: 'Undo' })).toBeTruthy());
    // Bounded: the toast's own 50 ms timer, polled for up to a second.
    await waitFor(() => expect(toast.textContent).toBe(''), { timeout: 1000 });
    expect(await database().lessons.count()).toBe(0);
  });
});
