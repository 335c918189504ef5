// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReboundDatabase } from '../db/database';
import { claimPrompt, promptKey, setPromptStatus } from '../db/prompts';
import { claimWinPrompt } from '../db/wins';
import { CORRELATION_WINDOW_MS, PAGE_GRACE_MS, type ObservedInTab } from '../detection/correlator';
import type { Decision, DetectionEntry } from '../detection/log';
import { observeStageSaves, type SaveAnswered } from '../detection/network-observer';
import type { PageRead, ToContent } from '../messaging/messages';
import type { AskSettings } from '../settings/schema';
import { askItem, lostLabelsItem } from '../settings/store';
import { BULK_WINDOW_MS, PENDING_MS, startLossDetection, type LossFlowOptions } from './loss-flow';
import { createTabHealth } from './tab-health';
import { BOARD_SETTLE_MS } from '../crm/hubspot';

// The CRM's requests are fed in as the network observer reports them (its own test covers how
// it reads webRequest); everything else is the real flow: correlator, database, settings.
vi.mock('../detection/network-observer', () => ({ observeStageSaves: vi.fn() }));

const TAB = 7;
const NOW = new Date(2026, 2, 20, 12, 0, 0);
const DAY = 24 * 60 * 60 * 1000;
const dealUrl = (dealId: string) => `https://app.hubspot.com/contacts/1/record/0-3/${dealId}`;

let db: ReboundDatabase;
beforeEach(() => {
  fakeBrowser.reset();
  // IndexedDB (fake-indexeddb) runs on the real setImmediate: only the flow's own timers and
  // the clock are moved by hand.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: NOW });
  db = new ReboundDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await db.delete();
});

/** What the CRM tab does when the background sends it something. */
type TabScript = {
  /** Its answer to `page/read`; undefined: no content script answers (navigating, closed). */
  read?: (
    message: Extract<ToContent, { type: 'page/read' }>,
    attempt: number,
  ) => PageRead | undefined;
  /** Whether a content script takes `prompt/open` and `win/open` (false: the tab is loading). */
  takesPrompts?: boolean;
};

const pageShows = (deal: Partial<PageRead['deal']> = {}, more: Partial<PageRead> = {}) =>
  ((message) => ({
    dealUrl: dealUrl(message.dealId),
    deal: { dealName: 'Acme renewal', ...deal },
    ...more,
  })) satisfies TabScript['read'];

/** What a test changes of the settings the flow reads: when Rebound asks, and the lost labels. */
type Settings = Partial<AskSettings> & { lostLabels?: string[] };

async function saveSettings({ lostLabels, ...ask }: Settings) {
  await askItem.update((current) => ({ ...current, ...ask }));
  if (lostLabels) await lostLabelsItem.update(() => lostLabels);
}

/**
 * The loss flow with fake CRM tabs and a detection log kept in memory. `saved` is the CRM's
 * save answered with `status`, `reported` a detector's page report; `decided` waits for the
 * decision words logged (a bounded poll, never a sleep), `shown` is what the tab was sent.
 */
async function start(
  settings: Settings = {},
  tab: TabScript = { read: pageShows() },
  options: LossFlowOptions = {},
) {
  await saveSettings(settings);
  const entries: Omit<DetectionEntry, 'at'>[] = [];
  const sent: { tabId: number; message: ToContent }[] = [];
  const reads = new Map<string, number>();
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (
    tabId: number,
    message: ToContent,
  ) => {
    sent.push({ tabId, message });
    const noReceiver = new Error('Could not establish connection. Receiving end does not exist.');
    if (message.type === 'page/read') {
      const attempt = (reads.get(message.dealId) ?? 0) + 1;
      reads.set(message.dealId, attempt);
      const read = tab.read?.(message, attempt);
      if (!read) throw noReceiver;
      return { ok: true, data: read };
    }
    if (tab.takesPrompts === false) throw noReceiver;
    return { ok: true };
  }) as never);
  const health = createTabHealth();
  const flow = startLossDetection(
    db,
    { add: (entry) => void entries.push(entry), clear: async () => {} },
    health,
    options,
  );
  const { onConfirmed, onRefused } = vi.mocked(observeStageSaves).mock.lastCall![1];
  // The flow reads the user's lost labels as it starts (storage answers within microtasks).
  await new Promise((resolve) => setImmediate(resolve));

  const decisionsOf = (dealId?: string) =>
    entries
      .filter((e) => e.kind === 'decision' && (dealId === undefined || e.dealId === dealId))
      .map((e) => e.decision!);
  return {
    flow,
    health,
    entries,
    sent,
    /** The `type` of every message sent to a tab but the page reads: what the user would see. */
    shown: (dealId?: string) =>
      sent
        .map(({ message }) => message)
        .filter((m) => m.type === 'prompt/open' || m.type === 'win/open')
        .filter((m) => dealId === undefined || ('loss' in m ? m.loss : m.win).dealId === dealId),
    reads: (dealId = '42') => reads.get(dealId) ?? 0,
    saved(save: Partial<SaveAnswered> = {}) {
      const answered: SaveAnswered = {
        crm: 'hubspot',
        dealId: '42',
        tabId: TAB,
        stageValue: 'closedlost',
        lost: true,
        status: 200,
        sentAt: Date.now(),
        ...save,
      };
      // As the network observer routes them: 2xx is confirmed, anything else refused.
      if (answered.status >= 200 && answered.status <= 299) onConfirmed(answered);
      else onRefused!(answered);
    },
    reported(page: Partial<ObservedInTab> = {}) {
      flow.observed({
        type: 'outcome/observed',
        outcome: 'lost',
        crm: 'hubspot',
        dealId: page.dealId ?? '42',
        dealUrl: dealUrl(page.dealId ?? '42'),
        stageBefore: 'Contract sent',
        stageAfter: 'Closed lost',
        deal: { dealName: 'Acme renewal' },
        tabId: TAB,
        ...page,
      });
    },
    decisionsOf,
    /** Waits (a bounded poll on the database's real ticks) for `count` decisions of the deal. */
    async decided(count = 1, dealId = '42'): Promise<Decision[]> {
      for (let tick = 0; tick < 2000 && decisionsOf(dealId).length < count; tick++) {
        await new Promise((resolve) => setImmediate(resolve));
      }
      const found = decisionsOf(dealId);
      if (found.length < count) {
        throw new Error(
          `${count} decision(s) of deal ${dealId} expected: ${JSON.stringify(entries)}`,
        );
      }
      return found;
    },
  };
}

/** Moves the clock past the page-report grace: a save with no report is acted on alone. */
const graceOver = () => vi.advanceTimersByTimeAsync(PAGE_GRACE_MS);
/** Moves the clock past the correlation window: whatever nothing confirmed expires. */
const windowOver = () => vi.advanceTimersByTimeAsync(CORRELATION_WINDOW_MS + 1);

/** Prompt records as other days, tabs and CRMs left them (claimed at `at`). */
async function prompted(dealId: string, at: Date, status?: 'skipped', crm = 'hubspot') {
  const lossId = crypto.randomUUID();
  await claimPrompt(db, { lossId, crm, dealId }, at);
  if (status) await setPromptStatus(db, lossId, status);
}

describe('startLossDetection: the decision matrix', () => {
  // A row per save and page: what the flow logs when the CRM accepted the save (2xx), when it
  // refused it (4xx, 5xx), and when it answered 2xx but that is no proof (Salesforce's aura,
  // a Dynamics $batch, Zoho). "a loss" and "a win" are then decided by the gates below.
  type Confirmed = 'a loss' | 'a win';
  type Verdict = (Decision | Confirmed)[];
  type Row = {
    save: Partial<SaveAnswered>;
    /** The lost label the tab says it shows now, when the background asks. */
    lossShown?: string;
    /** A detector's report of the page, before the save's answer. */
    report?: Partial<ObservedInTab>;
    ok: Verdict;
    refused: Verdict;
    noProof: Verdict;
  };
  const rows = {
    'closedlost, the page not showing it': {
      save: { stageValue: 'closedlost', lost: true },
      ok: ['a loss'],
      refused: ['refused-save'],
      noProof: ['no-page-evidence'],
    },
    'closedlost, the page showing it': {
      save: { stageValue: 'closedlost', lost: true },
      lossShown: 'Closed lost',
      ok: ['a loss'],
      refused: ['refused-save'],
      noProof: ['a loss'],
    },
    'closedlost, the detector reporting it': {
      save: { stageValue: 'closedlost', lost: true },
      report: {},
      ok: ['a loss'],
      refused: ['refused-save', 'unconfirmed-page'],
      noProof: ['a loss'],
    },
    'closedlost after a click on "Lost", the page not showing it': {
      save: { stageValue: 'closedlost', lost: true },
      report: { intent: true },
      ok: ['a loss'],
      refused: ['refused-save', 'unconfirmed-page'],
      noProof: ['no-page-evidence', 'unconfirmed-page'],
    },
    'closedwon, the detector reporting a win': {
      save: { stageValue: 'closedwon', lost: false },
      report: { outcome: 'won', stageAfter: 'Closed won' },
      ok: ['not-lost', 'a win'],
      refused: ['refused-save', 'unconfirmed-page'],
      noProof: ['not-lost', 'a win'],
    },
    'contractsent (open)': {
      save: { stageValue: 'contractsent', lost: false },
      ok: ['not-lost'],
      refused: ['refused-save'],
      noProof: ['not-lost'],
    },
    'contractsent, the detector reporting a loss': {
      save: { stageValue: 'contractsent', lost: false },
      report: {},
      ok: ['not-lost'],
      refused: ['refused-save', 'unconfirmed-page'],
      noProof: ['not-lost'],
    },
    'a custom stage id, the page showing it lost': {
      save: { stageValue: '1234567', lost: undefined },
      lossShown: 'Lost to competitor',
      ok: ['a loss'],
      refused: ['refused-save'],
      noProof: ['a loss'],
    },
    'a custom stage id, the detector reporting a loss': {
      save: { stageValue: '1234567', lost: undefined },
      report: { stageAfter: 'Lost to competitor' },
      ok: ['a loss'],
      refused: ['refused-save', 'unconfirmed-page'],
      noProof: ['a loss'],
    },
    'a custom stage id, the page not showing it lost': {
      save: { stageValue: '1234567', lost: undefined },
      ok: ['no-page-evidence'],
      refused: ['refused-save'],
      noProof: ['no-page-evidence'],
    },
  } satisfies Record<string, Row>;
  const statuses = {
    '200': { answer: { status: 200 }, column: 'ok' },
    '204': { answer: { status: 204 }, column: 'ok' },
    '404': { answer: { status: 404 }, column: 'refused' },
    '409': { answer: { status: 409 }, column: 'refused' },
    '500': { answer: { status: 500 }, column: 'refused' },
    '503': { answer: { status: 503 }, column: 'refused' },
    '200 (no proof)': { answer: { status: 200, okStatusIsNotProof: true }, column: 'noProof' },
  } satisfies Record<string, { answer: Partial<SaveAnswered>; column: keyof Row }>;

  // The gates a loss or a win passes, in this order: below the minimum, already asked (or
  // skipped), today's limit. A win is asked about apart from losses: the minimum applies, the
  // loss prompts and the daily limit do not.
  const duplicates = {
    'new deal': async () => {},
    'asked 2 days ago': () => prompted('42', new Date(NOW.getTime() - 2 * DAY)),
    'skipped 40 days ago': () => prompted('42', new Date(NOW.getTime() - 40 * DAY), 'skipped'),
  } satisfies Record<string, () => Promise<void>>;
  const caps = {
    'under the daily limit': { dailyCap: 2 },
    'at the daily limit': { dailyCap: 1 },
  } satisfies Record<string, Settings>;
  const amounts = {
    'above the minimum': 5000,
    'below the minimum': 999,
    'amount unknown': undefined,
  } satisfies Record<string, number | undefined>;
  type Gates = {
    duplicate: keyof typeof duplicates;
    cap: keyof typeof caps;
    amount: keyof typeof amounts;
  };
  function gate(confirmed: Confirmed, { duplicate, cap, amount }: Gates): Decision {
    if (amount === 'below the minimum') return 'below-minimum';
    if (confirmed === 'a win') return 'won-asked';
    if (duplicate !== 'new deal') return 'duplicate';
    if (cap === 'at the daily limit') return 'daily-cap';
    return 'prompted';
  }

  type Cell = Gates & { status: keyof typeof statuses; row: keyof typeof rows };
  const keys = <T extends object>(table: T) => Object.keys(table) as (keyof T)[];
  const open: Gates = {
    duplicate: 'new deal',
    cap: 'under the daily limit',
    amount: 'above the minimum',
  };
  const shut: Gates = {
    duplicate: 'skipped 40 days ago',
    cap: 'at the daily limit',
    amount: 'below the minimum',
  };
  const everyGate = keys(duplicates).flatMap((duplicate) =>
    keys(caps).flatMap((cap) => keys(amounts).map((amount): Gates => ({ duplicate, cap, amount }))),
  );
  // Every row under every status, with the gates all open and all shut; then every state of
  // the gates for each way a loss or a win is confirmed (a cell in both is run once).
  const cells: Cell[] = [
    ...keys(statuses).flatMap((status) =>
      keys(rows).flatMap((row) => [
        { status, row, ...open },
        { status, row, ...shut },
      ]),
    ),
    ...(
      [
        ['200', 'closedlost, the page not showing it'],
        ['200 (no proof)', 'closedlost, the page showing it'],
        ['204', 'a custom stage id, the detector reporting a loss'],
        ['200', 'closedwon, the detector reporting a win'],
      ] as const
    ).flatMap(([status, row]) => everyGate.map((gates) => ({ status, row, ...gates }))),
  ];
  const expected = (cell: Cell) => {
    const verdict: Verdict = rows[cell.row][statuses[cell.status].column];
    const decisions = verdict.map((d) => (d === 'a loss' || d === 'a win' ? gate(d, cell) : d));
    const shows = decisions.flatMap((d) =>
      d === 'prompted' ? ['prompt/open'] : d === 'won-asked' ? ['win/open'] : [],
    );
    return { decisions, shows };
  };

  const named = new Map(
    cells.map((cell) => {
      const { decisions } = expected(cell);
      const gates = `${cell.duplicate}, ${cell.cap}, ${cell.amount}`;
      return [`${cell.status}: ${cell.row} (${gates}) → ${decisions.join(', ')}`, cell] as const;
    }),
  );

  it.each([...named])('%s', async (_name, cell) => {
    const row: Row = rows[cell.row];
    const amount = amounts[cell.amount];
    const want = expected(cell);
    await duplicates[cell.duplicate]();
    // Another deal asked about earlier today: the one prompt a limit of 1 allows.
    await prompted('7', new Date(NOW.getTime() - 60_000));
    const flow = await start(
      { ...caps[cell.cap], minAmount: 1000, captureWins: true },
      { read: pageShows({ amount }, { lossShown: row.lossShown }) },
    );
    if (row.report) flow.reported({ ...row.report, deal: { dealName: 'Acme', amount } });
    flow.saved({ ...statuses[cell.status].answer, ...row.save });
    await graceOver();
    // The window runs out only once the flow decided: a report waits no longer than its save.
    await flow.decided(1);
    await windowOver();
    expect(await flow.decided(want.decisions.length)).toEqual(want.decisions);
    expect(flow.shown('42').map((m) => m.type)).toEqual(want.shows);
  });

  it.each([400, 403, 409, 500, 503])('logs the status of a refused save (%i)', async (status) => {
    const flow = await start();
    flow.saved({ status });
    expect(await flow.decided()).toEqual(['refused-save']);
    expect(flow.entries.at(-1)).toMatchObject({ decision: 'refused-save', status });
  });

  it('holds a loss over the daily limit back as an unfinished reflection, not a lost one', async () => {
    await prompted('7', new Date(NOW.getTime() - 60_000));
    const flow = await start({ dailyCap: 1 });
    flow.saved();
    await graceOver();
    expect(await flow.decided()).toEqual(['daily-cap']);
    const record = await db.prompts.get(promptKey('hubspot', '42'));
    expect(record?.status).toBe('queued');
    expect((await db.drafts.get(record!.lossId))?.loss?.deal.dealName).toBe('Acme renewal');
  });

  it('counts only the prompts of today towards the limit', async () => {
    await prompted('7', new Date(NOW.getTime() - DAY));
    const flow = await start({ dailyCap: 1 });
    flow.saved();
    await graceOver();
    expect(await flow.decided()).toEqual(['prompted']);
  });

  it('asks again about a deal whose last prompt is older than the same-loss window', async () => {
    await prompted('42', new Date(NOW.getTime() - 31 * DAY));
    const flow = await start();
    flow.saved();
    await graceOver();
    expect(await flow.decided()).toEqual(['prompted']);
  });

  it('tells the same deal id on another CRM apart', async () => {
    await prompted('42', new Date(NOW.getTime() - DAY), undefined, 'pipedrive');
    const flow = await start();
    flow.saved();
    await graceOver();
    expect(await flow.decided()).toEqual(['prompted']);
  });

  it('asks once when the same loss is saved twice', async () => {
    const flow = await start();
    flow.saved();
    await graceOver();
    await flow.decided();
    flow.saved();
    await graceOver();
    expect(await flow.decided(2)).toEqual(['prompted', 'duplicate']);
    expect(flow.shown()).toHaveLength(1);
  });

  it('prompts at the minimum itself (only less is too small)', async () => {
    const flow = await start({ minAmount: 1000 }, { read: pageShows({ amount: 1000 }) });
    flow.saved();
    await graceOver();
    expect(await flow.decided()).toEqual(['prompted']);
  });

  it('asks about a win once, and not while wins are not asked about', async () => {
    const flow = await start();
    flow.reported({ outcome: 'won', stageAfter: 'Closed won' });
    flow.saved({ stageValue: 'closedwon', lost: false });
    expect(await flow.decided(2)).toEqual(['not-lost', 'won-off']);

    await saveSettings({ captureWins: true });
    await claimWinPrompt(db, {
      winId: crypto.randomUUID(),
      crm: 'hubspot',
      dealId: '43',
      dealUrl: dealUrl('43'),
      stageBefore: 'Contract sent',
      deal: { dealName: 'Acme renewal' },
    });
    flow.reported({ dealId: '43', outcome: 'won', stageAfter: 'Closed won' });
    flow.saved({ dealId: '43', stageValue: 'closedwon', lost: false });
    expect(await flow.decided(2, '43')).toEqual(['not-lost', 'won-duplicate']);
    expect(flow.shown()).toEqual([]);
  });

  it('keeps its own copy of the won deal it asks about, to build the win from', async () => {
    const flow = await start({ captureWins: true });
    flow.reported({ outcome: 'won', stageAfter: 'Closed won' });
    flow.saved({ stageValue: 'closedwon', lost: false });
    expect(await flow.decided(2)).toEqual(['not-lost', 'won-asked']);
    const [shown] = flow.shown();
    if (shown?.type !== 'win/open') throw new Error(`a win capture expected: ${String(shown)}`);
    expect(shown.win).toMatchObject({ dealId: '42', deal: { dealName: 'Acme renewal' } });
    expect(await db.winPrompts.get(promptKey('hubspot', '42'))).toMatchObject({
      winId: shown.win.winId,
      status: 'open',
      win: shown.win,
    });
  });
});

describe('startLossDetection: evidence and context', () => {
  it('prompts a loss the save alone proves with what the page shows, after the grace', async () => {
    const flow = await start({}, { read: pageShows({ amount: 5000, company: 'Acme Inc' }) });
    flow.saved();
    await vi.advanceTimersByTimeAsync(PAGE_GRACE_MS - 1);
    expect(flow.reads()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(await flow.decided()).toEqual(['prompted']);
    expect(flow.entries.at(-1)).toMatchObject({ evidence: 'save alone', tabId: TAB });
    const [prompt] = flow.shown();
    expect(prompt).toMatchObject({
      type: 'prompt/open',
      loss: { dealId: '42', deal: { dealName: 'Acme renewal', amount: 5000, company: 'Acme Inc' } },
    });
    expect(prompt?.type === 'prompt/open' && prompt.loss.askDeal).toBeUndefined();
    expect(flow.sent.every((s) => s.tabId === TAB)).toBe(true);
  });

  it('gives every prompted loss a draft at once', async () => {
    const flow = await start();
    flow.saved();
    await graceOver();
    await flow.decided();
    const [prompt] = flow.shown();
    const lossId = prompt?.type === 'prompt/open' ? prompt.loss.lossId : '';
    expect(await db.drafts.get(lossId)).toMatchObject({ loss: { dealId: '42' } });
  });

  it('pairs the detector report with the save at once, without waiting for the grace', async () => {
    const flow = await start();
    flow.reported({ deal: { dealName: 'From the page', amount: 10 } });
    flow.saved();
    expect(await flow.decided()).toEqual(['prompted']);
    expect(flow.entries.at(-1)).toMatchObject({ evidence: 'save + page' });
    expect(flow.shown()[0]).toMatchObject({ loss: { deal: { dealName: 'From the page' } } });
    expect(flow.reads()).toBe(0);
  });

  describe('when the page gives no context, the save alone still prompts', () => {
    it('asks the tab again while it loads its next page, and uses its answer', async () => {
      const flow = await start(
        {},
        { read: (message, attempt) => (attempt < 3 ? undefined : pageShows()(message)) },
      );
      flow.saved();
      await graceOver();
      expect(flow.reads()).toBe(1);
      await vi.advanceTimersByTimeAsync(500);
      expect(flow.reads()).toBe(2);
      await vi.advanceTimersByTimeAsync(500);
      expect(await flow.decided()).toEqual(['prompted']);
      expect(flow.reads()).toBe(3);
      expect(flow.shown()[0]).toMatchObject({ loss: { deal: { dealName: 'Acme renewal' } } });
    });

    it('gives up after six tries and asks the user for the deal name', async () => {
      const flow = await start({}, { read: () => undefined });
      flow.saved();
      await graceOver();
      await vi.advanceTimersByTimeAsync(5 * 500);
      expect(await flow.decided()).toEqual(['prompted']);
      expect(flow.reads()).toBe(6);
      expect(flow.shown()[0]).toMatchObject({
        loss: {
          deal: { dealName: 'HubSpot deal 42' },
          dealUrl: 'https://hubspot.invalid/',
          askDeal: true,
        },
      });
    });

    it("uses the tab's address when the tab is still there", async () => {
      const tab = await fakeBrowser.tabs.create({ url: dealUrl('42') });
      const flow = await start({}, { read: () => undefined });
      flow.saved({ tabId: tab.id! });
      await graceOver();
      await vi.advanceTimersByTimeAsync(5 * 500);
      await flow.decided();
      expect(flow.shown()[0]).toMatchObject({ loss: { dealUrl: dealUrl('42'), askDeal: true } });
    });

    it('takes an answer that does not parse as no answer (asked again, then without it)', async () => {
      const flow = await start({}, { read: () => ({ dealUrl: 'not a url' }) as never });
      flow.saved();
      await graceOver();
      await vi.advanceTimersByTimeAsync(5 * 500);
      expect(flow.reads()).toBe(6);
      expect(await flow.decided()).toEqual(['prompted']);
      expect(flow.shown()[0]).toMatchObject({ loss: { askDeal: true } });
    });
  });

  it("takes a save of one of the user's own lost labels as lost, kept current", async () => {
    const flow = await start({ lostLabels: ['Churned'] }, { read: pageShows() });
    flow.saved({ stageValue: 'Churned', lost: undefined });
    await graceOver();
    expect(await flow.decided()).toEqual(['prompted']);
    expect(flow.entries.find((e) => e.kind === 'save')).toMatchObject({ lost: true });

    await saveSettings({ lostLabels: ['Gone'] });
    // In other tabs, so neither is part of the first one's bulk change.
    flow.saved({ dealId: '43', tabId: 8, stageValue: 'Gone', lost: undefined });
    flow.saved({ dealId: '44', tabId: 9, stageValue: 'Churned', lost: undefined });
    await graceOver();
    expect(await flow.decided(1, '43')).toEqual(['prompted']);
    expect(await flow.decided(1, '44')).toEqual(['no-page-evidence']);
  });

  it('needs more than a page that loaded after the save: the user’s action before it', async () => {
    const loaded = pageShows({}, { lossShown: 'Closed Lost', loadedAfterSave: true });
    const flow = await start({}, { read: loaded });
    flow.saved({ stageValue: 'Closed Lost', lost: undefined, okStatusIsNotProof: true });
    await graceOver();
    expect(await flow.decided()).toEqual(['no-page-evidence']);

    // A submit of the edit form from an open stage, then the same save: the page counts.
    flow.reported({ dealId: '43', intent: true, beforeSave: true });
    flow.saved({
      dealId: '43',
      stageValue: 'Closed Lost',
      lost: undefined,
      okStatusIsNotProof: true,
    });
    await graceOver();
    expect(await flow.decided(1, '43')).toEqual(['prompted']);
    expect(flow.entries.find((e) => e.kind === 'page' && e.generic)).toMatchObject({
      dealId: '43',
    });
  });

  it('prompts a page alone on a CRM whose saves cannot be read (a user rule)', async () => {
    const flow = await start();
    flow.reported({ crm: 'custom-1', dealId: 'deal-9' });
    expect(await flow.decided(1, 'deal-9')).toEqual(['prompted']);
    expect(flow.entries.at(-1)).toMatchObject({ evidence: 'page alone' });
  });

  it('logs a report nothing confirmed once the window is over', async () => {
    const flow = await start();
    flow.reported();
    await vi.advanceTimersByTimeAsync(CORRELATION_WINDOW_MS);
    expect(flow.decisionsOf()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(await flow.decided()).toEqual(['unconfirmed-page']);
  });

  it('logs each save with its answer, and each page report', async () => {
    const flow = await start();
    flow.reported();
    flow.saved({ status: 204 });
    await flow.decided();
    expect(flow.entries.slice(0, 2)).toEqual([
      expect.objectContaining({ kind: 'page', generic: false, stageAfter: 'Closed lost' }),
      expect.objectContaining({ kind: 'save', status: 204, lost: true, stageValue: 'closedlost' }),
    ]);
  });
});

describe('startLossDetection: timing the caller may set', () => {
  it('honours a shorter correlation window', async () => {
    const flow = await start({}, undefined, { windowMs: 1000 });
    flow.reported();
    await vi.advanceTimersByTimeAsync(1000);
    expect(flow.decisionsOf()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(await flow.decided()).toEqual(['unconfirmed-page']);
  });

  it('honours a shorter grace', async () => {
    const flow = await start({}, undefined, { graceMs: 50 });
    flow.saved();
    await vi.advanceTimersByTimeAsync(49);
    expect(flow.reads()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(await flow.decided()).toEqual(['prompted']);
  });

  it('gives a save from a board tab the board’s settle time on top of the grace', async () => {
    const flow = await start();
    flow.health.report({
      tabId: TAB,
      crm: 'hubspot',
      url: 'https://app.hubspot.com/contacts/1/objects/0-3/views/all/board',
      at: Date.now(),
    });
    flow.saved();
    await vi.advanceTimersByTimeAsync(PAGE_GRACE_MS + BOARD_SETTLE_MS - 1);
    expect(flow.reads()).toBe(0);
    // The board's settled report within that time pairs with the save.
    flow.reported({ deal: { dealName: 'Card' } });
    expect(await flow.decided()).toEqual(['prompted']);
    expect(flow.entries.at(-1)).toMatchObject({ evidence: 'save + page' });
  });
});

describe('startLossDetection: bulk changes and waiting prompts', () => {
  it(`takes losses in one tab within ${BULK_WINDOW_MS} ms as one bulk change`, async () => {
    const flow = await start();
    for (const dealId of ['1', '2', '3']) {
      flow.reported({ dealId });
      flow.saved({ dealId });
      await flow.decided(1, dealId);
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(['1', '2', '3'].map((id) => flow.decisionsOf(id)[0])).toEqual([
      'prompted',
      'queued-bulk',
      'queued-bulk',
    ]);
    // Each is sent: the tab's queue shows them one at a time (mount-prompt.test.tsx).
    expect(flow.shown().map((m) => m.type)).toEqual(['prompt/open', 'prompt/open', 'prompt/open']);

    await vi.advanceTimersByTimeAsync(BULK_WINDOW_MS);
    flow.saved({ dealId: '4' });
    await graceOver();
    expect(await flow.decided(1, '4')).toEqual(['prompted']);
  });

  it('keeps bulk changes apart per tab', async () => {
    const flow = await start();
    flow.reported({ dealId: '1' });
    flow.saved({ dealId: '1' });
    await flow.decided(1, '1');
    flow.reported({ dealId: '2', tabId: 8 });
    flow.saved({ dealId: '2', tabId: 8 });
    expect(await flow.decided(1, '2')).toEqual(['prompted']);
  });

  it('keeps a prompt for a tab that is loading, taken once by its next page', async () => {
    const flow = await start({}, { read: pageShows(), takesPrompts: false });
    flow.saved();
    await graceOver();
    expect(await flow.decided()).toEqual(['prompt-waiting']);
    const waiting = flow.flow.takePending(TAB);
    expect(waiting).toMatchObject({ type: 'prompt/open', loss: { dealId: '42' } });
    expect(flow.flow.takePending(TAB)).toBeUndefined();
    expect(flow.flow.takePending(TAB + 1)).toBeUndefined();
  });

  it(`drops a waiting prompt after ${PENDING_MS / 1000} s (its draft stays in the popup)`, async () => {
    const flow = await start({}, { read: pageShows(), takesPrompts: false });
    flow.saved();
    await graceOver();
    await flow.decided();
    await vi.advanceTimersByTimeAsync(PENDING_MS);
    expect(flow.flow.takePending(TAB)).toBeUndefined();
    expect(await db.drafts.count()).toBe(1);
  });
});
