import { afterEach, describe, expect, it } from 'vitest';
import { wonMatcher } from '../../settings/stage-labels';
import type { DetectorEnv, NamedSelector } from '../types';
import { detectorEnv } from './detector-env.test-helper';
import { lostOnSubmit } from './lost-on-submit';

const FORM: NamedSelector = { name: 'edit form', css: ['form#editPage'] };
const STAGE: NamedSelector = { name: 'stage field', css: ['select#opp11'] };

const STAGES = ['Prospecting', 'Negotiation/Review', 'Closed Lost', 'Closed Won'];

/** A full-page edit form (Salesforce Classic's), its stage select showing `stage` at load. */
function editPage(stage: string) {
  const form = Object.assign(document.createElement('form'), { id: 'editPage' });
  const select = Object.assign(document.createElement('select'), { id: 'opp11' });
  select.append(
    ...STAGES.map((label) =>
      Object.assign(document.createElement('option'), { textContent: label }),
    ),
  );
  choose(select, stage);
  form.append(select);
  document.body.append(form);
  return { form, select };
}
function choose(select: HTMLSelectElement, label: string) {
  const option = [...select.options].find((o) => o.text === label)!;
  // The attribute keeps happy-dom's selectedOptions in step with the chosen index.
  for (const o of select.options) o.removeAttribute('selected');
  option.setAttribute('selected', '');
  select.selectedIndex = option.index;
}
const submit = (form: HTMLFormElement) =>
  form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));

let stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
  document.body.replaceChildren();
});

function arm(overrides: Partial<DetectorEnv> = {}) {
  const armed = detectorEnv({ page: { kind: 'deal', dealId: '006A' }, ...overrides });
  lostOnSubmit({ form: FORM, stageField: STAGE, readDeal: () => ({ dealName: 'Acme renewal' }) })(
    armed.env,
  );
  stops.push(armed.abort);
  return armed;
}

describe('lostOnSubmit', () => {
  it('reports a submit that turns an open stage lost, before its save is sent', () => {
    const { form, select } = editPage('Negotiation/Review');
    const { report } = arm();
    choose(select, 'Closed Lost');
    submit(form);
    expect(report).toHaveBeenCalledExactlyOnceWith({
      dealId: '006A',
      outcome: 'lost',
      stageBefore: 'Negotiation/Review',
      stageAfter: 'Closed Lost',
      deal: { dealName: 'Acme renewal' },
      beforeSave: true,
      intent: true,
    });
  });

  it.each([
    ['an edit of a deal that was already lost', 'Closed Lost', 'Closed Lost'],
    ['a move between open stages', 'Prospecting', 'Negotiation/Review'],
    ['a win while wins are not looked for', 'Prospecting', 'Closed Won'],
  ])('reports nothing for %s', (_what, atLoad, submitted) => {
    const { form, select } = editPage(atLoad);
    const { report } = arm();
    choose(select, submitted);
    submit(form);
    expect(report).not.toHaveBeenCalled();
  });

  it('reports a win as a win when wins are looked for', () => {
    const { form, select } = editPage('Prospecting');
    const { report } = arm({ isWon: wonMatcher() });
    choose(select, 'Closed Won');
    submit(form);
    expect(report).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ outcome: 'won', stageAfter: 'Closed Won' }),
    );
  });

  it('ignores the submit of another form on the page (a search box)', () => {
    const { select } = editPage('Prospecting');
    const search = document.body.appendChild(document.createElement('form'));
    const { report } = arm();
    choose(select, 'Closed Lost');
    submit(search);
    expect(report).not.toHaveBeenCalled();
  });

  it('says the stage field is missing, and reports nothing, on a page without it', () => {
    const form = document.body.appendChild(
      Object.assign(document.createElement('form'), { id: 'editPage' }),
    );
    const { report, health } = arm();
    submit(form);
    expect(health).toHaveBeenCalledExactlyOnceWith('stage field');
    expect(report).not.toHaveBeenCalled();
  });

  it('does nothing on pages that are not a deal record', () => {
    const { form, select } = editPage('Prospecting');
    const { report, health } = arm({ page: { kind: 'list' } });
    choose(select, 'Closed Lost');
    submit(form);
    expect(report).not.toHaveBeenCalled();
    expect(health).not.toHaveBeenCalled();
  });

  it('stops once aborted', () => {
    const { form, select } = editPage('Prospecting');
    const { report, abort } = arm();
    abort();
    choose(select, 'Closed Lost');
    submit(form);
    expect(report).not.toHaveBeenCalled();
  });
});
