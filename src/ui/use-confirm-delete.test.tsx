import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { useConfirmDelete } from './use-confirm-delete';

afterEach(cleanup);

function Item({ remove }: { remove: () => Promise<void> }) {
  const { button, confirm } = useConfirmDelete('Delete this lesson?', remove);
  return (
    <div>
      {button}
      {confirm}
    </div>
  );
}

describe('useConfirmDelete', () => {
  it('says in words why a delete failed, and leaves the question open', async () => {
    const full = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    render(<Item remove={() => Promise.reject(full)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, delete' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/no room left/);
    expect(screen.getByRole('alertdialog')).toBeTruthy();
  });
});
