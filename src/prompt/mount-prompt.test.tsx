import { fireEvent } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { LossEvent, ToBackground } from '../messaging/messages';
import { createPromptQueue } from './mount-prompt';

// The real WXT shadow-root UI, wrapped so a test can make one mount fail.
vi.mock('wxt/utils/content-script-ui/shadow-root', async (importOriginal) => {
  const real = await importOriginal<typeof import('wxt/utils/content-script-ui/shadow-root')>();
  return { createShadowRootUi: vi.fn(real.createShadowRootUi) };
});

/** The content script's context, still valid (the extension was not reloaded). */
const ctx = { isInvalid: false, onInvalidated: () => () => {} } as unknown as ContentScriptContext;

const loss = (dealName: string): LossEvent => ({
  lossId: crypto.randomUUID(),
  crm: 'hubspot',
  dealId: dealName,
  dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/42',
  stageBefore: 'Contract sent',
  deal: { dealName },
});

/** The headings of the panels now in the page, each in its own shadow root. */
const panels = () =>
  [...document.querySelectorAll('rebound-prompt')].map(
    (host) => host.shadowRoot?.querySelector('h2')?.textContent,
  );

/** Waits for the panels to show (a bounded poll: a busy machine may take a while to render). */
const until = (check: () => void) => vi.waitFor(check, { timeout: 5000 });

let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  fakeBrowser.reset();
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  // The background, recording every choice (Later, Skip) the panel sends.
  vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ ok: true } as never);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

const chip = () =>
  document
    .querySelector('rebound-similar')
    ?.shadowRoot?.querySelector('[data-testid="similar-chip"]');
const matches = {
  similar: [
    {
      lessonId: crypto.randomUUID(),
      dealName: 'Old deal',
      createdAt: '2026-01-01T00:00:00.000Z',
      why: ['same company'],
    },
  ],
};
const deal = { crm: 'hubspot', dealId: '42' };

describe('the similar-deal chip beside the prompts', () => {
  it('waits while a prompt shows, and opens once it is closed', async () => {
    const queue = createPromptQueue(ctx);
    queue.open(loss('Acme renewal'));
    await until(() => expect(panels()).toEqual(['Lost: Acme renewal']));
    queue.showMatches(deal, matches, new AbortController().signal);
    const first = document.querySelector('rebound-prompt')!.shadowRoot!;
    fireEvent.click([...first.querySelectorAll('button')].find((b) => b.textContent === 'Later')!);
    await until(() => expect(chip()?.textContent).toBe('1 lesson from a similar deal'));
    expect(panels()).toEqual([]);
  });

  it('goes when a prompt opens, and when the page is left', async () => {
    const queue = createPromptQueue(ctx);
    const page = new AbortController();
    queue.showMatches(deal, matches, page.signal);
    await until(() => expect(chip()).toBeTruthy());
    queue.open(loss('Acme renewal'));
    await until(() => expect(panels()).toEqual(['Lost: Acme renewal']));
    expect(chip()).toBeFalsy();
    const left = new AbortController();
    document.body.replaceChildren();
    const again = createPromptQueue(ctx);
    again.showMatches(deal, matches, left.signal);
    await until(() => expect(chip()).toBeTruthy());
    left.abort();
    expect(chip()).toBeFalsy();
  });

  it('shows one chip when a second comes while the first is still mounting (the stage changed)', async () => {
    const queue = createPromptQueue(ctx);
    const page = new AbortController();
    queue.showMatches(deal, matches, page.signal);
    queue.showMatches(deal, { ...matches, cue: matches.similar[0] }, page.signal);
    // The later chip (with its cue card) is in place: the earlier one went as it came.
    await until(() => expect(chip()?.textContent).toBe('Your plan for this moment · 1 similar'));
    expect(document.querySelectorAll('rebound-similar')).toHaveLength(1);
    page.abort();
    expect(document.querySelectorAll('rebound-similar')).toHaveLength(0);
  });
});

describe('createPromptQueue', () => {
  it('shows one panel at a time, the next once the first is closed', async () => {
    const queue = createPromptQueue(ctx);
    queue.open(loss('Acme renewal'));
    await until(() => expect(panels()).toEqual(['Lost: Acme renewal']));
    queue.open(loss('Globex expansion'));
    // The open panel says another follows.
    const first = document.querySelector('rebound-prompt')!.shadowRoot!;
    await until(() =>
      expect(first.querySelector('[data-testid="bulk-more"]')?.textContent).toMatch(/^1 more deal/),
    );
    expect(panels()).toEqual(['Lost: Acme renewal']);
    fireEvent.click([...first.querySelectorAll('button')].find((b) => b.textContent === 'Later')!);
    await until(() => expect(panels()).toEqual(['Lost: Globex expansion']));
  });

  it.each([
    [
      'the panel element cannot be made',
      () => void vi.mocked(createShadowRootUi).mockRejectedValueOnce(new Error('No shadow root')),
    ],
    [
      'the settings cannot be read',
      () =>
        void vi
          .spyOn(fakeBrowser.storage.local, 'get')
          .mockRejectedValueOnce(new Error('Storage closed')),
    ],
  ])('shows the next prompt when %s for the first', async (_what, breakFirst) => {
    breakFirst();
    const queue = createPromptQueue(ctx);
    queue.open(loss('Acme renewal'));
    queue.open(loss('Globex expansion'));
    await until(() => expect(panels()).toEqual(['Lost: Globex expansion']));
    expect(consoleError).toHaveBeenCalledWith(
      'Rebound: the reflection panel could not open',
      expect.any(Error),
    );
  });

  it('shows the next prompt when the first panel throws as it renders, leaving nothing behind', async () => {
    const queue = createPromptQueue(ctx);
    queue.open({ ...loss('Broken'), deal: undefined } as unknown as LossEvent);
    await until(() => expect(consoleError).toHaveBeenCalled());
    expect(panels()).toEqual([]);
    queue.open(loss('Globex expansion'));
    await until(() => expect(panels()).toEqual(['Lost: Globex expansion']));
  });

  it('closes a saved panel once, Esc during its notice included: never two panels at once', async () => {
    vi.mocked(browser.runtime.sendMessage).mockImplementation((async (message: ToBackground) =>
      message.type === 'lesson/save'
        ? { ok: true, data: { saved: true, lessonId: crypto.randomUUID(), alreadySaved: false } }
        : message.type === 'draft/save'
          ? { ok: true, data: { written: true, updatedAt: new Date().toISOString() } }
          : { ok: true }) as never);
    const queue = createPromptQueue(ctx);
    queue.open(loss('Acme renewal'));
    await until(() => expect(panels()).toEqual(['Lost: Acme renewal']));
    queue.open(loss('Globex expansion'));
    queue.open(loss('Initech upgrade'));
    const first = document.querySelector('rebound-prompt')!.shadowRoot!;
    // The saved notice's own timer, run to its end below rather than waited for.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.click([...first.querySelectorAll('button')].find((b) => b.textContent === 'Save')!);
    const notice = await vi.waitFor(() => {
      const shown = first.querySelector('.rb-saved');
      if (!shown) throw new Error('no saved notice yet');
      return shown;
    });
    fireEvent.keyDown(notice, { key: 'Escape' });
    await vi.advanceTimersByTimeAsync(1500);
    // The second panel, alone, with the third still waiting behind it (not opened beside it).
    await until(() => {
      expect(panels()).toEqual(['Lost: Globex expansion']);
      const second = document.querySelector('rebound-prompt')!.shadowRoot!;
      expect(second.querySelector('[data-testid="bulk-more"]')?.textContent).toMatch(
        /^1 more deal/,
      );
    });
  });
});
