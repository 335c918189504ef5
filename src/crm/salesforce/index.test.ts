import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isLostLabel } from '../stage-labels';
import type { Observation } from '../types';
import { salesforce } from './index';

const ID15 = '0065g00000AbCdE';
const ID18 = '0065g00000AbCdEAAV';

/** Arms every detector of the adapter on `href`, as src/detection/arm-page.ts does. */
function arm(href: string) {
  const url = new URL(href);
  const page = salesforce.parsePage(url);
  const reports: Observation[] = [];
  const missing: (string | undefined)[] = [];
  const controller = new AbortController();
  if (page) {
    for (const detector of salesforce.detectors) {
      detector({
        root: document,
        url,
        page,
        signal: controller.signal,
        baselineUntil: 0,
        isLost: isLostLabel,
        isWon: () => false,
        report: (o) => reports.push(o),
        health: (m) => missing.push(m),
      });
    }
  }
  return { reports, missing, stop: () => controller.abort() };
}

/** Classic's edit form, as the server renders it. */
function classicEditPage(stage: string) {
  const form = document.createElement('form');
  form.id = 'editPage';
  form.method = 'post';
  const name = Object.assign(document.createElement('input'), { id: 'opp3', name: 'opp3' });
  name.value = 'Acme Corp — Platform renewal';
  const select = Object.assign(document.createElement('select'), { id: 'opp11', name: 'opp11' });
  for (const label of ['Negotiation/Review', 'Closed Won', 'Closed Lost']) {
    select.append(
      Object.assign(document.createElement('option'), { value: label, textContent: label }),
    );
  }
  choose(select, stage);
  form.append(name, select);
  document.body.replaceChildren(form);
  return { form, select };
}

/**
 * Chooses an option. happy-dom's `selectedOptions` (which the shared valueOf reads) follows the
 * `selected` attribute, not the value setter or selectedIndex; browsers follow both.
 */
function choose(select: HTMLSelectElement, label: string) {
  for (const option of select.options) option.toggleAttribute('selected', option.value === label);
}

/** The submit event the browser fires; the sandbox stops the navigation. */
function submit(form: HTMLFormElement) {
  form.addEventListener('submit', (event) => event.preventDefault(), { once: true });
  form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
}

let stop: () => void = () => undefined;
beforeEach(() => document.body.replaceChildren());
afterEach(() => stop());

describe('Salesforce detectors run only where their UI is', () => {
  it('Classic edit page: a submit that turns the stage lost is reported, named by the 18-character id', () => {
    const { form, select } = classicEditPage('Negotiation/Review');
    const armed = arm(`https://acme.my.salesforce.com/${ID15}/e?retURL=%2F${ID15}`);
    stop = armed.stop;
    choose(select, 'Closed Lost');
    submit(form);
    expect(armed.reports).toEqual([
      expect.objectContaining({
        dealId: ID18,
        stageBefore: 'Negotiation/Review',
        stageAfter: 'Closed Lost',
        deal: expect.objectContaining({ dealName: 'Acme Corp — Platform renewal' }),
      }),
    ]);
  });

  it('Classic edit page: a submit of a won or already-lost opportunity is not', () => {
    const won = classicEditPage('Negotiation/Review');
    let armed = arm(`https://acme.my.salesforce.com/${ID15}/e`);
    choose(won.select, 'Closed Won');
    submit(won.form);
    expect(armed.reports).toEqual([]);
    armed.stop();

    const lost = classicEditPage('Closed Lost');
    armed = arm(`https://acme.my.salesforce.com/${ID15}/e`);
    stop = armed.stop;
    submit(lost.form);
    expect(armed.reports).toEqual([]);
  });

  it('a Lightning record page does not look for Classic’s form (no false "missing" in the popup)', () => {
    const armed = arm(`https://acme.lightning.force.com/lightning/r/Opportunity/${ID18}/view`);
    stop = armed.stop;
    expect(armed.missing.filter(Boolean)).toEqual([]);
  });

  it('a Classic detail page arms nothing: the prompt for its save comes from the edit page', () => {
    const armed = arm(`https://acme.my.salesforce.com/${ID15}`);
    stop = armed.stop;
    expect(armed.missing.filter(Boolean)).toEqual([]);
  });
});
