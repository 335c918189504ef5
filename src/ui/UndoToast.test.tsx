import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UndoProvider, useUndo } from './UndoToast';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function Offerer() {
  const offer = useUndo();
  return (
    <button type="button" onClick={() => offer({ message: 'Deleted 2 lessons', undo: vi.fn() })}>
      Go
    </button>
  );
}

describe('UndoProvider', () => {
  it('keeps the undo while the pointer or the focus is on it, and lets it go after', () => {
    vi.useFakeTimers();
    render(
      <UndoProvider timeoutMs={1000}>
        <Offerer />
      </UndoProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Go' }));
    const toast = document.querySelector<HTMLElement>('.undo-toast')!;
    expect(toast.textContent).toMatch(/^Deleted 2 lessons/);
    fireEvent.mouseEnter(toast);
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
    fireEvent.mouseLeave(toast);
    act(() => {
      vi.advanceTimersByTime(999);
    });
    expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(toast.textContent).toBe('');
  });

  it('refuses an offer without a provider, saying what is missing', () => {
    render(<Offerer />);
    expect(() => fireEvent.click(screen.getByRole('button', { name: 'Go' }))).toThrow(
      /UndoProvider/,
    );
  });
});
