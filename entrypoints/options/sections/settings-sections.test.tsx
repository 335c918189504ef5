import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useEffect, useState } from 'preact/hooks';
import { askItem, lostLabelsItem } from '../../../src/settings/store';
import { useSettingsItem } from '../../../src/ui/use-settings';
import { AskSettings } from './AskSettings';
import { StageLabels } from './StageLabels';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

/**
 * The lost labels as stored, shown once its effects have run: when it shows a save, the save
 * has reached every section on the page, and a section that resets its form on a change has.
 */
function StoredLabels() {
  const loaded = useSettingsItem(lostLabelsItem);
  const [shown, setShown] = useState<string>();
  useEffect(() => setShown(loaded?.value.join(', ')), [loaded]);
  return <output data-testid="stored-labels">{shown}</output>;
}

/** The options page's two sections that save what detection and asking read. */
async function openSections() {
  render(
    <>
      <AskSettings />
      <StageLabels kind="lost" />
      <StoredLabels />
    </>,
  );
  const dailyCap = await screen.findByLabelText<HTMLInputElement>(
    'Ask at most this many times a day',
  );
  const labels = await screen.findByLabelText<HTMLTextAreaElement>(/One per line/);
  // Filled with what is stored before the user types.
  await waitFor(() =>
    expect([dailyCap.value, labels.value.split('\n')[0]]).toEqual(['10', 'Closed lost']),
  );
  return {
    dailyCap,
    labels,
    captureWins: screen.getByLabelText<HTMLInputElement>('Ask what worked when a deal is won'),
    saveAsk: screen.getByRole('button', { name: 'Save', exact: true }),
    saveLabels: screen.getByRole('button', { name: 'Save lost labels' }),
  };
}

const saved = (text: RegExp) => screen.findByText(text, {}, { timeout: 2000 });

describe('options sections saving settings', () => {
  it('keep an unsaved edit in one section when another section saves', async () => {
    const page = await openSections();
    fireEvent.input(page.dailyCap, { target: { value: '7' } });

    fireEvent.input(page.labels, { target: { value: 'Verloren\nGone' } });
    fireEvent.click(page.saveLabels);
    await saved(/Saved 2 lost labels/);
    await waitFor(() =>
      expect(screen.getByTestId('stored-labels').textContent).toBe('Verloren, Gone'),
    );
    expect(page.dailyCap.value).toBe('7');

    fireEvent.click(page.saveAsk);
    await saved(/^Saved\.$/);
    expect((await askItem.load()).value.dailyCap).toBe(7);
    expect((await lostLabelsItem.load()).value).toEqual(['Verloren', 'Gone']);
  });

  it('saved at the same moment, both keep their values', async () => {
    const page = await openSections();
    fireEvent.input(page.dailyCap, { target: { value: '3' } });
    fireEvent.click(page.captureWins);
    fireEvent.input(page.labels, { target: { value: 'Perdu' } });

    fireEvent.click(page.saveAsk);
    fireEvent.click(page.saveLabels);
    await saved(/^Saved\.$/);
    await saved(/Saved 1 lost labels/);

    expect((await askItem.load()).value).toMatchObject({ dailyCap: 3, captureWins: true });
    expect((await lostLabelsItem.load()).value).toEqual(['Perdu']);
  });

  it('show why a stored item could not be read, in the section that owns it only', async () => {
    await fakeBrowser.storage.local.set({ lostLabels: 'not a list' });
    await openSections();

    const problems = await screen.findAllByText(/could not be read/);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.closest('section')?.textContent).toContain('Stages that mean “lost”');
  });

  it('refuse to save over a stored item that could not be read, until the user replaces it', async () => {
    await fakeBrowser.storage.local.set({ lostLabels: 'not a list' });
    const page = await openSections();
    fireEvent.input(page.labels, { target: { value: 'Perdu' } });
    fireEvent.click(page.saveLabels);

    await saved(/Not saved: the stored settings could not be read/);
    expect(await fakeBrowser.storage.local.get('lostLabels')).toEqual({ lostLabels: 'not a list' });

    fireEvent.click(screen.getByRole('button', { name: 'Replace the unreadable settings' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Replace' }));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Replace the unreadable settings' })).toBeNull(),
    );
    fireEvent.input(page.labels, { target: { value: 'Perdu' } });
    fireEvent.click(page.saveLabels);
    await saved(/Saved 1 lost labels/);
    expect((await lostLabelsItem.load()).value).toEqual(['Perdu']);
  });
});
