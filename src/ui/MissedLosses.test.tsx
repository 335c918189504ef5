import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RecentDeal } from '../background/recent-deals';
import { MISSED_SHOWN, MissedLossList, type DealMark } from './MissedLosses';

afterEach(cleanup);

const NOW = Date.parse('2026-03-20T12:00:00Z');
const deal = (i: number, dealName = `Deal ${i}`): RecentDeal => ({
  crm: 'hubspot',
  dealId: String(i),
  dealUrl: `https://app.hubspot.com/contacts/1/record/0-3/${i}`,
  dealName,
  lastSeen: NOW - i * 60_000,
});

function setup(deals: RecentDeal[], marks: [string, DealMark][] = []) {
  const onReflect = vi.fn<(deal: RecentDeal) => void>();
  render(<MissedLossList deals={deals} marks={new Map(marks)} onReflect={onReflect} />);
  return { onReflect };
}

describe('MissedLossList', () => {
  it('shows nothing when no deal was opened', () => {
    setup([]);
    expect(screen.queryByRole('heading', { name: 'Missed a loss?' })).toBeNull();
  });

  it(`shows ${MISSED_SHOWN} deals, and all of them on request`, () => {
    setup(Array.from({ length: 8 }, (_, i) => deal(i)));
    expect(screen.getAllByTestId('missed-deal')).toHaveLength(MISSED_SHOWN);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 8' }));
    expect(screen.getAllByTestId('missed-deal')).toHaveLength(8);
    expect(screen.queryByRole('button', { name: /Show all/ })).toBeNull();
  });

  it('starts a reflection on the deal clicked, and marks those with a lesson or a prompt', () => {
    const { onReflect } = setup(
      [deal(1), deal(2, '<img src=x onerror=alert(1)>'), deal(3)],
      [
        ['hubspot:1', 'lesson'],
        ['hubspot:3', 'prompted'],
      ],
    );
    const [first, second, third] = screen.getAllByTestId('missed-deal');
    expect(first!.textContent).toContain('HubSpot · last seen');
    expect(first!.textContent).toContain('has a lesson');
    expect(second!.textContent).not.toMatch(/has a lesson|Rebound asked/);
    expect(third!.textContent).toContain('Rebound asked about it');
    expect(second!.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
    fireEvent.click(within(second!).getByRole('button', { name: 'Reflect on it' }));
    expect(onReflect).toHaveBeenCalledExactlyOnceWith(deal(2, '<img src=x onerror=alert(1)>'));
  });
});
