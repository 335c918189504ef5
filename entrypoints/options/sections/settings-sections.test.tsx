import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useEffect, useState } from 'preact/hooks';
import { askItem, comeBackItem, lostLabelsItem } from '../../../src/settings/store';
import { useSettingsItem } from '../../../src/ui/use-settings';
import { AskSettings } from './AskSettings';
import { ComeBackSettings } from './ComeBackSettings';
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

describe('options section "Lessons that come back"', () => {
  const open = async () => {
    render(<ComeBackSettings />);
    const badge = await screen.findByLabelText<HTMLInputElement>(
      'Show a number on the toolbar button',
    );
    const field = (label: string) => screen.getByLabelText<HTMLInputElement>(label);
    return {
      badge,
      field,
      reminder: field('Remind me once a day'),
      time: field('Time of the reminder'),
      save: screen.getByRole('button', { name: 'Save', exact: true }),
    };
  };

  it('edits every choice and saves them into its own item', async () => {
    // An id of a CRM this version does not know stays as it was.
    await comeBackItem.update((s) => ({ ...s, similarDealsOffIn: ['attio'] }));
    const page = await open();
    expect(page.badge.checked).toBe(true);
    expect(page.reminder.checked).toBe(false);
    expect(page.time.value).toBe('09:00');
    // The time belongs to the reminder: it waits until the reminder is on.
    expect(page.time.disabled).toBe(true);
    expect(page.badge.getAttribute('aria-describedby')).toBe('comeback-badge-hint');
    expect(screen.getByText(/A reflection waiting for you comes first/).id).toBe(
      'comeback-badge-hint',
    );

    fireEvent.click(page.badge);
    fireEvent.click(page.reminder);
    expect(page.time.disabled).toBe(false);
    fireEvent.input(page.time, { target: { value: '07:30' } });
    fireEvent.click(page.field('Offer a second look at a loss'));
    const crms = screen.getByRole('group', { name: 'Show the chip in' });
    expect(
      within(crms)
        .getAllByRole('checkbox')
        .map((box) => box.closest('div')!.textContent),
    ).toEqual(['HubSpot', 'Salesforce', 'Pipedrive', 'Dynamics 365', 'Zoho CRM']);
    fireEvent.click(within(crms).getByLabelText('Pipedrive'));
    fireEvent.click(page.field('Bring back if-then plans at their moment'));
    fireEvent.click(page.save);

    await saved(/^Saved\. The toolbar button and the reminder follow at once\.$/);
    expect((await comeBackItem.load()).value).toEqual({
      reviewBadge: false,
      reminder: true,
      reminderTime: '07:30',
      secondLook: false,
      similarDeals: true,
      similarDealsOffIn: ['attio', 'pipedrive'],
      cuePlans: false,
    });

    // The chip off everywhere: its CRMs wait, each keeping its choice.
    fireEvent.click(page.field('Show lessons from similar deals on open deals'));
    expect((crms as HTMLFieldSetElement).disabled).toBe(true);
    fireEvent.click(page.save);
    await waitFor(async () => expect((await comeBackItem.load()).value.similarDeals).toBe(false));
    expect((await comeBackItem.load()).value.similarDealsOffIn).toEqual(['attio', 'pipedrive']);
  });

  it('says what is wrong with a reminder without a time, and saves nothing', async () => {
    const page = await open();
    fireEvent.click(page.reminder);
    fireEvent.input(page.time, { target: { value: '' } });
    fireEvent.click(page.save);
    await saved(/^Choose a time for the reminder, such as 09:00\.$/);
    expect(await fakeBrowser.storage.local.get('comeBackSettings')).toEqual({});
    // Positive control: with a time, it saves.
    fireEvent.input(page.time, { target: { value: '18:05' } });
    fireEvent.click(page.save);
    await saved(/^Saved\./);
    expect((await comeBackItem.load()).value).toMatchObject({
      reminder: true,
      reminderTime: '18:05',
    });
  });

  it('refuses to save over settings it cannot read, until the user replaces them', async () => {
    await fakeBrowser.storage.local.set({ comeBackSettings: { reminderTime: 'noon' } });
    const page = await open();
    expect(screen.getByRole('alert').closest('section')?.textContent).toContain(
      'Lessons that come back',
    );
    fireEvent.click(page.badge);
    fireEvent.click(page.save);
    await saved(/Not saved: the stored settings could not be read/);
    expect(await fakeBrowser.storage.local.get('comeBackSettings')).toEqual({
      comeBackSettings: { reminderTime: 'noon' },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Replace the unreadable settings' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Replace' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    fireEvent.click(page.save);
    await saved(/^Saved\./);
    expect((await comeBackItem.load()).value.reviewBadge).toBe(false);
  });
});
