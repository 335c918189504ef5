import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { LossEvent } from '../messaging/messages';
import { PromptPanel } from './PromptPanel';
import { fakeBackground, type Replies } from '../messaging/fake-background.test-helper';
import { readUnsavedAnswers } from './unsaved-answers';
import { resolveTemplate } from '../lessons/template';
import type { ReflectionValues } from '../lessons/values';

const FULL =
  "Your browser has no room left for Rebound's data. Free some disk space, or export and delete old lessons, then try again.";

const loss: LossEvent = {
  lossId: crypto.randomUUID(),
  crm: 'hubspot',
  dealId: '42',
  dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/42',
  stageBefore: 'Contract sent',
  deal: { dealName: 'Acme renewal' },
};

/** The background, as the panel hears it: a draft write is written unless `replies` say otherwise. */
const background = (replies: Replies) =>
  fakeBackground({ 'draft/save': () => WRITTEN, ...replies });

const WRITTEN = { ok: true, data: { written: true, updatedAt: '2026-03-02T10:00:00.000Z' } };

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const show = (onClose = () => {}, restored?: ReflectionValues) =>
  render(
    <PromptPanel
      loss={loss}
      template={resolveTemplate(undefined)}
      showKindLine={false}
      restored={restored}
      onClose={onClose}
    />,
  );
const button = (name: string) => screen.getByRole('button', { name });
const type = (label: string, text: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value: text } });
const settle = (ms = 0) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
const notSaved = () => screen.queryByTestId('draft-not-saved')?.textContent;

describe('PromptPanel', () => {
  it('shows "Not saved" with the reason when a draft write fails, keeps the text and clears once written', async () => {
    let full = true;
    const sent = background({
      'draft/save': () => (full ? { ok: false, error: FULL } : WRITTEN),
    });
    show();
    type('…I will', 'agree success criteria');
    await settle(400);
    expect(notSaved()).toBe(
      `Not saved: ${FULL} What you typed stays here, and Rebound keeps trying to save it.`,
    );
    expect((screen.getByLabelText('…I will') as HTMLTextAreaElement).value).toBe(
      'agree success criteria',
    );
    full = false;
    await settle(1000);
    expect(notSaved()).toBeUndefined();
    const drafts = sent.filter((m) => m.type === 'draft/save');
    expect(drafts).toHaveLength(2);
    expect(drafts.at(-1)).toMatchObject({
      draftId: loss.lossId,
      values: { answers: { planAction: 'agree success criteria' } },
    });
  });

  it('keeps unwritten answers in storage.session, so a panel opened again shows and writes them', async () => {
    let full = true;
    const sent = background({
      'draft/save': () => (full ? { ok: false, error: FULL } : WRITTEN),
    });
    const first = show();
    type('…I will', 'agree success criteria');
    await settle(400);
    expect(notSaved()).toContain('Not saved');
    // The tab is closed before any write went in: the panel is gone, its text is not.
    first.unmount();
    await settle();
    const restored = await readUnsavedAnswers(loss.lossId);
    expect(restored?.answers).toMatchObject({ planAction: 'agree success criteria' });

    full = false;
    show(() => {}, restored);
    expect((screen.getByLabelText('…I will') as HTMLTextAreaElement).value).toBe(
      'agree success criteria',
    );
    await settle(400);
    const writes = sent.filter((m) => m.type === 'draft/save');
    expect(writes.at(-1)).toMatchObject({ values: { answers: restored?.answers } });
    expect(notSaved()).toBeUndefined();
    // Written: nothing waits in the session any more.
    expect(await readUnsavedAnswers(loss.lossId)).toBeUndefined();
  });

  it('shows "Not saved" when the message cannot be delivered', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockRejectedValue(
      new Error('Extension context invalidated.'),
    );
    show();
    type('…I will', 'x');
    await settle(400);
    expect(notSaved()).toContain(
      'Rebound was updated or restarted. Reload this page to reconnect it.',
    );
  });

  it('does not claim a draft was kept when Save fails after a failed draft write', async () => {
    background({
      'draft/save': () => ({ ok: false, error: FULL }),
      'lesson/save': () => ({ ok: false, error: FULL }),
    });
    show();
    type('…I will', 'agree success criteria');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    const alert = screen
      .getAllByRole('alert')
      .map((a) => a.textContent)
      .join(' ');
    expect(alert).toContain('Your answers are not kept as a draft either');
    expect(alert).not.toContain('Your answers are kept as a draft');
    expect((screen.getByLabelText('…I will') as HTMLTextAreaElement).value).toBe(
      'agree success criteria',
    );
  });

  it('says the answers are kept as a draft when Save fails and the draft was written', async () => {
    background({ 'lesson/save': () => ({ ok: false, error: FULL }) });
    show();
    type('…I will', 'agree success criteria');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe(
      `Not saved: ${FULL} Your answers are kept as a draft.`,
    );
  });

  it('sends only the draft id and the answers, and shows what the background says is missing', async () => {
    const sent = background({
      'lesson/save': () => ({
        ok: true,
        data: { saved: false, problem: 'Choose how the deal ended' },
      }),
    });
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Choose how the deal ended');
    const save = sent.find((m) => m.type === 'lesson/save')!;
    expect(Object.keys(save).sort()).toEqual(['draftId', 'type', 'values']);
    expect(save).toMatchObject({ draftId: loss.lossId });
  });

  it('says the lesson is saved once the background kept it', async () => {
    background({
      'lesson/save': () => ({
        ok: true,
        data: { saved: true, lessonId: loss.lossId, alreadySaved: false },
      }),
    });
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(screen.getByRole('status').textContent).toBe(
      'Lesson saved. Find it in Rebound’s toolbar popup.',
    );
  });

  it('stays open with the reason when Later finds the answers not written', async () => {
    const sent = background({ 'draft/save': () => ({ ok: false, error: FULL }) });
    const onClose = vi.fn();
    show(onClose);
    type('…I will', 'agree success criteria');
    fireEvent.click(button('Later'));
    await settle();
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByText(`Not closed: ${FULL}`)).toBeTruthy();
    expect(sent.some((m) => m.type === 'prompt/later')).toBe(false);
  });

  it('stays open with the reason when the background could not record Remind me', async () => {
    background({ 'prompt/snooze': () => ({ ok: false, error: FULL }) });
    const onClose = vi.fn();
    show(onClose);
    fireEvent.click(button('Remind me…'));
    fireEvent.click(button('Tomorrow morning'));
    await settle();
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByText(`Not closed: ${FULL}`)).toBeTruthy();
  });

  it('closes once Later is recorded and the answers written', async () => {
    const sent = background({});
    const onClose = vi.fn();
    show(onClose);
    type('…I will', 'agree success criteria');
    fireEvent.click(button('Later'));
    await settle();
    expect(onClose).toHaveBeenCalledOnce();
    expect(sent.map((m) => m.type)).toEqual(['draft/save', 'prompt/later']);
  });

  it('does not turn a saved lesson into Later when Esc is pressed during the notice', async () => {
    const sent = background({
      'lesson/save': () => ({
        ok: true,
        data: { saved: true, lessonId: loss.lossId, alreadySaved: false },
      }),
    });
    show();
    fireEvent.click(button('Save'));
    await settle();
    fireEvent.keyDown(screen.getByRole('status'), { key: 'Escape' });
    await settle();
    expect(sent.some((m) => m.type === 'prompt/later')).toBe(false);
  });

  it('says the reflection was changed in another window, and stops writing over it', async () => {
    const sent = background({
      'draft/save': () => ({ ok: true, data: { written: false, why: 'stale' } }),
    });
    show();
    type('…I will', 'agree success criteria');
    await settle(400);
    expect(notSaved()).toMatch(/^This reflection was changed in another window/);
    type('…I will', 'agree success criteria and dates');
    await settle(60_000);
    expect(sent.filter((m) => m.type === 'draft/save')).toHaveLength(1);
    expect((screen.getByLabelText('…I will') as HTMLTextAreaElement).value).toBe(
      'agree success criteria and dates',
    );
  });

  it('says the reflection was saved or skipped elsewhere, once, and tries no more', async () => {
    const sent = background({
      'draft/save': () => ({ ok: true, data: { written: false, why: 'gone' } }),
    });
    show();
    type('…I will', 'agree success criteria');
    await settle(60_000);
    expect(notSaved()).toMatch(/^This reflection was already saved or skipped in another window/);
    expect(sent.filter((m) => m.type === 'draft/save')).toHaveLength(1);
  });
});
