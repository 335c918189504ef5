import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DetectionEntry } from '../detection/log';
import type { TabHealth } from '../messaging/messages';
import { crmHealth, DetectionLogView, exportDetectionLog, LOG_SHOWN } from './DetectionLogView';
import { downloadText } from './download';

vi.mock('./download', () => ({ downloadText: vi.fn() }));

afterEach(() => {
  cleanup();
  vi.mocked(downloadText).mockClear();
});

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-03-20T12:00:00Z');
const HOSTILE = '<img src=x onerror=alert(1)>';

const LOG: DetectionEntry[] = [
  {
    at: NOW - 3000,
    kind: 'page',
    crm: 'hubspot',
    dealId: '77',
    stageBefore: 'Contract sent',
    stageAfter: 'Closed lost',
  },
  {
    at: NOW - 2000,
    kind: 'save',
    crm: 'hubspot',
    dealId: '77',
    stageValue: 'closedlost',
    lost: true,
    status: 200,
  },
  {
    at: NOW - 1000,
    kind: 'decision',
    crm: 'hubspot',
    dealId: '77',
    decision: 'prompted',
    evidence: 'save + page',
    deal: { dealName: HOSTILE, amount: 48_000, company: 'Acme Corp' },
  },
  {
    at: NOW - 500,
    kind: 'decision',
    crm: 'zoho',
    dealId: '5',
    decision: 'refused-save',
    status: 400,
  },
];

function setup(log = LOG, health: TabHealth[] = []) {
  const onExport = vi.fn<() => void>();
  const onClear = vi.fn<() => Promise<void>>(() => Promise.resolve());
  render(
    <DetectionLogView log={log} health={health} now={NOW} onExport={onExport} onClear={onClear} />,
  );
  return { onExport, onClear };
}

describe('DetectionLogView', () => {
  it('lists the entries newest first, in words, with the CRM and the deal', () => {
    setup();
    const entries = screen.getAllByTestId('log-entry');
    expect(entries).toHaveLength(4);
    expect(entries[0]!.textContent).toContain('Zoho CRM');
    expect(entries[0]!.textContent).toContain(
      'Not prompted: the CRM refused the save (answered 400).',
    );
    expect(entries[1]!.textContent).toContain(
      "Prompted, on the evidence of the CRM's save and the page.",
    );
    expect(entries[3]!.textContent).toContain('“Contract sent” to “Closed lost”');
    // The page and save entries are named by the deal their decision named.
    for (const entry of entries.slice(1)) expect(entry.textContent).toContain(HOSTILE);
  });

  it('names a deal the log does not name from the deals seen', () => {
    render(
      <DetectionLogView
        log={LOG}
        health={[]}
        dealNames={new Map([['zoho:5', 'Globex — Pilot']])}
        now={NOW}
        onExport={() => undefined}
        onClear={() => Promise.resolve()}
      />,
    );
    expect(screen.getAllByTestId('log-entry')[0]!.textContent).toContain('Globex — Pilot');
  });

  it('marks each decision prompted or not', () => {
    setup();
    const [refused, prompted] = screen.getAllByTestId('log-entry');
    expect(within(prompted!).getByText('Prompted')).toBeTruthy();
    expect(within(refused!).getByText('Not prompted')).toBeTruthy();
    expect(prompted!.className).toContain('log-prompted');
  });

  it('shows what an open deal was offered as its own kind of entry, counted in no CRM’s week', () => {
    const similar: DetectionEntry = {
      at: NOW - 100,
      kind: 'similar',
      crm: 'hubspot',
      dealId: '78',
      similar: 'found',
      matches: 2,
      why: ['same company', 'lost at Proposal twice'],
    };
    setup([...LOG, similar]);
    const [entry] = screen.getAllByTestId('log-entry');
    expect(within(entry!).getByText('Similar lessons')).toBeTruthy();
    expect(entry!.textContent).toContain(
      'Similar lessons: 2 (same company, lost at Proposal twice)',
    );
    // It is activity (the CRM moves up), not a decision about a loss.
    const hubspot = (log: DetectionEntry[]) =>
      crmHealth(log, [], NOW).find((c) => c.crm === 'hubspot');
    expect(hubspot([...LOG, similar])).toEqual(hubspot(LOG));
  });

  it('shows a deal name from the page as text, never as HTML', () => {
    setup();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getAllByText(HOSTILE).length).toBeGreaterThan(0);
  });

  it('gives each CRM a line: its last decision, the week’s counts, the latest missing element', () => {
    setup(LOG, [
      {
        crm: 'hubspot',
        url: 'https://app.hubspot.com/x',
        missing: 'stage field',
        tabId: 3,
        at: NOW - 100,
      },
      { crm: 'zoho', url: 'https://crm.zoho.com/x', tabId: 4, at: NOW - 100 },
    ]);
    const [zoho, hubspot] = screen.getAllByTestId('crm-health');
    expect(hubspot!.textContent).toContain('HubSpot');
    expect(hubspot!.textContent).toContain('1 prompted, 0 not prompted');
    expect(hubspot!.textContent).toContain('stage field not found on a page');
    expect(zoho!.textContent).toContain('0 prompted, 1 not prompted');
    expect(zoho!.textContent).not.toContain('not found');
  });

  it('says when the log is empty', () => {
    setup([]);
    expect(screen.getByText(/Nothing yet/)).toBeTruthy();
    expect(screen.queryByTestId('crm-health')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Export for a bug report' })).toBeNull();
  });

  it('names what a CRM page lacked even before the log has anything of that CRM', () => {
    setup(
      [],
      [
        {
          crm: 'hubspot',
          url: 'https://app.hubspot.com/x',
          missing: 'stage field',
          tabId: 3,
          at: NOW,
        },
      ],
    );
    expect(screen.getByTestId('crm-health').textContent).toContain(
      'HubSpot seen, nothing decided yet.Last problem: stage field not found on a page',
    );
    expect(screen.getByText(/Nothing yet/)).toBeTruthy();
  });

  it('shows the latest entries, and all of them on request', () => {
    const many = Array.from({ length: LOG_SHOWN + 5 }, (_, i): DetectionEntry => ({
      at: NOW - DAY + i,
      kind: 'decision',
      crm: 'hubspot',
      dealId: String(i),
      decision: 'duplicate',
    }));
    setup(many);
    expect(screen.getAllByTestId('log-entry')).toHaveLength(LOG_SHOWN);
    fireEvent.click(screen.getByRole('button', { name: `Show all ${LOG_SHOWN + 5}` }));
    expect(screen.getAllByTestId('log-entry')).toHaveLength(LOG_SHOWN + 5);
  });

  it('clears the log only once the user confirms', async () => {
    const { onClear } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Clear the log' }));
    expect(onClear).not.toHaveBeenCalled();
    const dialog = screen.getByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Clear' }));
    expect(onClear).toHaveBeenCalledOnce();
  });

  it('exports on request', () => {
    const { onExport } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Export for a bug report' }));
    expect(onExport).toHaveBeenCalledOnce();
  });
});

describe('exportDetectionLog', () => {
  it('downloads the log redacted: no deal names, amounts, companies or record ids', () => {
    exportDetectionLog(LOG, NOW);
    const [filename, text, type] = vi.mocked(downloadText).mock.calls[0]!;
    expect(filename).toBe('rebound-detection-log-2026-03-20.json');
    expect(type).toBe('application/json');
    for (const secret of [HOSTILE, 'Acme Corp', '48000', '"77"'])
      expect(text).not.toContain(secret);
    const exported = JSON.parse(text) as DetectionEntry[];
    expect(exported).toHaveLength(4);
    expect(exported[2]).toMatchObject({
      decision: 'prompted',
      dealId: 'deal-1',
      deal: { dealName: '[redacted]' },
    });
    expect(exported[3]).toMatchObject({ crm: 'zoho', dealId: 'deal-2', status: 400 });
  });
});

describe('crmHealth', () => {
  it('counts only the last 7 days, and keeps the last decision time however old', () => {
    const old: DetectionEntry = {
      at: NOW - 8 * DAY,
      kind: 'decision',
      crm: 'hubspot',
      dealId: '1',
      decision: 'prompted',
    };
    expect(crmHealth([old], [], NOW)).toEqual([
      { crm: 'hubspot', lastDecision: NOW - 8 * DAY, prompted: 0, notPrompted: 0 },
    ]);
  });
});
