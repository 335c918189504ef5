import { describe, expect, it, vi } from 'vitest';
import {
  CORRELATION_WINDOW_MS,
  LossCorrelator,
  type ObservedInTab,
  type SaveConfirmed,
} from './correlator';

function observed(overrides: Partial<ObservedInTab> = {}): ObservedInTab {
  return {
    type: 'loss/observed',
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

/** A correlator on a clock the test moves by hand. */
function setup() {
  let time = 1_000_000;
  const onLoss = vi.fn<(loss: ObservedInTab) => void>();
  const correlator = new LossCorrelator(onLoss, () => time);
  return { correlator, onLoss, advance: (ms: number) => void (time += ms) };
}

describe('LossCorrelator', () => {
  it('reports one loss when the page change comes before the save', () => {
    const { correlator, onLoss } = setup();
    const page = observed();
    correlator.pageShowedLoss(page);
    expect(onLoss).not.toHaveBeenCalled();
    correlator.saveConfirmed(saved());
    expect(onLoss).toHaveBeenCalledTimes(1);
    expect(onLoss).toHaveBeenCalledWith(expect.objectContaining(page));
  });

  it('reports one loss when the save comes before the page change', () => {
    const { correlator, onLoss } = setup();
    correlator.saveConfirmed(saved());
    expect(onLoss).not.toHaveBeenCalled();
    correlator.pageShowedLoss(observed());
    expect(onLoss).toHaveBeenCalledTimes(1);
    expect(onLoss.mock.calls[0]![0]).toMatchObject({ dealId: '42', stageAfter: 'Closed lost' });
  });

  it('reports a custom stage (lost unknown from its id) on the strength of the page label', () => {
    const { correlator, onLoss } = setup();
    correlator.pageShowedLoss(observed());
    correlator.saveConfirmed(saved({ stageValue: '1029387', lost: undefined }));
    expect(onLoss).toHaveBeenCalledTimes(1);
  });

  it('uses each signal once: a repeated save does not report the loss again', () => {
    const { correlator, onLoss } = setup();
    correlator.pageShowedLoss(observed());
    correlator.saveConfirmed(saved());
    correlator.saveConfirmed(saved());
    expect(onLoss).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['won', 'closedwon'],
    ['an open stage', 'contractsent'],
  ])('reports nothing when the save says %s', (_what, stageValue) => {
    const { correlator, onLoss } = setup();
    correlator.pageShowedLoss(observed());
    correlator.saveConfirmed(saved({ stageValue, lost: false }));
    correlator.saveConfirmed(saved({ stageValue, lost: false }));
    expect(onLoss).not.toHaveBeenCalled();

    correlator.saveConfirmed(saved({ stageValue, lost: false }));
    correlator.pageShowedLoss(observed());
    expect(onLoss).not.toHaveBeenCalled();
  });

  it.each<[string, Partial<SaveConfirmed>]>([
    ['another deal', { dealId: '43' }],
    ['another CRM', { crm: 'salesforce' }],
  ])('does not pair a page change with a save of %s', (_what, overrides) => {
    const { correlator, onLoss } = setup();
    correlator.pageShowedLoss(observed());
    correlator.saveConfirmed(saved(overrides));
    expect(onLoss).not.toHaveBeenCalled();
  });

  it('pairs each deal with its own save when several are in flight', () => {
    const { correlator, onLoss } = setup();
    correlator.pageShowedLoss(observed({ dealId: '1' }));
    correlator.pageShowedLoss(observed({ dealId: '2' }));
    correlator.saveConfirmed(saved({ dealId: '2' }));
    expect(onLoss).toHaveBeenCalledTimes(1);
    expect(onLoss.mock.calls[0]![0].dealId).toBe('2');
  });

  it('pairs signals within the window', () => {
    const { correlator, onLoss, advance } = setup();
    correlator.pageShowedLoss(observed());
    advance(CORRELATION_WINDOW_MS);
    correlator.saveConfirmed(saved());
    expect(onLoss).toHaveBeenCalledTimes(1);
  });

  it('does not pair a save with a page change older than the window', () => {
    const { correlator, onLoss, advance } = setup();
    correlator.pageShowedLoss(observed());
    advance(CORRELATION_WINDOW_MS + 1);
    correlator.saveConfirmed(saved());
    expect(onLoss).not.toHaveBeenCalled();
  });

  it('does not pair a page change with a save older than the window', () => {
    const { correlator, onLoss, advance } = setup();
    correlator.saveConfirmed(saved());
    advance(CORRELATION_WINDOW_MS + 1);
    correlator.pageShowedLoss(observed());
    expect(onLoss).not.toHaveBeenCalled();
  });

  it('reports nothing for a page change alone or a save alone', () => {
    const page = setup();
    page.correlator.pageShowedLoss(observed());
    page.correlator.pageShowedLoss(observed());
    expect(page.onLoss).not.toHaveBeenCalled();

    const save = setup();
    save.correlator.saveConfirmed(saved());
    save.correlator.saveConfirmed(saved());
    expect(save.onLoss).not.toHaveBeenCalled();
  });

  it('reports the page change alone for a CRM whose saves cannot be read', () => {
    const { correlator, onLoss } = setup();
    correlator.pageShowedLoss(observed({ crm: 'custom' }), false);
    expect(onLoss).toHaveBeenCalledOnce();
    expect(onLoss.mock.calls[0]![0]).toMatchObject({ crm: 'custom', dealId: '42' });
  });
});

describe('an observation reported before its save was sent (a form submit)', () => {
  it('is confirmed only by a later save, never by an earlier save of the same deal', () => {
    const losses: unknown[] = [];
    let now = 1_000;
    const correlator = new LossCorrelator(
      (loss) => losses.push(loss),
      () => now,
    );
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
      type: 'loss/observed' as const,
      crm: 'salesforce',
      dealId: '006A',
      dealUrl: 'https://acme.my.salesforce.com/006A/e',
      stageBefore: 'Proposal',
      stageAfter: 'Closed Lost',
      deal: { dealName: 'Acme' },
      tabId: 1,
      beforeSave: true,
    };
    correlator.pageShowedLoss(observed);
    expect(losses).toHaveLength(0);
    now += 1_000;
    correlator.saveConfirmed(save);
    expect(losses).toHaveLength(1);
  });
});

describe('wins (result: won)', () => {
  const won = (overrides: Partial<ObservedInTab> = {}) =>
    observed({ result: 'won', stageAfter: 'Closed won', ...overrides });
  const wonSave = (overrides: Partial<SaveConfirmed> = {}) =>
    saved({ stageValue: 'closedwon', lost: false, ...overrides });

  function setupWins() {
    let time = 1_000_000;
    const onLoss = vi.fn<(loss: ObservedInTab) => void>();
    const onWin = vi.fn<(win: ObservedInTab) => void>();
    const correlator = new LossCorrelator(onLoss, () => time, CORRELATION_WINDOW_MS, onWin);
    return { correlator, onLoss, onWin, advance: (ms: number) => void (time += ms) };
  }

  it.each([
    ['the page change first', true],
    ['the save first', false],
  ])('reports one win, and no loss, with %s', (_what, pageFirst) => {
    const { correlator, onLoss, onWin } = setupWins();
    if (pageFirst) correlator.pageShowedLoss(won());
    correlator.saveConfirmed(wonSave());
    if (!pageFirst) correlator.pageShowedLoss(won());
    correlator.saveConfirmed(wonSave());
    expect(onWin).toHaveBeenCalledOnce();
    expect(onWin.mock.calls[0]![0]).toMatchObject({ dealId: '42', result: 'won' });
    expect(onLoss).not.toHaveBeenCalled();
  });

  it('confirms a win on a custom stage (lost unknown from its id) by the page label', () => {
    const { correlator, onLoss, onWin } = setupWins();
    correlator.pageShowedLoss(won());
    correlator.saveConfirmed(saved({ stageValue: '1029386', lost: undefined }));
    expect(onWin).toHaveBeenCalledOnce();
    expect(onLoss).not.toHaveBeenCalled();
  });

  it.each([
    ['the page change first', true],
    ['the save first', false],
  ])('never confirms a win with a save that says lost (%s)', (_what, pageFirst) => {
    const { correlator, onLoss, onWin } = setupWins();
    if (pageFirst) correlator.pageShowedLoss(won());
    correlator.saveConfirmed(saved({ lost: true }));
    if (!pageFirst) correlator.pageShowedLoss(won());
    expect(onWin).not.toHaveBeenCalled();
    expect(onLoss).not.toHaveBeenCalled();
  });

  it('reports nothing for a won page change whose save never came (refused)', () => {
    const { correlator, onLoss, onWin, advance } = setupWins();
    correlator.pageShowedLoss(won());
    advance(CORRELATION_WINDOW_MS + 1);
    correlator.saveConfirmed(wonSave());
    expect(onWin).not.toHaveBeenCalled();
    expect(onLoss).not.toHaveBeenCalled();
  });

  it('keeps a won save from swallowing a real loss right after (won, reopened, lost)', () => {
    const { correlator, onLoss, onWin } = setupWins();
    correlator.saveConfirmed(wonSave());
    correlator.pageShowedLoss(observed());
    expect(onLoss).not.toHaveBeenCalled();
    correlator.saveConfirmed(saved());
    expect(onLoss).toHaveBeenCalledOnce();
    expect(onWin).not.toHaveBeenCalled();
  });

  it('keeps a lost save for its loss when a win of the same deal is reported first', () => {
    const { correlator, onLoss, onWin } = setupWins();
    correlator.saveConfirmed(saved({ lost: true }));
    correlator.pageShowedLoss(won());
    correlator.pageShowedLoss(observed());
    expect(onLoss).toHaveBeenCalledOnce();
    expect(onWin).not.toHaveBeenCalled();
  });

  it('sends a win from a CRM whose saves cannot be read to onWin, never onLoss', () => {
    const { correlator, onLoss, onWin } = setupWins();
    correlator.pageShowedLoss(won({ crm: 'custom' }), false);
    expect(onWin).toHaveBeenCalledOnce();
    expect(onLoss).not.toHaveBeenCalled();
  });

  it('ignores wins without an onWin handler', () => {
    const { correlator, onLoss } = setup();
    correlator.pageShowedLoss(won());
    correlator.saveConfirmed(wonSave());
    expect(onLoss).not.toHaveBeenCalled();
  });
});
