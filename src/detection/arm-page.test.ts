import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hubspot } from '../crm/hubspot';
import { isLostLabel } from '../settings/stage-labels';
import { OutcomeObservedSchema, type Health, type OutcomeObserved } from '../messaging/messages';
import { armPage } from './arm-page';
import { createSettling } from './settling';
import { settle } from './settle.test-helper';

const FIXTURE = readFileSync(
  resolve(import.meta.dirname, '../../tests/fixtures/hubspot/deal-record.html'),
  'utf8',
);
const DEAL_URL = 'https://app.hubspot.com/contacts/123456/record/0-3/987654';

/** The sandbox record page in this document, without its script, showing one deal. */
function loadRecordPage(stage: string) {
  const page = new DOMParser().parseFromString(FIXTURE, 'text/html');
  page.querySelectorAll('script').forEach((script) => script.remove());
  document.body.replaceChildren(...[...page.body.childNodes].map((n) => document.adoptNode(n)));
  document.title = 'Acme Corp — Platform renewal | HubSpot';
  const set = (selector: string, text: string) => {
    document.querySelector(selector)!.textContent = text;
  };
  set('[data-selenium-test="highlightTitle"]', 'Acme Corp — Platform renewal');
  set('[data-selenium-test="property-input-amount"]', '$48,000.00');
  set('[data-selenium-test="property-input-pipeline"]', 'Sales Pipeline');
  set('[data-test-id="association-name"]', 'Acme Corp');
  showStage(stage);
}

/** What the page does once HubSpot accepted a new stage. */
function showStage(label: string) {
  document.querySelector('[data-test-id="dropdown-toggle-text"]')!.textContent = label;
}

describe('armPage with the HubSpot adapter', () => {
  let controller: AbortController;
  let report: ReturnType<typeof vi.fn<(observed: OutcomeObserved) => void>>;
  let health: ReturnType<typeof vi.fn<(health: Health) => void>>;

  beforeEach(() => {
    controller = new AbortController();
    report = vi.fn();
    health = vi.fn();
  });
  afterEach(() => {
    controller.abort();
    document.body.replaceChildren();
  });

  const arm = (href: string, baselineMs = 0) =>
    armPage({
      adapter: hubspot,
      url: new URL(href),
      root: document,
      signal: controller.signal,
      baselineMs,
      settling: createSettling(),
      isLost: isLostLabel,
      isWon: () => false,
      report,
      health,
    });

  it.each([DEAL_URL, 'https://app-eu1.hubspot.com/contacts/123456/record/0-3/987654?tab=1'])(
    'reports a deal turning "Closed lost" on %s',
    async (href) => {
      loadRecordPage('Presentation scheduled');
      arm(href);
      showStage('Closed lost');
      await settle();
      expect(report).toHaveBeenCalledExactlyOnceWith({
        type: 'outcome/observed',
        crm: 'hubspot',
        outcome: 'lost',
        dealId: '987654',
        dealUrl: new URL(href).href,
        stageBefore: 'Presentation scheduled',
        stageAfter: 'Closed lost',
        deal: {
          dealName: 'Acme Corp — Platform renewal',
          amount: 48000,
          currency: 'USD',
          company: 'Acme Corp',
          pipeline: 'Sales Pipeline',
          stage: 'Closed lost',
          owner: undefined,
        },
      });
    },
  );

  it('sends a message the background accepts even when the page text is very long', async () => {
    loadRecordPage('Contract sent '.repeat(30));
    document.querySelector('[data-selenium-test="highlightTitle"]')!.textContent = 'A'.repeat(900);
    arm(DEAL_URL);
    showStage('Closed lost');
    await settle();
    const sent = OutcomeObservedSchema.parse(report.mock.calls[0]![0]);
    expect(sent.deal.dealName).toBe(`${'A'.repeat(499)}…`);
    expect(sent.stageBefore).toHaveLength(200);
  });

  it('sends a message the background accepts', async () => {
    loadRecordPage('Contract sent');
    arm(DEAL_URL);
    showStage('Closed lost');
    await settle();
    expect(() => OutcomeObservedSchema.parse(report.mock.calls[0]![0])).not.toThrow();
  });

  it.each([
    ['lost to lost', 'Closed lost', 'Lost'],
    ['open to won', 'Contract sent', 'Closed won'],
    ['open to open', 'Appointment scheduled', 'Qualified to buy'],
    ['a re-render of the same open stage', 'Contract sent', 'Contract sent'],
  ])('reports nothing for %s', async (_what, before, after) => {
    loadRecordPage(before);
    arm(DEAL_URL);
    showStage(after);
    await settle();
    expect(report).not.toHaveBeenCalled();
  });

  it.each([
    ['a board of deals', 'https://app.hubspot.com/contacts/123456/objects/0-3/views/all/board'],
    ['a list of deals', 'https://app.hubspot.com/contacts/123456/objects/0-3/views/all/list'],
    ['a contact record', 'https://app.hubspot.com/contacts/123456/record/0-1/987654'],
    ['a page that is not HubSpot', 'https://app.hubspot.com.evil.com/contacts/1/record/0-3/2'],
  ])('arms nothing on %s', async (_what, href) => {
    loadRecordPage('Contract sent');
    arm(href);
    showStage('Closed lost');
    await settle();
    expect(report).not.toHaveBeenCalled();
  });

  it('tells the popup detection is healthy when it arms', () => {
    loadRecordPage('Contract sent');
    arm(DEAL_URL);
    expect(health).toHaveBeenCalledExactlyOnceWith({
      crm: 'hubspot',
      url: DEAL_URL,
      missing: undefined,
    });
  });

  it('stops watching when the page is left', async () => {
    loadRecordPage('Contract sent');
    arm(DEAL_URL);
    controller.abort();
    showStage('Closed lost');
    await settle();
    expect(report).not.toHaveBeenCalled();
  });
});
