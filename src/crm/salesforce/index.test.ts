import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isLostLabel } from '../../settings/stage-labels';
import { afterDelay } from '../../detection/observe-deep';
import type { Observation } from '../../detection/types';
import { KANBAN_SETTLE_MS, salesforce } from './index';

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
        settle: afterDelay,
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

describe('a Lightning list URL: the Kanban watcher runs there too, and does not misread a table', () => {
  const LIST = 'https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=All';

  /**
   * A list view row as tests/fixtures/salesforce/lightning-list.html draws it: the name links to
   * the record and carries its id (data-recordid, which the Kanban card selector also knows),
   * and the Stage cell shows the saved stage.
   */
  function tableRow(stage: string) {
    const row = document.createElement('tr');
    const name = row.appendChild(document.createElement('th'));
    const link = name.appendChild(document.createElement('a'));
    link.href = `/lightning/r/Opportunity/${ID18}/view`;
    link.setAttribute('data-recordid', ID18);
    link.textContent = 'Globex — Data platform';
    const cell = row.appendChild(document.createElement('td'));
    cell.textContent = stage;
    const table = document.createElement('table');
    table.setAttribute('role', 'grid');
    table.appendChild(document.createElement('tbody')).append(row);
    document.body.replaceChildren(table);
    return cell;
  }

  /** A Kanban column holding one card, as the same URL may display the list view. */
  function kanbanColumn(stage: string) {
    const column = document.createElement('div');
    column.setAttribute('data-stage', stage);
    const card = column.appendChild(document.createElement('article'));
    card.setAttribute('data-record-id', ID18);
    card.textContent = 'Globex — Data platform';
    document.body.replaceChildren(column);
    return { column, card };
  }

  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reports nothing when a row’s Stage cell turns Closed Lost, and says nothing is missing', async () => {
    const cell = tableRow('Negotiation/Review');
    const armed = arm(LIST);
    stop = armed.stop;
    cell.textContent = 'Closed Lost';
    await vi.advanceTimersByTimeAsync(KANBAN_SETTLE_MS + 100);
    expect(armed.reports).toEqual([]);
    expect(armed.missing.filter(Boolean)).toEqual([]);
  });

  it('still reports a Kanban card moved into Closed Lost on the same URL (the watcher is armed)', async () => {
    const { card } = kanbanColumn('Negotiation/Review');
    const armed = arm(LIST);
    stop = armed.stop;
    const lost = document.createElement('div');
    lost.setAttribute('data-stage', 'Closed Lost');
    document.body.append(lost);
    lost.append(card);
    await vi.advanceTimersByTimeAsync(KANBAN_SETTLE_MS + 100);
    expect(armed.reports).toEqual([
      expect.objectContaining({
        dealId: ID18,
        stageBefore: 'Negotiation/Review',
        stageAfter: 'Closed Lost',
      }),
    ]);
  });
});
