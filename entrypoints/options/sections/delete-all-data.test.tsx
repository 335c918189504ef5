import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DeleteAllData } from './DeleteAllData';

let sent: unknown[];
let answer: unknown;
beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  answer = { ok: true };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    sent.push(message);
    return answer;
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const open = () => {
  render(<DeleteAllData />);
  fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
  return screen.getByTestId('delete-all-dialog');
};
const confirmButton = () => screen.getByRole('button', { name: 'Delete everything' });

describe('Delete all data', () => {
  it('offers the export first, and deletes only once the user confirms', async () => {
    const dialog = open();
    expect(dialog.textContent).toContain('Export first');
    expect(screen.getByTestId('export-panel')).toBeTruthy();
    expect((confirmButton() as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: /I understand/ }));
    fireEvent.click(confirmButton());
    await waitFor(() => expect(screen.getByTestId('delete-all-status').dataset.state).toBe('done'));
    expect(sent).toEqual([{ type: 'data/delete-all' }]);
    expect(screen.getByTestId('delete-all-status').textContent).toMatch(/was deleted/);
    expect(screen.queryByTestId('delete-all-dialog')).toBeNull();
  });

  it('deletes nothing when cancelled; a later confirmation still deletes', async () => {
    open();
    fireEvent.click(screen.getByRole('checkbox', { name: /I understand/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('delete-all-dialog')).toBeNull();
    expect(sent).toEqual([]);
    // Opened again, it asks again: the earlier tick does not carry over.
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    expect((confirmButton() as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: /I understand/ }));
    fireEvent.click(confirmButton());
    await waitFor(() => expect(sent).toEqual([{ type: 'data/delete-all' }]));
  });

  it('shows a failed delete in words', async () => {
    answer = { ok: false, error: 'Not everything was deleted: reminders and the badge (gone).' };
    open();
    fireEvent.click(screen.getByRole('checkbox', { name: /I understand/ }));
    fireEvent.click(confirmButton());
    await waitFor(() =>
      expect(screen.getByTestId('delete-all-status').dataset.state).toBe('error'),
    );
    expect(screen.getByTestId('delete-all-status').textContent).toBe(
      'Not everything was deleted: reminders and the badge (gone).',
    );
  });
});
