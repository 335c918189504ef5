import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { database } from '../../../src/db/database';
import type { Lesson } from '../../../src/lessons/schema';
import { lessonId, testLesson } from '../../../src/lessons/lesson.test-helper';
import { defaultTemplateSettings } from '../../../src/lessons/template';
import { mergeReason } from '../../../src/lessons/template-edit';
import { templateItem } from '../../../src/settings/store';
import { Insights } from './Insights';

/** Wednesday 18 November 2026, noon local time. */
const NOW = new Date(2026, 10, 18, 12);
const daysAgo = (days: number) => new Date(2026, 10, 18 - days, 12).toISOString();

let nextId = 0;
const lesson = (overrides: Partial<Lesson> = {}) =>
  testLesson({ id: lessonId(nextId++), createdAt: daysAgo(1), ...overrides });

beforeEach(() => {
  fakeBrowser.reset();
  // Only the clock: IndexedDB's own timers must keep running.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  await database().lessons.clear();
});

/** A chart's card, once its summary is shown. */
const card = async (title: string) =>
  (await screen.findByRole('heading', { name: title, level: 3 })).closest('article')!;

/** The rows of a card's table, opened as a keyboard user would, as text per cell. */
function tableRows(article: HTMLElement): string[][] {
  fireEvent.click(within(article).getByText('Show as table'));
  const table = within(article).getByRole('table', {
    name: article.querySelector('h3')!.textContent!,
  });
  return within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

/** The heading lives above the shared search and filters (LessonViews.tsx); the section names itself by it. */
const Titled = () => (
  <>
    <h2 id="insights-title">Insights</h2>
    <Insights />
  </>
);

describe('Insights', () => {
  it('says there is nothing yet when there is no lesson', async () => {
    render(<Titled />);
    await screen.findByText(/No lessons yet/);
    expect(screen.getByRole('region', { name: 'Insights' })).toBeTruthy();
  });

  it('shows each chart with its summary and a table of the same numbers, through merged reasons', async () => {
    await templateItem.update(() =>
      mergeReason(defaultTemplateSettings(), 'competitor.time-to-value', 'competitor.price-value'),
    );
    await database().lessons.bulkAdd([
      lesson({ reason: 'competitor.price-value', amount: 1200, currency: 'EUR', feeling: 2 }),
      lesson({ reason: 'competitor.time-to-value', amount: 300, currency: 'EUR', feeling: 4 }),
      lesson({
        reason: 'no-decision.no-access',
        amount: 5000,
        currency: 'USD',
        answers: { planAction: 'ask who signs' },
      }),
      lesson({ reason: 'no-decision.went-dark', createdAt: daysAgo(40) }),
    ]);
    render(<Titled />);

    const reasons = await card('Reasons over time');
    expect(
      within(reasons).getByText('Most frequent reason in the last 90 days: Price / value, 2 of 4.'),
    ).toBeTruthy();
    const [head, ...rows] = tableRows(reasons);
    expect(head).toEqual([
      'Month',
      'Price / value',
      'No access to the decision maker',
      'Went dark',
    ]);
    expect(rows).toEqual([
      ['Oct 2026', '0', '0', '1'],
      ['Nov 2026', '2', '1', '0'],
    ]);
    // The canvas is drawn only where it can be; it is hidden from assistive technology.
    expect(reasons.querySelector('.chart')!.getAttribute('aria-hidden')).toBe('true');
    expect(
      within(reasons).getByRole('columnheader', { name: 'Went dark' }).getAttribute('scope'),
    ).toBe('col');
    expect(within(reasons).getByRole('rowheader', { name: 'Oct 2026' }).getAttribute('scope')).toBe(
      'row',
    );

    // One chart per currency: euros and dollars are never added together.
    const euros = await card('Amount lost by reason (EUR)');
    expect(tableRows(euros).slice(1)).toEqual([['Price / value', '€1,500', '2']]);
    expect(
      within(euros).getByText(
        /^Largest amount lost \(EUR\): Price \/ value, €1,500 \(2 of 2 deals/,
      ),
    ).toBeTruthy();
    expect(tableRows(await card('Amount lost by reason (USD)')).slice(1)).toEqual([
      ['No access to the decision maker', '$5,000', '1'],
    ]);

    const control = await card('Losses within my control');
    expect(
      within(control).getByText(
        'Within my control in the last 90 days: 1 of 4 losses with a reason.',
      ),
    ).toBeTruthy();
    expect(tableRows(control).slice(1)).toEqual([
      ['Oct 2026', '0 of 1'],
      ['Nov 2026', '1 of 3'],
    ]);
    const feeling = await card('Feeling over time');
    expect(tableRows(feeling).slice(1)).toEqual([
      ['Oct 2026', '—', '0'],
      ['Nov 2026', '3.0', '2'],
    ]);
    expect(tableRows(await card('If-then plans written')).slice(1)).toEqual([
      ['Oct 2026', '0 of 1'],
      ['Nov 2026', '1 of 3'],
    ]);
    const weeks = await card('Lessons per week');
    expect(within(weeks).getByText('Lessons in the last 26 weeks: 4; this week: 3.')).toBeTruthy();
    expect(tableRows(await card('Lessons per month')).slice(1)).toEqual([
      ['Oct 2026', '1'],
      ['Nov 2026', '3'],
    ]);
    // Progress, never win rate.
    expect(document.body.textContent).not.toMatch(/win rate|\bwon\b/i);
  });

  it('shows the reasons changed on a second look as a table, only when some changed', async () => {
    const changed = (from: string, to: string) =>
      lesson({ reason: to, history: [{ at: daysAgo(0), field: 'reason', previous: from }] });
    const unchanged = lesson({ reason: 'no-decision.went-dark' });
    await database().lessons.bulkAdd([
      unchanged,
      changed('competitor.price-value', 'no-decision.no-access'),
      changed('competitor.price-value', 'no-decision.no-access'),
      changed('no-decision.went-dark', 'no-decision.champion-left'),
    ]);
    const { rerender } = render(<Titled />);
    const drift = await card('Reasons that changed on a second look');
    expect(
      within(drift).getByText(
        'Reasons changed on a second look in 3 of 4 lessons; most often from Price / value to No access to the decision maker (2).',
      ),
    ).toBeTruthy();
    const table = within(drift).getByRole('table', {
      name: 'Reasons that changed on a second look',
    });
    expect(
      within(table)
        .getAllByRole('row')
        .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent)),
    ).toEqual([
      ['First thought', 'Later', 'Lessons'],
      ['Price / value', 'No access to the decision maker', '2'],
      ['Went dark', 'Champion left', '1'],
    ]);

    // Absent when none of the lessons read changed: once the others show, this one does not.
    rerender(<Insights ids={[unchanged.id]} />);
    await screen.findByText('Most frequent reason in the last 90 days: Went dark, 1 of 1.');
    expect(
      screen.queryByRole('heading', { name: 'Reasons that changed on a second look' }),
    ).toBeNull();
  });

  it('reads only the lessons the filters match, and again when they change', async () => {
    const a = lesson({ reason: 'no-decision.went-dark' });
    const b = lesson({ reason: 'competitor.price-value' });
    await database().lessons.bulkAdd([a, b]);
    const { rerender } = render(<Insights ids={[a.id]} />);
    await screen.findByText('Most frequent reason in the last 90 days: Went dark, 1 of 1.');
    rerender(<Insights ids={[b.id, a.id]} />);
    await screen.findByText('Lessons this month: 2; last month: 0; in all: 2.');
    rerender(<Insights ids={[]} />);
    await screen.findByText('No lessons match these filters.');
  });

  it('shows its progress while it reads', async () => {
    // A second apart: lessons saved at the same instant are read in one page.
    const start = Date.parse(daysAgo(1));
    await database().lessons.bulkAdd(
      Array.from({ length: 2500 }, (_, i) =>
        lesson({ createdAt: new Date(start - i * 1000).toISOString() }),
      ),
    );
    render(<Titled />);
    const status = await screen.findByRole('status');
    await waitFor(() => expect(status.textContent).toMatch(/^Reading lessons… [12],000 of 2,500$/));
    await screen.findByText('Lessons this month: 2500; last month: 0; in all: 2500.');
    expect(screen.queryByRole('status')).toBeNull();
  });
});
