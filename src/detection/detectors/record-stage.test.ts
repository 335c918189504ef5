import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lostMatcher, wonMatcher } from '../../settings/stage-labels';
import type { DetectorEnv, NamedSelector } from '../types';
import { detectorEnv } from './detector-env.test-helper';
import { HEALTH_GRACE_MS, recordStage } from './record-stage';
import { settle, showStage } from '../settle.test-helper';

const STAGE: NamedSelector = { name: 'stage field', css: ['.stage'] };

describe('recordStage', () => {
  let armed: ReturnType<typeof detectorEnv>;
  let report: ReturnType<typeof detectorEnv>['report'];
  let health: ReturnType<typeof detectorEnv>['health'];

  beforeEach(() => {
    document.title = 'Acme renewal | CRM';
  });
  afterEach(() => {
    armed?.abort();
    document.body.replaceChildren();
  });

  function arm(options: Partial<DetectorEnv> & { settleMs?: number } = {}) {
    const { settleMs, ...env } = options;
    armed = detectorEnv(env);
    ({ report, health } = armed);
    recordStage({
      stage: STAGE,
      readDeal: (root) => ({
        dealName: root.title,
        stage: root.querySelector('.stage')?.textContent ?? undefined,
      }),
      settleMs,
    })(armed.env);
  }

  it('does not report a deal that loads already lost', async () => {
    showStage('Closed lost');
    arm();
    showStage('Closed lost');
    document.body.append(document.createElement('p'));
    await settle();
    expect(report).not.toHaveBeenCalled();
  });

  it('reports an open stage turning lost, with the deal as the page shows it then', async () => {
    showStage('Contract sent');
    arm();
    showStage('Closed lost');
    await settle();
    expect(report).toHaveBeenCalledExactlyOnceWith({
      dealId: '42',
      outcome: 'lost',
      stageBefore: 'Contract sent',
      stageAfter: 'Closed lost',
      deal: { dealName: 'Acme renewal | CRM', stage: 'Closed lost' },
    });
  });

  it('takes changes before baselineUntil as the new page rendering, not as a loss', async () => {
    // Right after an in-app navigation the previous deal may still be on screen.
    showStage('Contract sent');
    arm({ baselineUntil: Date.now() + 60_000 });
    showStage('Closed lost');
    await settle();
    expect(report).not.toHaveBeenCalled();
  });

  it('reports the text node itself being edited', async () => {
    showStage('Contract sent');
    arm();
    document.querySelector('.stage')!.firstChild!.nodeValue = 'Closed-Lost to Competition';
    await settle();
    expect(report).toHaveBeenCalledOnce();
    expect(report.mock.calls[0]![0]).toMatchObject({ stageAfter: 'Closed-Lost to Competition' });
  });

  it.each([
    ['open to won', 'Contract sent', 'Closed won'],
    ['open to open', 'Qualified to buy', 'Contract sent'],
    ['lost to another lost', 'Closed lost', 'Lost'],
  ])('reports nothing for %s', async (_what, before, after) => {
    showStage(before);
    arm();
    showStage(after);
    await settle();
    expect(report).not.toHaveBeenCalled();
  });

  describe('when wins are looked for (the user turned on "what worked")', () => {
    it('reports an open stage turning won, marked as a win', async () => {
      showStage('Contract sent');
      arm({ isWon: wonMatcher() });
      showStage('Closed won');
      await settle();
      expect(report).toHaveBeenCalledExactlyOnceWith({
        dealId: '42',
        outcome: 'won',
        stageBefore: 'Contract sent',
        stageAfter: 'Closed won',
        deal: { dealName: 'Acme renewal | CRM', stage: 'Closed won' },
      });
    });

    it('still reports a loss as a loss (no result field, as before)', async () => {
      showStage('Contract sent');
      arm({ isWon: wonMatcher() });
      showStage('Closed lost');
      await settle();
      expect(report).toHaveBeenCalledOnce();
      expect(report.mock.calls[0]![0]).not.toHaveProperty('result');
    });

    it.each([
      ['a deal that loads won', 'Closed won', 'Closed won'],
      ['won to another won label', 'Closed won', 'Gewonnen'],
      ['open to open', 'Qualified to buy', 'Contract sent'],
    ])('reports nothing for %s', async (_what, before, after) => {
      showStage(before);
      arm({ isWon: wonMatcher() });
      showStage(after);
      await settle();
      expect(report).not.toHaveBeenCalled();
    });

    it('takes a label both lists match as lost, never as a win', async () => {
      showStage('Contract sent');
      arm({ isLost: lostMatcher(['/closed/i']), isWon: wonMatcher() });
      showStage('Closed won');
      await settle();
      expect(report).toHaveBeenCalledOnce();
      expect(report.mock.calls[0]![0]).not.toHaveProperty('result');
    });
  });

  it('compares each change with the stage shown just before it', async () => {
    showStage('Closed lost');
    arm();
    showStage('Contract sent'); // re-opened
    await settle();
    showStage('Closed lost');
    await settle();
    expect(report).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ stageBefore: 'Contract sent', stageAfter: 'Closed lost' }),
    );
  });

  it('does not count a stage that is briefly missing as a change', async () => {
    showStage('Closed lost');
    arm();
    showStage(undefined);
    await settle();
    showStage('Closed lost');
    await settle();
    expect(report).not.toHaveBeenCalled();
  });

  it('compares with the last stage shown when the element comes back changed', async () => {
    showStage('Contract sent');
    arm();
    showStage(undefined);
    await settle();
    showStage('Closed lost');
    await settle();
    expect(report).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ stageBefore: 'Contract sent', stageAfter: 'Closed lost' }),
    );
  });

  it('takes a stage that appears only after load as the baseline', async () => {
    arm();
    showStage('Closed lost');
    await settle();
    expect(report).not.toHaveBeenCalled();
  });

  it('reports a native select the user changes', async () => {
    const select = document.body.appendChild(document.createElement('select'));
    select.className = 'stage';
    for (const label of ['Contract sent', 'Closed lost']) {
      select.append(Object.assign(document.createElement('option'), { textContent: label }));
    }
    arm();
    // The attribute only keeps happy-dom's selectedOptions fresh; the observer ignores attributes,
    // so the change event is what tells.
    select.options[1]!.setAttribute('selected', '');
    select.selectedIndex = 1;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(report).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ stageBefore: 'Contract sent', stageAfter: 'Closed lost' }),
    );
  });

  it('sees a stage rendered inside a shadow root', async () => {
    const shadow = document.body
      .appendChild(document.createElement('record-layout'))
      .attachShadow({ mode: 'open' });
    const stage = shadow.appendChild(document.createElement('span'));
    stage.className = 'stage';
    stage.textContent = 'Negotiation';
    arm();
    stage.textContent = 'Closed Lost';
    await settle();
    expect(report).toHaveBeenCalledOnce();
  });

  it("counts the user's own lost labels instead of the defaults", async () => {
    showStage('Negotiation');
    arm({ isLost: lostMatcher(['Churned']) });
    showStage('Closed lost');
    await settle();
    expect(report).not.toHaveBeenCalled();
    showStage('Churned');
    await settle();
    expect(report).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ stageBefore: 'Closed lost', stageAfter: 'Churned' }),
    );
  });

  it('does nothing on pages that are not a deal record', async () => {
    showStage('Contract sent');
    arm({ page: { kind: 'board' } });
    showStage('Closed lost');
    await settle();
    expect(report).not.toHaveBeenCalled();
  });

  it('stops reporting once aborted', async () => {
    showStage('Contract sent');
    arm();
    armed.abort();
    showStage('Closed lost');
    await settle();
    expect(report).not.toHaveBeenCalled();
  });

  describe('with fake timers', () => {
    // Animation frames too (happy-dom runs them on the real setImmediate): 16 ms apart.
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
    afterEach(() => void vi.useRealTimers());
    /** observeDeep checks once per animation frame: 16 ms apart under fake timers. */
    const FRAME_MS = 16;
    const flush = () => vi.advanceTimersByTimeAsync(FRAME_MS);

    it('waits for a lost stage to settle, and ignores one that is taken back', async () => {
      showStage('Contract sent');
      arm({ settleMs: 1000 });
      showStage('Closed lost');
      await flush();
      await vi.advanceTimersByTimeAsync(500);
      showStage('Contract sent'); // the save was refused: the board moved the card back
      await vi.advanceTimersByTimeAsync(1000);
      expect(report).not.toHaveBeenCalled();

      // The lost stage is seen within a frame of showing; it must then hold for 1000 ms.
      showStage('Closed lost');
      await vi.advanceTimersByTimeAsync(1000 - FRAME_MS);
      expect(report).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(2 * FRAME_MS);
      expect(report).toHaveBeenCalledOnce();
    });

    it('says the stage is missing when it has not appeared after the grace period', async () => {
      arm();
      await vi.advanceTimersByTimeAsync(HEALTH_GRACE_MS - 1);
      expect(health).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(health).toHaveBeenCalledExactlyOnceWith('stage field');
      showStage('Contract sent');
      await flush();
      expect(health).toHaveBeenLastCalledWith(undefined);
    });

    it('never calls the stage missing when it shows within the grace period', async () => {
      arm();
      // Shown a frame before the grace period ends: the check of that frame comes in time.
      await vi.advanceTimersByTimeAsync(HEALTH_GRACE_MS - 50);
      showStage('Contract sent');
      await vi.advanceTimersByTimeAsync(HEALTH_GRACE_MS * 2);
      expect(health).not.toHaveBeenCalledWith('stage field');
    });

    it('says nothing about health when the stage is there from the start', async () => {
      showStage('Contract sent');
      arm();
      await vi.advanceTimersByTimeAsync(HEALTH_GRACE_MS * 2);
      expect(health).not.toHaveBeenCalled();
    });
  });
});
