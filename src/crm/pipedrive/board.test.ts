import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentPage } from '../../detection/content-page.test-helper';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentToBackground } from '../../messaging/content-messages';
import { runContent } from '../../detection/run-content';
import { settle } from '../../detection/settle.test-helper';
import { lostLabelsItem } from '../../settings/store';
import { CARD_GONE_SETTLE_MS, pipedrive } from '.';

const sent = vi.hoisted(() => ({ messages: [] as ContentToBackground[] }));
vi.mock('../../messaging/content-transport', () => ({
  sendToBackground: (message: ContentToBackground) => {
    sent.messages.push(message);
    return Promise.resolve({ ok: false, error: 'not in a browser' });
  },
  onContentMessage: () => {},
}));

const reports = () => sent.messages.filter((m) => m.type === 'outcome/observed');
const armings = () => sent.messages.filter((m) => m.type === 'health/report').length;

/** An event as the user makes one: happy-dom marks no event trusted, so this one is. */
function byUser(target: Element, type: string) {
  const event = new MouseEvent(type, { bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

/** A board with deal 42 in "Proposal", and the "Mark as lost" modal its drop on Lost opened. */
function showBoard() {
  const column = document.createElement('section');
  column.setAttribute('data-test', 'pipeline-stage');
  const card = document.createElement('div');
  card.setAttribute('data-test', 'pipeline-deal-card');
  const title = Object.assign(document.createElement('a'), { textContent: 'Acme renewal' });
  title.setAttribute('href', '/deal/42');
  card.append(title);
  column.append(card);
  const modal = document.createElement('div');
  modal.setAttribute('role', 'dialog');
  const confirm = Object.assign(document.createElement('button'), { textContent: 'Mark as lost' });
  confirm.setAttribute('data-test', 'lost-modal-confirm');
  modal.append(confirm);
  document.body.replaceChildren(column, modal);
  return { card, confirm };
}

let page: AbortController;
beforeEach(async () => {
  fakeBrowser.reset();
  sent.messages = [];
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
    'https://acme.pipedrive.com/pipeline/1/user/everyone',
  );
  page = new AbortController();
  const { ctx, panels } = contentPage(page);
  await runContent(ctx, pipedrive, panels);
});
afterEach(() => page.abort());

describe('the Pipedrive board when settings change', () => {
  it('reports a loss whose card leaves the board after a re-arm was asked for', async () => {
    const { card, confirm } = showBoard();
    await settle();
    byUser(card, 'pointerdown');
    byUser(confirm, 'click');
    // The save is slow: the settings change while the card is still on the board.
    await lostLabelsItem.update((labels) => [...labels, 'Verloren']);
    await settle();
    card.remove();

    await vi.waitFor(() => expect(reports()).toHaveLength(1), { timeout: CARD_GONE_SETTLE_MS * 5 });
    expect(reports()[0]).toMatchObject({ dealId: '42', outcome: 'lost' });
    await vi.waitFor(() => expect(armings()).toBe(2));
  });

  it('re-arms as soon as a refused loss is given up: its card pressed again, to retry', async () => {
    const { card, confirm } = showBoard();
    await settle();
    byUser(card, 'pointerdown');
    byUser(confirm, 'click');
    await lostLabelsItem.update((labels) => [...labels, 'Verloren']);
    byUser(card, 'pointerdown');

    await vi.waitFor(() => expect(armings()).toBe(2));
  });
});
