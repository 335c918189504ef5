import { afterEach, describe, expect, it } from 'vitest';
import type { DetectorEnv } from '../types';
import { detectorEnv } from './detector-env.test-helper';
import { lostAction } from './lost-action';

/** A "Close as lost" dialog as the fixtures draw one: its OK button names the deal. */
function dialog(attributes: Record<string, string> = {}) {
  const form = document.createElement('div');
  form.className = 'close-dialog';
  form.dataset.deal = '42';
  const stage = Object.assign(document.createElement('span'), {
    className: 'stage',
    textContent: 'Develop',
  });
  const ok = Object.assign(document.createElement('button'), { className: 'lost-ok' });
  for (const [name, value] of Object.entries(attributes)) ok.setAttribute(name, value);
  const label = Object.assign(document.createElement('span'), { textContent: 'OK' });
  ok.append(label);
  form.append(stage, ok);
  document.body.append(form);
  return { ok, label };
}

/** A click as the user makes one: happy-dom marks no event trusted, so this one is. */
function userClick(target: Element) {
  const event = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

/** The deal the button's dialog names, in the page or on the shadow root's host. */
function dealOf(button: Element): string | undefined {
  const root = button.getRootNode();
  const dialog = button.closest('[data-deal]') ?? (root instanceof ShadowRoot ? root.host : null);
  return (dialog as HTMLElement | null)?.dataset.deal;
}

let stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
  document.body.replaceChildren();
  document.title = '';
});

function arm(overrides: Partial<DetectorEnv> = {}, stageBefore = true) {
  const armed = detectorEnv(overrides);
  lostAction({
    trigger: '.lost-ok',
    dealIdOf: dealOf,
    readDeal: (root) => ({ dealName: root.title }),
    stageBefore: stageBefore
      ? (root) => root.querySelector('.stage')?.textContent ?? ''
      : undefined,
    lostLabel: 'Lost',
  })(armed.env);
  stops.push(armed.abort);
  return armed;
}

describe('lostAction', () => {
  it("reports the user's click on the lost action as their intent, with the deal", () => {
    document.title = 'Acme renewal';
    const { ok } = dialog();
    const { report } = arm();
    userClick(ok);
    expect(report).toHaveBeenCalledExactlyOnceWith({
      dealId: '42',
      outcome: 'lost',
      stageBefore: 'Develop',
      stageAfter: 'Lost',
      deal: { dealName: 'Acme renewal' },
      intent: true,
    });
  });

  it('counts a click on what is inside the button (its label, an icon)', () => {
    const { label } = dialog();
    const { report } = arm();
    userClick(label);
    expect(report).toHaveBeenCalledOnce();
  });

  it('counts a button inside a shadow root', () => {
    const host = document.body.appendChild(document.createElement('close-dialog'));
    host.dataset.deal = '42';
    const shadow = host.attachShadow({ mode: 'open' });
    const ok = shadow.appendChild(
      Object.assign(document.createElement('button'), { className: 'lost-ok' }),
    );
    const { report } = arm({}, false);
    userClick(ok);
    expect(report).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ dealId: '42', stageBefore: '' }),
    );
  });

  it("ignores clicks the page's scripts make", () => {
    const { ok } = dialog();
    const { report } = arm();
    ok.click();
    ok.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(report).not.toHaveBeenCalled();
  });

  it.each([
    ['disabled', { disabled: '' }],
    ['aria-disabled', { 'aria-disabled': 'true' }],
  ])('ignores a %s button', (_what, attributes) => {
    const { ok } = dialog(attributes);
    const { report } = arm();
    userClick(ok);
    expect(report).not.toHaveBeenCalled();
  });

  it('ignores a click that names no deal, and clicks elsewhere', () => {
    const { ok } = dialog();
    ok.parentElement!.removeAttribute('data-deal');
    const { report } = arm();
    userClick(ok);
    userClick(document.body);
    expect(report).not.toHaveBeenCalled();
  });

  it('stops once aborted', () => {
    const { ok } = dialog();
    const { report, abort } = arm();
    abort();
    userClick(ok);
    expect(report).not.toHaveBeenCalled();
  });
});
