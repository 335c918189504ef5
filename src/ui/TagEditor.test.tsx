import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TooManyTagsError } from '../db/lesson-edits';
import { TagEditor } from './TagEditor';

afterEach(cleanup);

const known = () => Promise.resolve(['renewal', 'Enterprise', 'Q4 push', 'price war']);

function setup(tags: string[] = ['Q4 push'], onAdd = vi.fn(() => Promise.resolve())) {
  render(
    <TagEditor
      id="tags"
      tags={tags}
      known={known}
      onAdd={onAdd}
      onRemove={() => Promise.resolve()}
    />,
  );
  const field = screen.getByRole('combobox', { name: 'Add a tag' });
  fireEvent.focus(field);
  return { field, onAdd };
}

const options = () => screen.queryAllByRole('option').map((o) => o.textContent);

describe('TagEditor', () => {
  it('suggests known tags as typed, prefix first, without the ones the lesson has', async () => {
    const { field } = setup();
    fireEvent.input(field, { target: { value: 'e' } });
    await waitFor(() => expect(options()).toEqual(['Enterprise', 'price war', 'renewal']));
    expect(field.getAttribute('aria-expanded')).toBe('true');
    const listbox = screen.getByRole('listbox', { name: 'Tag suggestions' });
    expect(field.getAttribute('aria-controls')).toBe(listbox.id);
  });

  it('moves through suggestions with the arrows and takes the marked one on Enter', async () => {
    const { field, onAdd } = setup();
    fireEvent.input(field, { target: { value: 'e' } });
    await waitFor(() => expect(options()).toHaveLength(3));
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    const marked = screen.getByRole('option', { selected: true });
    expect(marked.textContent).toBe('price war');
    expect(field.getAttribute('aria-activedescendant')).toBe(marked.id);
    fireEvent.keyDown(field, { key: 'ArrowUp' });
    fireEvent.keyDown(field, { key: 'ArrowUp' });
    expect(screen.getByRole('option', { selected: true }).textContent).toBe('renewal');
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() => expect(onAdd).toHaveBeenCalledWith(['renewal']));
    await waitFor(() => expect((field as HTMLInputElement).value).toBe(''));
    expect(field.getAttribute('aria-expanded')).toBe('false');
  });

  it('opens every suggestion on ArrowDown, closes on Escape, and Escape again clears', async () => {
    const { field } = setup([]);
    fireEvent.input(field, { target: { value: 'r' } });
    fireEvent.input(field, { target: { value: '' } });
    fireEvent.keyDown(field, { key: 'Escape' });
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    await waitFor(() => expect(options()).toHaveLength(4));
    fireEvent.input(field, { target: { value: 'ren' } });
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(options()).toEqual([]);
    expect(field.getAttribute('aria-expanded')).toBe('false');
    expect((field as HTMLInputElement).value).toBe('ren');
    fireEvent.keyDown(field, { key: 'Escape' });
    expect((field as HTMLInputElement).value).toBe('');
  });

  it('adds what is typed on Enter or comma, in the spelling the tag already has', async () => {
    const { field, onAdd } = setup();
    await waitFor(() => expect(field.getAttribute('aria-expanded')).toBe('false'));
    fireEvent.input(field, { target: { value: 'ENTERPRISE' } });
    fireEvent.keyDown(field, { key: ',' });
    await waitFor(() => expect(onAdd).toHaveBeenCalledWith(['Enterprise']));
    fireEvent.input(field, { target: { value: 'brand new' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() => expect(onAdd).toHaveBeenLastCalledWith(['brand new']));
  });

  it('says why a tag could not be added, and keeps what was typed', async () => {
    const { field } = setup(
      [],
      vi.fn(() => Promise.reject(new TooManyTagsError('x'))),
    );
    fireEvent.input(field, { target: { value: 'one more' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'A lesson keeps at most 30 tags: remove one first.',
    );
    expect((field as HTMLInputElement).value).toBe('one more');
  });
});
