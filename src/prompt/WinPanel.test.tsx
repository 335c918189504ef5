import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ToBackground, WinEvent } from '../messaging/messages';
import { WinPanel } from './WinPanel';
import { fakeBackground } from '../messaging/fake-background.test-helper';

/** What the background answers when the disk is full (describeWriteError's words). */
const FULL =
  "Your browser has no room left for Rebound's data. Free some disk space, or export and delete old lessons, then try again.";

const win: WinEvent = {
  winId: crypto.randomUUID(),
  crm: 'hubspot',
  dealId: '42',
  dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/42',
  stageBefore: 'Contract sent',
  deal: { dealName: 'Acme renewal', company: 'Acme' },
};

const NEARLY_LOST = 'What nearly lost it, or was luck?';

const winSaves = (sent: ToBackground[]) =>
  sent.filter((m): m is Extract<ToBackground, { type: 'win/save' }> => m.type === 'win/save');

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const show = (onClose = () => {}) => render(<WinPanel win={win} onClose={onClose} />);
const type = (label: string, text: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value: text } });
const settle = (ms = 0) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
const notSaved = () => screen.queryByTestId('draft-not-saved')?.textContent;
const alerts = () =>
  screen
    .queryAllByRole('alert')
    .map((a) => a.textContent)
    .join(' ');

describe('WinPanel', () => {
  it('shows "Not saved" with the reason when a write fails, keeps the text and clears once written', async () => {
    let full = true;
    const sent = fakeBackground({
      'win/save': () => (full ? { ok: false, error: FULL } : { ok: true }),
    });
    show();
    type(NEARLY_LOST, 'Legal review');
    await settle(400);
    expect(notSaved()).toBe(
      `Not saved: ${FULL} What you typed stays here, and Rebound keeps trying to save it.`,
    );
    expect((screen.getByLabelText(NEARLY_LOST) as HTMLTextAreaElement).value).toBe('Legal review');
    full = false;
    await settle(1000);
    expect(notSaved()).toBeUndefined();
    expect(winSaves(sent)).toHaveLength(2);
    expect(winSaves(sent).at(-1)).toEqual({
      type: 'win/save',
      winId: win.winId,
      answers: { nearlyLost: 'Legal review' },
      done: false,
    });
  });

  it('does not claim what was written is kept when Save fails after a failed write, and keeps trying', async () => {
    let full = true;
    const sent = fakeBackground({
      'win/save': () => (full ? { ok: false, error: FULL } : { ok: true }),
    });
    const onClose = vi.fn();
    show(onClose);
    type(NEARLY_LOST, 'Legal review');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(alerts()).toContain(
      `Not saved: ${FULL} What you wrote is not kept either, so leave this open: it stays here while Rebound tries again.`,
    );
    expect((screen.getByLabelText(NEARLY_LOST) as HTMLTextAreaElement).value).toBe('Legal review');
    // The disk has room again: what was written gets kept without another click.
    full = false;
    const before = winSaves(sent).length;
    await settle(1000);
    expect(winSaves(sent).slice(before)).toEqual([
      { type: 'win/save', winId: win.winId, answers: { nearlyLost: 'Legal review' }, done: false },
    ]);
    expect(notSaved()).toBeUndefined();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('says what was written is kept when only the final save fails', async () => {
    fakeBackground({
      'win/save': (message: Extract<ToBackground, { type: 'win/save' }>) =>
        message.done ? { ok: false, error: FULL } : { ok: true },
    });
    show();
    type(NEARLY_LOST, 'Legal review');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe(
      `Not saved: ${FULL} What you wrote is kept under “What worked”.`,
    );
  });

  it('sends only the win id, the answers and done, and says when the win is saved', async () => {
    const sent = fakeBackground({});
    const onClose = vi.fn();
    show(onClose);
    type(NEARLY_LOST, 'Legal review');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(screen.getByRole('status').textContent).toBe(
      'Saved under “What worked” in Rebound’s lessons page.',
    );
    expect(winSaves(sent).at(-1)).toEqual({
      type: 'win/save',
      winId: win.winId,
      answers: { nearlyLost: 'Legal review' },
      done: true,
    });
    await settle(1500);
    expect(onClose).toHaveBeenCalledOnce();
  });
});
