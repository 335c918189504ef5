import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { LossEvent } from '../messaging/messages';
import { PromptPanel } from './PromptPanel';
import { kindLineFor } from '../lessons/questions';
import { resolveTemplate } from '../lessons/template';

const LOSS: LossEvent = {
  lossId: '9f1c2b9e-2f64-4c3e-9a57-1f5b1d2c3e4f',
  crm: 'hubspot',
  dealId: '42',
  dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/42',
  stageBefore: 'Contract sent',
  deal: { dealName: 'Acme renewal', company: 'Acme Inc', lostReason: 'Budget cut' },
};

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

function show(props: { loss?: Partial<LossEvent>; lossesWaiting?: number; kindLine?: boolean }) {
  render(
    <PromptPanel
      loss={{ ...LOSS, ...props.loss }}
      template={resolveTemplate(undefined)}
      showKindLine={props.kindLine ?? false}
      lossesWaiting={props.lossesWaiting}
      onClose={() => {}}
    />,
  );
}
const subtitle = () => document.querySelector('.rb-subtitle')?.textContent;

describe('PromptPanel', () => {
  it('is a dialog named after the deal, with what the page showed of it beneath', () => {
    show({});
    expect(screen.getByRole('dialog', { name: 'Lost: Acme renewal' })).toBeTruthy();
    expect(subtitle()).toBe('Acme Inc · was Contract sent · CRM reason: Budget cut');
  });

  it('leaves out what the page did not show', () => {
    show({ loss: { stageBefore: '', deal: { dealName: 'Acme renewal' } } });
    expect(subtitle()).toBe('');
  });

  it.each([
    [0, null],
    [1, /^1 more deal was marked lost just now\./],
    [3, /^3 more deals were marked lost just now\./],
  ])('with %i more losses waiting, says so (or nothing)', (waiting, words) => {
    show({ lossesWaiting: waiting });
    const note = screen.queryByTestId('bulk-more');
    if (words === null) expect(note).toBeNull();
    else expect(note?.textContent).toMatch(words);
  });

  it('shows the kind line only when the user keeps it on', () => {
    show({ kindLine: true });
    expect(screen.getByText(kindLineFor(LOSS.lossId))).toBeTruthy();
    cleanup();
    show({ kindLine: false });
    expect(screen.queryByText(kindLineFor(LOSS.lossId))).toBeNull();
  });

  it('offers to ask less often after several skips in a row', () => {
    show({});
    expect(screen.queryByRole('button', { name: 'Change when it asks' })).toBeNull();
    cleanup();
    show({ loss: { askAboutSettings: true } });
    expect(screen.getByRole('button', { name: 'Change when it asks' })).toBeTruthy();
  });
});
