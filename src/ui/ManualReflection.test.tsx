import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { database } from '../db/database';
import { openManualDraft } from '../db/drafts';
import { ManualReflection } from './ManualReflection';
import { fakeBackground, type Replies } from '../messaging/fake-background.test-helper';

const DRAFT_ID = '3f2b8c1e-4d5a-4e6f-8a7b-9c0d1e2f3a4b';
const FULL = "Your browser has no room left for Rebound's data.";

/** The background, as the reflect page hears it: drafts start and write unless `replies` say otherwise. */
const background = (replies: Replies) =>
  fakeBackground({
    'draft/new': () => ({ ok: true, data: { draftId: DRAFT_ID } }),
    'draft/save': () => ({
      ok: true,
      data: { written: true, updatedAt: new Date().toISOString() },
    }),
    ...replies,
  });

beforeEach(() => {
  fakeBrowser.reset();
  sessionStorage.clear();
  history.replaceState(null, '', '/reflect.html');
  // The writer's own timers only (IndexedDB and the DOM queries keep theirs): a page's writer
  // still trying after it unmounted must not write into the next test or page.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
  await database().drafts.clear();
});

const type = (label: string, text: string) =>
  fireEvent.input(screen.getByLabelText(label, { exact: true }), { target: { value: text } });
const settle = (ms = 0) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
const value = (label: string) =>
  (screen.getByLabelText(label, { exact: true }) as HTMLInputElement).value;

describe('ManualReflection', () => {
  it('starts its draft through the background at the first change, and writes it there', async () => {
    const sent = background({});
    render(<ManualReflection />);
    await screen.findByLabelText('Deal', { exact: true });
    type('Deal', 'Umbrella — Field sales pilot');
    await settle(400);
    expect(sent.map((m) => m.type)).toEqual(['draft/new', 'draft/save']);
    expect(sent[1]).toMatchObject({
      draftId: DRAFT_ID,
      values: { dealName: 'Umbrella — Field sales pilot' },
    });
    // A reload continues this draft rather than starting another.
    expect(location.search).toBe(`?draft=${DRAFT_ID}`);
  });

  it('keeps text it could not write in the tab’s session, and writes it after a reload', async () => {
    // The draft the background starts (draft/new), in the database the reloaded page reads.
    const { id, updatedAt } = await openManualDraft(database(), undefined);
    background({
      'draft/new': () => ({ ok: true, data: { draftId: id } }),
      'draft/save': () => ({ ok: false, error: FULL }),
    });
    const page = render(<ManualReflection />);
    await screen.findByLabelText('Deal', { exact: true });
    type('Deal', 'Umbrella');
    await settle(400);
    screen.getByText(new RegExp(`Not saved: ${FULL}`));
    expect(value('Deal')).toBe('Umbrella');
    // The reload: this page's last write (as it goes) fails too, then it and its timers are gone.
    page.unmount();
    await settle();
    vi.clearAllTimers();

    vi.restoreAllMocks();
    const sent = background({});
    render(<ManualReflection />);
    await screen.findByDisplayValue('Umbrella');
    await settle(400);
    expect(sent).toEqual([
      {
        type: 'draft/save',
        draftId: id,
        values: expect.objectContaining({ dealName: 'Umbrella' }),
        // Based on the draft as this page read it.
        basedOn: updatedAt,
      },
    ]);
    expect(sessionStorage.length).toBe(0);
    expect(screen.queryByText(/Not saved/)).toBeNull();
  });

  it('saves through the background with its draft id, and says so', async () => {
    const sent = background({
      'lesson/save': () => ({
        ok: true,
        data: { saved: true, lessonId: DRAFT_ID, alreadySaved: false },
      }),
    });
    render(<ManualReflection />);
    await screen.findByLabelText('Deal', { exact: true });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    screen.getByText('Lesson saved.');
    expect(sent.find((m) => m.type === 'lesson/save')).toMatchObject({ draftId: DRAFT_ID });
  });

  it('does not claim the answers are kept when its draft could not be started', async () => {
    background({ 'draft/new': () => ({ ok: false, error: FULL }) });
    render(<ManualReflection />);
    await screen.findByLabelText('Deal', { exact: true });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    const alert = screen.getByText(/^Not saved:/);
    expect(alert.textContent).toContain('not kept as a draft either');
  });

  it('says the reflection was changed in another window, keeps the text, and offers to load it', async () => {
    const { id } = await openManualDraft(database(), undefined);
    history.replaceState(null, '', `/reflect.html?draft=${id}`);
    const sent = background({
      'draft/save': () => ({ ok: true, data: { written: false, why: 'stale' } }),
    });
    render(<ManualReflection />);
    await screen.findByLabelText('Deal', { exact: true });
    type('Deal', 'Umbrella');
    await settle(60_000);
    screen.getByText(/^This reflection was changed in another window/);
    screen.getByRole('button', { name: 'Load the other window’s answers' });
    expect(value('Deal')).toBe('Umbrella');
    expect(sent.filter((m) => m.type === 'draft/save')).toHaveLength(1);
  });

  it('shows why its reflection could not be read, instead of a blank page', async () => {
    history.replaceState(null, '', `/reflect.html?draft=${DRAFT_ID}`);
    vi.spyOn(database().drafts, 'get').mockRejectedValue(
      Object.assign(new Error('closed'), { name: 'DatabaseClosedError' }),
    );
    render(<ManualReflection />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^This reflection could not be read: .*Reload this page/);
  });

  it('discards an abandoned manual reflection once the user confirms', async () => {
    const { id } = await openManualDraft(database(), undefined);
    history.replaceState(null, '', `/reflect.html?draft=${id}`);
    const sent = background({});
    render(<ManualReflection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Discard' }));
    expect(sent).toEqual([]);
    const dialog = screen.getByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Discard' }));
    await screen.findByText('Reflection discarded.');
    expect(sent).toEqual([{ type: 'draft/discard', draftId: id }]);
  });

  it('says in words why a discard was refused, and keeps the reflection', async () => {
    const { id } = await openManualDraft(database(), undefined);
    history.replaceState(null, '', `/reflect.html?draft=${id}`);
    background({ 'draft/discard': () => ({ ok: false, error: FULL }) });
    render(<ManualReflection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Discard' }));
    const dialog = screen.getByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Discard' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(FULL);
    expect(screen.queryByText('Reflection discarded.')).toBeNull();
  });
});
