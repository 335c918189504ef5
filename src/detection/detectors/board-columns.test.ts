import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { wonMatcher } from '../../settings/stage-labels';
import type { DetectorEnv } from '../types';
import { boardColumns } from './board-columns';
import { detectorEnv } from './detector-env.test-helper';

const SETTLE_MS = 1000;
/** observeDeep checks once per animation frame: 16 ms apart under fake timers. */
const FRAME_MS = 16;

/** A board as the fixtures draw one: columns named by their heading, cards naming their deal. */
function board(columns: Record<string, string[]>) {
  document.body.replaceChildren(
    ...Object.entries(columns).map(([name, deals]) => {
      const column = document.createElement('section');
      column.dataset.column = name;
      column.append(...deals.map(card));
      return column;
    }),
  );
}
function card(dealId: string) {
  const el = document.createElement('div');
  el.className = 'card';
  el.dataset.deal = dealId;
  el.textContent = `Deal ${dealId}`;
  return el;
}
const column = (name: string) => document.querySelector(`[data-column="${name}"]`)!;
const cardOf = (dealId: string) => document.querySelector(`[data-deal="${dealId}"]`)!;
/** Drops the card into another column, as the board does when the user lets go of it. */
const drop = (dealId: string, to: string) => column(to).append(cardOf(dealId));

let stops: (() => void)[] = [];
beforeEach(
  () =>
    void vi.useFakeTimers({
      toFake: [
        'setTimeout',
        'clearTimeout',
        'Date',
        'requestAnimationFrame',
        'cancelAnimationFrame',
      ],
    }),
);
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
  vi.useRealTimers();
  document.body.replaceChildren();
});

function arm(overrides: Partial<DetectorEnv> = {}) {
  const armed = detectorEnv({ page: { kind: 'board' }, ...overrides });
  boardColumns({
    card: '.card',
    dealIdOf: (el) => (el as HTMLElement).dataset.deal,
    columnOf: (el) => el.closest<HTMLElement>('[data-column]')?.dataset.column,
    readCard: (el, columnName) => ({ dealName: el.textContent ?? '', stage: columnName }),
    settleMs: SETTLE_MS,
  })(armed.env);
  stops.push(armed.abort);
  return armed;
}
/** The drop seen (within a frame) and the settle time over. */
const settled = () => vi.advanceTimersByTimeAsync(FRAME_MS + SETTLE_MS);

describe('boardColumns', () => {
  it('reports a card moved from an open column into a lost one, once it stayed there', async () => {
    board({ 'Contract sent': ['1', '2'], 'Closed lost': [] });
    const { report } = arm();
    drop('1', 'Closed lost');
    // Seen within a frame of the drop; it must then stay SETTLE_MS.
    await vi.advanceTimersByTimeAsync(SETTLE_MS - 1);
    expect(report).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(FRAME_MS + 1);
    expect(report).toHaveBeenCalledExactlyOnceWith({
      dealId: '1',
      outcome: 'lost',
      stageBefore: 'Contract sent',
      stageAfter: 'Closed lost',
      deal: { dealName: 'Deal 1', stage: 'Closed lost' },
    });
  });

  it('reports nothing when the board moves the card back (the save was refused)', async () => {
    board({ 'Contract sent': ['1'], 'Closed lost': [] });
    const { report } = arm();
    drop('1', 'Closed lost');
    await vi.advanceTimersByTimeAsync(FRAME_MS + SETTLE_MS / 2);
    drop('1', 'Contract sent');
    await settled();
    expect(report).not.toHaveBeenCalled();
    // Dropped again, and it stays: that one counts.
    drop('1', 'Closed lost');
    await settled();
    expect(report).toHaveBeenCalledOnce();
  });

  it.each([
    ['between open columns', 'Contract sent', 'Negotiation'],
    ['from a lost column into another', 'Closed lost', 'Lost to competitor'],
    ['into a won column while wins are not looked for', 'Contract sent', 'Closed won'],
  ])('reports nothing for a card moved %s', async (_what, from, to) => {
    board({ [from]: ['1'], [to]: [] });
    const { report } = arm();
    drop('1', to);
    await settled();
    expect(report).not.toHaveBeenCalled();
  });

  it('reports a card moved into a won column as a win when wins are looked for', async () => {
    board({ 'Contract sent': ['1'], 'Closed won': [] });
    const { report } = arm({ isWon: wonMatcher() });
    drop('1', 'Closed won');
    await settled();
    expect(report).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ dealId: '1', outcome: 'won', stageAfter: 'Closed won' }),
    );
  });

  it('reports each of several cards moved at once', async () => {
    board({ 'Contract sent': ['1', '2', '3'], 'Closed lost': [] });
    const { report } = arm();
    drop('1', 'Closed lost');
    drop('3', 'Closed lost');
    await settled();
    expect(report.mock.calls.map(([o]) => o.dealId)).toEqual(['1', '3']);
  });

  it('takes a card that first appears in a lost column as the board loading, not a loss', async () => {
    board({ 'Contract sent': [], 'Closed lost': [] });
    const { report } = arm();
    column('Closed lost').append(card('9'));
    await settled();
    expect(report).not.toHaveBeenCalled();
  });

  it('remembers the column of a card that went out of view (a filter, a virtual list)', async () => {
    board({ 'Contract sent': ['1'], 'Closed lost': [] });
    const { report } = arm();
    cardOf('1').remove();
    await settled();
    column('Closed lost').append(card('1'));
    await settled();
    expect(report).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ dealId: '1', stageBefore: 'Contract sent' }),
    );
  });

  it('takes moves before baselineUntil as the board rendering', async () => {
    board({ 'Contract sent': ['1'], 'Closed lost': [] });
    const { report } = arm({ baselineUntil: Date.now() + 60_000 });
    drop('1', 'Closed lost');
    await settled();
    expect(report).not.toHaveBeenCalled();
  });

  it("counts the user's own lost labels", async () => {
    board({ 'Contract sent': ['1'], Churned: [] });
    const { report } = arm({ isLost: (label) => label === 'Churned' });
    drop('1', 'Churned');
    await settled();
    expect(report).toHaveBeenCalledOnce();
  });

  it('does nothing on pages that are not a board', async () => {
    board({ 'Contract sent': ['1'], 'Closed lost': [] });
    const { report } = arm({ page: { kind: 'deal', dealId: '1' } });
    drop('1', 'Closed lost');
    await settled();
    expect(report).not.toHaveBeenCalled();
  });

  it('stops once aborted, a settling move included', async () => {
    board({ 'Contract sent': ['1', '2'], 'Closed lost': [] });
    const { report, abort } = arm();
    drop('1', 'Closed lost');
    await vi.advanceTimersByTimeAsync(FRAME_MS);
    abort();
    drop('2', 'Closed lost');
    await settled();
    expect(report).not.toHaveBeenCalled();
  });
});
