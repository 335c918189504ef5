import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CORRELATION_WINDOW_MS,
  LossCorrelator,
  PAGE_GRACE_MS,
  type Evidence,
  type ObservedInTab,
  type SaveConfirmed,
} from './correlator';

function observed(overrides: Partial<ObservedInTab> = {}): ObservedInTab {
  return {
    type: 'outcome/observed',
    outcome: 'lost',
    crm: 'hubspot',
    dealId: '42',
    dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/42',
    stageBefore: 'Contract sent',
    stageAfter: 'Closed lost',
    deal: { dealName: 'Acme renewal' },
    tabId: 7,
    ...overrides,
  };
}

function saved(overrides: Partial<SaveConfirmed> = {}): SaveConfirmed {
  return {
    crm: 'hubspot',
    dealId: '42',
    tabId: 7,
    stageValue: 'closedlost',
    lost: true,
    ...overrides,
  };
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

/** A correlator on the fake clock, which the test moves by hand. */
function setup() {
  const onLoss = vi.fn<(loss: ObservedInTab, evidence: Evidence) => void>();
  const onWin = vi.fn<(win: ObservedInTab) => void>();
  const onSaveAlone = vi.fn<(save: SaveConfirmed) => void>();
  const onUnclear = vi.fn<(save: SaveConfirmed) => void>();
  const onExpired = vi.fn<(item: { page?: ObservedInTab; save?: SaveConfirmed }) => void>();
  const correlator = new LossCorrelator({ onLoss, onWin, onSaveAlone, onUnclear, onExpired });
  return {
    correlator,
    onLoss,
    onWin,
    onSaveAlone,
    onUnclear,
    onExpired,
    advance: (ms: number) => void vi.advanceTimersByTime(ms),
  };
}

describe('LossCorrelator', () => {
  it('reports one loss when the page change comes before the save', () => {
    const { correlator, onLoss } = setup();
    const page = observed();
    correlator.pageShowed(page);
    expect(onLoss).not.toHaveBeenCalled();
    correlator.saveConfirmed(saved());
    expect(onLoss).toHaveBeenCalledTimes(1);
    expect(onLoss).toHaveBeenCalledWith(expect.objectContaining(page), 'save + page');
  });

  it('reports one loss when the save comes before the page change', () => {
    const { correlator, onLoss } = setup();
    correlator.saveConfirmed(saved());
    expect(onLoss).not.toHaveBeenCalled();
    correlator.pageShowed(observed());
    expect(onLoss).toHaveBeenCalledTimes(1);
    expect(onLoss.mock.calls[0]![0]).toMatchObject({ dealId: '42', stageAfter: 'Closed lost' });
  });

  it('reports a custom stage (lost unknown from its id) on the strength of the page label', () => {
    const { correlator, onLoss } = setup();
    correlator.pageShowed(observed());
    correlator.saveConfirmed(saved({ stageValue: '1029387', lost: undefined }));
    expect(onLoss).toHaveBeenCalledTimes(1);
  });

  it('uses each signal once: a repeated save does not report the loss again', () => {
    const { correlator, onLoss } = setup();
    correlator.pageShowed(observed());
    correlator.saveConfirmed(saved());
    correlator.saveConfirmed(saved());
    expect(onLoss).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['won', 'closedwon'],
    ['an open stage', 'contractsent'],
  ])('reports nothing when the save says %s', (_what, stageValue) => {
    const { correlator, onLoss } = setup();
    correlator.pageShowed(observed());
    correlator.saveConfirmed(saved({ stageValue, lost: false }));
    correlator.saveConfirmed(saved({ stageValue, lost: false }));
    expect(onLoss).not.toHaveBeenCalled();

    correlator.saveConfirmed(saved({ stageValue, lost: false }));
    correlator.pageShowed(observed());
    expect(onLoss).not.toHaveBeenCalled();
  });

  it.each<[string, Partial<SaveConfirmed>]>([
    ['another deal', { dealId: '43' }],
    ['another CRM', { crm: 'salesforce' }],
  ])('does not pair a page change with a save of %s', (_what, overrides) => {
    const { correlator, onLoss } = setup();
    correlator.pageShowed(observed());
    correlator.saveConfirmed(saved(overrides));
    expect(onLoss).not.toHaveBeenCalled();
  });

  it('pairs each deal with its own save when several are in flight', () => {
    const { correlator, onLoss } = setup();
    correlator.pageShowed(observed({ dealId: '1' }));
    correlator.pageShowed(observed({ dealId: '2' }));
    correlator.saveConfirmed(saved({ dealId: '2' }));
    expect(onLoss).toHaveBeenCalledTimes(1);
    expect(onLoss.mock.calls[0]![0].dealId).toBe('2');
  });

  it('pairs signals within the window', () => {
    const { correlator, onLoss, advance } = setup();
    correlator.pageShowed(observed());
    advance(CORRELATION_WINDOW_MS);
    correlator.saveConfirmed(saved());
    expect(onLoss).toHaveBeenCalledTimes(1);
  });

  it('does not pair a save with a page change older than the window', () => {
    const { correlator, onLoss, advance } = setup();
    correlator.pageShowed(observed());
    advance(CORRELATION_WINDOW_MS + 1);
    correlator.saveConfirmed(saved());
    expect(onLoss).not.toHaveBeenCalled();
  });

  it('does not pair a page change with an unclear save older than the window', () => {
    const { correlator, onLoss, advance } = setup();
    correlator.saveConfirmed(saved({ lost: undefined }));
    advance(CORRELATION_WINDOW_MS + 1);
    correlator.pageShowed(observed());
    expect(onLoss).not.toHaveBeenCalled();
  });

  it('asks a window given as a function each time: one shortened meanwhile applies at once', () => {
    let windowMs = CORRELATION_WINDOW_MS;
    const onLoss = vi.fn();
    const correlator = new LossCorrelator({ onLoss, windowMs: () => windowMs });
    correlator.pageShowed(observed());
    windowMs = 1000;
    vi.advanceTimersByTime(1001);
    correlator.saveConfirmed(saved());
    expect(onLoss).not.toHaveBeenCalled();
  });

  it('reports nothing for a page change alone, and says when it expired', () => {
    const { correlator, onLoss, onExpired, advance } = setup();
    correlator.pageShowed(observed());
    correlator.pageShowed(observed());
    advance(CORRELATION_WINDOW_MS);
    expect(onExpired).not.toHaveBeenCalled();
    advance(2);
    expect(onLoss).not.toHaveBeenCalled();
    expect(onExpired).toHaveBeenCalledTimes(2);
    expect(onExpired.mock.calls[0]![0].page).toMatchObject({ dealId: '42' });
  });

  it('reports the page change alone for a CRM whose saves cannot be read', () => {
    const { correlator, onLoss } = setup();
    correlator.pageShowed(observed({ crm: 'custom' }), false);
    expect(onLoss).toHaveBeenCalledOnce();
    expect(onLoss.mock.calls[0]![0]).toMatchObject({ crm: 'custom', dealId: '42' });
    expect(onLoss.mock.calls[0]![1]).toBe('page alone');
  });
});

describe('a save that says lost without doubt: the proof on its own', () => {
  it('is a loss on its own once the grace time passes without a page report', () => {
    const { correlator, onLoss, onSaveAlone, onUnclear, advance } = setup();
    correlator.saveConfirmed(saved());
    advance(PAGE_GRACE_MS - 1);
    expect(onSaveAlone).not.toHaveBeenCalled();
    advance(1);
    expect(onSaveAlone).toHaveBeenCalledOnce();
    expect(onSaveAlone.mock.calls[0]![0]).toMatchObject({ dealId: '42', stageValue: 'closedlost' });
    expect(onLoss).not.toHaveBeenCalled();
    expect(onUnclear).not.toHaveBeenCalled();
    // A page report after that finds no save left: the loss is not reported twice.
    correlator.pageShowed(observed());
    advance(CORRELATION_WINDOW_MS * 2);
    expect(onLoss).not.toHaveBeenCalled();
    expect(onSaveAlone).toHaveBeenCalledOnce();
  });

  it('takes the page report as its context when it comes within the grace time', () => {
    const { correlator, onLoss, onSaveAlone, advance } = setup();
    correlator.saveConfirmed(saved());
    advance(PAGE_GRACE_MS - 100);
    correlator.pageShowed(observed());
    expect(onLoss).toHaveBeenCalledOnce();
    expect(onLoss.mock.calls[0]![1]).toBe('save + page');
    advance(CORRELATION_WINDOW_MS);
    expect(onSaveAlone).not.toHaveBeenCalled();
  });

  it("waits longer for a board's report, which comes once the card stayed in its column", () => {
    const onLoss = vi.fn();
    const onSaveAlone = vi.fn();
    const correlator = new LossCorrelator({ onLoss, onSaveAlone, extraGraceFor: () => 1200 });
    correlator.saveConfirmed(saved());
    vi.advanceTimersByTime(PAGE_GRACE_MS + 1000);
    expect(onSaveAlone).not.toHaveBeenCalled();
    correlator.pageShowed(observed());
    expect(onLoss).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(CORRELATION_WINDOW_MS);
    expect(onSaveAlone).not.toHaveBeenCalled();
  });

  it('gives each save of a deal its own decision (the loss-flow dedupes the deal)', () => {
    const { correlator, onSaveAlone, advance } = setup();
    correlator.saveConfirmed(saved());
    correlator.saveConfirmed(saved({ dealId: '43' }));
    advance(PAGE_GRACE_MS);
    expect(onSaveAlone.mock.calls.map(([save]) => save.dealId)).toEqual(['42', '43']);
  });

  it('is never proof alone when a 2xx answer can hide an error, nor when it says "not lost"', () => {
    const { correlator, onSaveAlone, onUnclear, advance } = setup();
    correlator.saveConfirmed(saved({ okStatusIsNotProof: true }));
    correlator.saveConfirmed(saved({ dealId: '43', stageValue: 'closedwon', lost: false }));
    advance(CORRELATION_WINDOW_MS * 2);
    expect(onSaveAlone).not.toHaveBeenCalled();
    expect(onUnclear).toHaveBeenCalledOnce();
    expect(onUnclear.mock.calls[0]![0]).toMatchObject({ dealId: '42' });
  });
});

describe('an unclear save: the page decides', () => {
  const unclear = () => saved({ stageValue: '1029387', lost: undefined });

  it('asks the page after the grace time, and a loss it shows is the loss', () => {
    const { correlator, onLoss, onUnclear, advance } = setup();
    correlator.saveConfirmed(unclear());
    advance(PAGE_GRACE_MS);
    expect(onUnclear).toHaveBeenCalledOnce();
    const save = onUnclear.mock.calls[0]![0];
    expect(correlator.pageConfirms(save, observed({ stageBefore: '' }))).toBe(true);
    expect(onLoss).toHaveBeenCalledOnce();
    expect(onLoss.mock.calls[0]![1]).toBe('save + page');
    // Used once: a second answer, or the adapter's report, does not report it again.
    expect(correlator.pageConfirms(save, observed())).toBe(false);
    correlator.pageShowed(observed());
    expect(onLoss).toHaveBeenCalledOnce();
  });

  it("still pairs with the adapter's report after the grace time (a board that settles)", () => {
    const { correlator, onLoss, onUnclear, advance } = setup();
    correlator.saveConfirmed(unclear());
    advance(PAGE_GRACE_MS + 2000);
    correlator.pageShowed(observed());
    expect(onLoss).toHaveBeenCalledOnce();
    expect(correlator.pageConfirms(onUnclear.mock.calls[0]![0], observed())).toBe(false);
    expect(onLoss).toHaveBeenCalledOnce();
  });

  it('is not a loss when nothing shows one, and says so when the window ends', () => {
    const { correlator, onLoss, onExpired, advance } = setup();
    correlator.saveConfirmed(unclear());
    advance(CORRELATION_WINDOW_MS + 1);
    expect(onLoss).not.toHaveBeenCalled();
    expect(onExpired).toHaveBeenCalledOnce();
    expect(onExpired.mock.calls[0]![0].save).toMatchObject({ dealId: '42' });
  });
});

describe('an observation reported before its save was sent (a form submit)', () => {
  it('is confirmed only by a later save, never by an earlier save of the same deal', () => {
    const losses: unknown[] = [];
    let now = 1_000;
    const correlator = new LossCorrelator({ onLoss: (loss) => losses.push(loss), now: () => now });
    const save = {
      crm: 'salesforce',
      dealId: '006A',
      tabId: 1,
      stageValue: 'Closed Lost',
      lost: undefined,
    };
    correlator.saveConfirmed(save);
    now += 1_000;
    const observed = {
      type: 'outcome/observed' as const,
      outcome: 'lost' as const,
      crm: 'salesforce',
      dealId: '006A',
      dealUrl: 'https://acme.my.salesforce.com/006A/e',
      stageBefore: 'Proposal',
      stageAfter: 'Closed Lost',
      deal: { dealName: 'Acme' },
      tabId: 1,
      beforeSave: true,
    };
    correlator.pageShowed(observed);
    expect(losses).toHaveLength(0);
    now += 1_000;
    correlator.saveConfirmed(save);
    expect(losses).toHaveLength(1);
  });
});

describe('wins (result: won)', () => {
  const won = (overrides: Partial<ObservedInTab> = {}) =>
    observed({ outcome: 'won', stageAfter: 'Closed won', ...overrides });
  const wonSave = (overrides: Partial<SaveConfirmed> = {}) =>
    saved({ stageValue: 'closedwon', lost: false, ...overrides });

  const setupWins = setup;

  it.each([
    ['the page change first', true],
    ['the save first', false],
  ])('reports one win, and no loss, with %s', (_what, pageFirst) => {
    const { correlator, onLoss, onWin } = setupWins();
    if (pageFirst) correlator.pageShowed(won());
    correlator.saveConfirmed(wonSave());
    if (!pageFirst) correlator.pageShowed(won());
    correlator.saveConfirmed(wonSave());
    expect(onWin).toHaveBeenCalledOnce();
    expect(onWin.mock.calls[0]![0]).toMatchObject({ dealId: '42', outcome: 'won' });
    expect(onLoss).not.toHaveBeenCalled();
  });

  it('confirms a win on a custom stage (lost unknown from its id) by the page label', () => {
    const { correlator, onLoss, onWin } = setupWins();
    correlator.pageShowed(won());
    correlator.saveConfirmed(saved({ stageValue: '1029386', lost: undefined }));
    expect(onWin).toHaveBeenCalledOnce();
    expect(onLoss).not.toHaveBeenCalled();
  });

  it.each([
    ['the page change first', true],
    ['the save first', false],
  ])('never confirms a win with a save that says lost (%s)', (_what, pageFirst) => {
    const { correlator, onLoss, onWin } = setupWins();
    if (pageFirst) correlator.pageShowed(won());
    correlator.saveConfirmed(saved({ lost: true }));
    if (!pageFirst) correlator.pageShowed(won());
    expect(onWin).not.toHaveBeenCalled();
    expect(onLoss).not.toHaveBeenCalled();
  });

  it('reports nothing for a won page change whose save never came (refused)', () => {
    const { correlator, onLoss, onWin, advance } = setupWins();
    correlator.pageShowed(won());
    advance(CORRELATION_WINDOW_MS + 1);
    correlator.saveConfirmed(wonSave());
    expect(onWin).not.toHaveBeenCalled();
    expect(onLoss).not.toHaveBeenCalled();
  });

  it('keeps a won save from swallowing a real loss right after (won, reopened, lost)', () => {
    const { correlator, onLoss, onWin } = setupWins();
    correlator.saveConfirmed(wonSave());
    correlator.pageShowed(observed());
    expect(onLoss).not.toHaveBeenCalled();
    correlator.saveConfirmed(saved());
    expect(onLoss).toHaveBeenCalledOnce();
    expect(onWin).not.toHaveBeenCalled();
  });

  it('keeps a lost save for its loss when a win of the same deal is reported first', () => {
    const { correlator, onLoss, onWin } = setupWins();
    correlator.saveConfirmed(saved({ lost: true }));
    correlator.pageShowed(won());
    correlator.pageShowed(observed());
    expect(onLoss).toHaveBeenCalledOnce();
    expect(onWin).not.toHaveBeenCalled();
  });

  it('sends a win from a CRM whose saves cannot be read to onWin, never onLoss', () => {
    const { correlator, onLoss, onWin } = setupWins();
    correlator.pageShowed(won({ crm: 'custom' }), false);
    expect(onWin).toHaveBeenCalledOnce();
    expect(onLoss).not.toHaveBeenCalled();
  });

  it('ignores wins without an onWin handler', () => {
    const onLoss = vi.fn();
    const correlator = new LossCorrelator({ onLoss });
    correlator.pageShowed(won());
    correlator.saveConfirmed(wonSave());
    expect(onLoss).not.toHaveBeenCalled();
  });
});

describe("the user's action (intent) and a save whose 2xx can hide a failure", () => {
  const action = (overrides: Partial<ObservedInTab> = {}) =>
    observed({
      intent: true,
      stageBefore: 'Develop',
      deal: { dealName: 'Contoso', stage: 'Lost (Out-Sold; competitor: Litware)' },
      ...overrides,
    });
  const unproven = () => saved({ lost: true, okStatusIsNotProof: true });

  it('does not pair, whichever comes first: the page must show the saved state', () => {
    const { correlator, onLoss, onUnclear, advance } = setup();
    correlator.pageShowed(action());
    correlator.saveConfirmed(unproven());
    expect(onLoss).not.toHaveBeenCalled();
    advance(PAGE_GRACE_MS);
    expect(onUnclear).toHaveBeenCalledOnce();
    expect(correlator.hasIntent(onUnclear.mock.calls[0]![0])).toBe(true);
  });

  it("takes the action's context when the saved state confirms it", () => {
    const { correlator, onLoss } = setup();
    correlator.pageShowed(action());
    correlator.saveConfirmed(unproven());
    correlator.pageShowed(observed({ stageBefore: '', deal: { dealName: 'Contoso' } }));
    expect(onLoss).toHaveBeenCalledOnce();
    expect(onLoss.mock.calls[0]![0]).toMatchObject({
      stageBefore: 'Develop',
      deal: { dealName: 'Contoso', stage: 'Lost (Out-Sold; competitor: Litware)' },
    });
    expect(correlator.hasIntent(unproven())).toBe(false);
  });

  it('still pairs an action with a save whose 2xx is proof', () => {
    const { correlator, onLoss } = setup();
    correlator.pageShowed(action());
    correlator.saveConfirmed(saved());
    expect(onLoss).toHaveBeenCalledOnce();
  });
});

describe('LossCorrelator.forget (the user deleted all their data)', () => {
  it('pairs nothing it held before, and pairs what comes after', () => {
    const { correlator, onLoss, onSaveAlone, advance } = setup();
    correlator.pageShowed(observed());
    correlator.saveConfirmed(saved({ dealId: '43' }));
    correlator.forget();
    // Without the forget, this save would pair with the page above: a loss.
    correlator.saveConfirmed(saved({ lost: undefined }));
    advance(PAGE_GRACE_MS + 1);
    expect(onLoss).not.toHaveBeenCalled();
    expect(onSaveAlone).not.toHaveBeenCalled();
    // Positive control: a page report after the forget pairs with its save as ever.
    correlator.pageShowed(observed({ dealId: '44' }));
    correlator.saveConfirmed(saved({ dealId: '44' }));
    expect(onLoss).toHaveBeenCalledTimes(1);
    expect(onLoss.mock.calls[0]![0].dealId).toBe('44');
  });
});
