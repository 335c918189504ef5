import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hubspot } from '../crm/hubspot';
import { lostMatcher } from '../settings/stage-labels';
import { CORRELATION_WINDOW_MS } from './correlator';
import { EVIDENCE_WAIT_MS, createPageReader } from './page-read';

const RECORD = new URL('https://app.hubspot.com/contacts/1/record/0-3/42');
let controller: AbortController;

function show(stage: string) {
  document.getElementById('stage')!.textContent = stage;
}

function reader(options: { loadedAt?: number } = {}) {
  return createPageReader({
    adapter: hubspot,
    root: document,
    url: RECORD,
    isLost: () => lostMatcher(),
    signal: controller.signal,
    loadedAt: options.loadedAt ?? 0,
  });
}

/** Puts markup in the test page (parsed, as the fixtures' tests do). */
function setBody(html: string) {
  document.body.replaceChildren();
  appendBody(html);
}

function appendBody(html: string) {
  document.body.append(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
}

const click = () => document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));

beforeEach(() => {
  vi.useFakeTimers();
  controller = new AbortController();
  document.title = 'Acme renewal | HubSpot';
  setBody('<h1>Acme renewal</h1><p>Stage</p><span id="stage">Contract sent</span>');
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('createPageReader: does the page show the deal lost after the save?', () => {
  it('says yes when a lost label appears that was not there when the user acted', async () => {
    const page = reader();
    vi.advanceTimersByTime(1000);
    click();
    const answer = page.lossShown('42');
    show('Closed lost'); // the CRM re-renders once it accepted the save
    await vi.advanceTimersByTimeAsync(100);
    await expect(answer).resolves.toBe('Closed lost');
  });

  it('says no for a deal that was lost already (the same loss saved again)', async () => {
    show('Closed lost');
    const page = reader();
    vi.advanceTimersByTime(1000);
    click();
    const answer = page.lossShown('42');
    await vi.advanceTimersByTimeAsync(EVIDENCE_WAIT_MS + 100);
    await expect(answer).resolves.toBeUndefined();
  });

  it('compares with what the page showed when the user acted, not with a page still loading', async () => {
    document.getElementById('stage')!.textContent = '';
    const page = reader(); // armed before the CRM rendered the deal
    show('Closed lost'); // it loads lost
    vi.advanceTimersByTime(1000);
    click(); // the user edits something and saves it
    const answer = page.lossShown('42');
    await vi.advanceTimersByTimeAsync(EVIDENCE_WAIT_MS + 100);
    await expect(answer).resolves.toBeUndefined();
  });

  it("takes no inline editor's unsaved choice for the saved stage: only a new element saying lost counts", async () => {
    appendBody(
      '<span id="editor" hidden><button aria-haspopup="listbox"><span id="choice"></span></button></span>',
    );
    const page = reader();
    const editor = document.getElementById('editor')!;
    vi.advanceTimersByTime(1000);
    click(); // the pencil: the editor opens
    editor.hidden = false;
    document.getElementById('choice')!.textContent = 'Closed lost'; // chosen, not saved
    click(); // Save: the request is sent now
    const savedAt = Date.now();
    const refused = page.lossShown('42', savedAt); // the CRM refused: the editor stays open
    await vi.advanceTimersByTimeAsync(EVIDENCE_WAIT_MS + 100);
    await expect(refused).resolves.toBeUndefined();

    click(); // Save again, and this time the CRM accepts: the editor closes, the field says lost
    const accepted = page.lossShown('42', Date.now());
    editor.hidden = true;
    show('Closed lost');
    await vi.advanceTimersByTimeAsync(100);
    await expect(accepted).resolves.toBe('Closed lost');
  });

  it('takes a re-rendered part that lists every stage for what it was, not a new loss', async () => {
    appendBody('<ol id="bar"><li>Qualification</li><li>Closed lost</li></ol>');
    const page = reader();
    vi.advanceTimersByTime(1000);
    click();
    const answer = page.lossShown('42', Date.now());
    // The CRM saved another open stage and drew its stage bar again: new elements, same words.
    document.getElementById('bar')!.remove();
    appendBody('<ol><li>Proposal</li><li>Closed lost</li></ol>');
    show('Proposal');
    await vi.advanceTimersByTimeAsync(EVIDENCE_WAIT_MS + 100);
    await expect(answer).resolves.toBeUndefined();
  });

  it('forgets what it saw longer ago than the correlation window', async () => {
    const page = reader();
    vi.advanceTimersByTime(CORRELATION_WINDOW_MS + 1);
    show('Closed lost');
    await expect(page.lossShown('42')).resolves.toBeUndefined();
  });

  it("counts a page that loaded as the save's own answer as showing nothing before it", async () => {
    show('Closed lost');
    const savedAt = Date.now();
    const page = reader({ loadedAt: savedAt + 20 });
    expect(page.loadedAfter(savedAt)).toBe(true);
    expect(page.loadedAfter(undefined)).toBe(false);
    await expect(page.lossShown('42', savedAt)).resolves.toBe('Closed lost');
    // Not for another deal than the page's own.
    const other = reader({ loadedAt: savedAt + 20 }).lossShown('43', savedAt);
    await vi.advanceTimersByTimeAsync(EVIDENCE_WAIT_MS + 100);
    await expect(other).resolves.toBeUndefined();
  });
});
