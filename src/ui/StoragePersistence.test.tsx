import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Persistence } from '../db/persistence';
import { StoragePersistenceLine } from './StoragePersistence';

afterEach(cleanup);

function setup(persistence: Persistence | undefined, refused = false) {
  const onAsk = vi.fn<() => void>();
  render(<StoragePersistenceLine persistence={persistence} refused={refused} onAsk={onAsk} />);
  return { onAsk };
}

describe('StoragePersistenceLine', () => {
  it('says the lessons are kept when the browser keeps them, with nothing to ask', () => {
    setup({ persistent: true, canAsk: false });
    expect(screen.getByTestId('storage-persistence').textContent).toBe(
      'Your lessons are stored persistently: the browser will not delete them to free space.',
    );
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('warns that the browser may delete them, and asks again on request', () => {
    const { onAsk } = setup({ persistent: false, canAsk: true });
    expect(screen.getByTestId('storage-persistence').textContent).toContain(
      'Your lessons are not stored persistently: the browser may delete them when the disk is ' +
        'low. Export them regularly.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Ask the browser again' }));
    expect(onAsk).toHaveBeenCalledOnce();
  });

  it('says so when the browser refused again', () => {
    setup({ persistent: false, canAsk: true }, true);
    expect(screen.getByRole('status').textContent).toBe('The browser did not allow it.');
  });

  it('offers no button where the browser cannot be asked', () => {
    setup({ persistent: false, canAsk: false });
    expect(screen.getByTestId('storage-persistence').textContent).toContain('not stored');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows nothing until the browser has answered', () => {
    setup(undefined);
    expect(screen.queryByTestId('storage-persistence')).toBeNull();
  });
});
