import { describe, expect, it } from 'vitest';
import type { WinEvent } from '../messaging/messages';
import { hasAnswers, winAnswers } from './win-questions';
import { WinInputSchema, WinSchema } from './win-schema';
import { winFromCapture } from './win-capture';

const event: WinEvent = {
  winId: '5c9a7e2b-3d4f-4a1b-9c8d-7e6f5a4b3c2d',
  crm: 'hubspot',
  dealId: '42',
  dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/42',
  stageBefore: 'Contract sent',
  deal: { dealName: 'Acme <b>renewal</b>', amount: 12500, currency: 'EUR', company: 'Acme' },
};

describe('WinSchema', () => {
  it('accepts a stored win and refuses one with a bad field, naming it', () => {
    const win = {
      id: event.winId,
      createdAt: '2026-02-01T10:00:00.000Z',
      updatedAt: '2026-02-01T10:00:00.000Z',
      schemaVersion: 1,
      crm: 'hubspot',
      dealName: 'Acme',
      answers: {},
    };
    expect(WinSchema.parse(win)).toEqual(win);
    const bad = WinSchema.safeParse({ ...win, dealUrl: 'javascript:alert(1)' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['dealUrl']);
    expect(WinSchema.safeParse({ ...win, schemaVersion: 2 }).success).toBe(false);
  });
});

describe('winFromCapture', () => {
  it('keeps the deal as the page showed it and only the answers written', () => {
    const win = winFromCapture(event, { difference: '  Mutual plan ', nearlyLost: '  ' });
    expect(WinInputSchema.parse(win)).toEqual({
      crm: 'hubspot',
      dealId: '42',
      dealName: 'Acme <b>renewal</b>',
      dealUrl: event.dealUrl,
      amount: 12500,
      currency: 'EUR',
      company: 'Acme',
      stageBefore: 'Contract sent',
      answers: { difference: 'Mutual plan' },
    });
  });

  it('names an unnamed deal, and drops a deal URL that is not http(s)', () => {
    const win = winFromCapture(
      { ...event, dealUrl: 'chrome-extension://x/y', deal: { dealName: ' ' } },
      { difference: 'x' },
    );
    expect(win.dealName).toBe('Untitled deal');
    expect(win.dealUrl).toBeUndefined();
  });
});

describe('winAnswers', () => {
  it('reads the answers in order, the plan as one sentence, leaving out blanks', () => {
    expect(
      winAnswers({
        nearlyLost: 'Legal took three weeks',
        againAction: 'write the business case with them',
        againCue: 'a champion who has to sell it internally',
        difference: 'The champion co-wrote the business case',
        other: '',
      }),
    ).toEqual([
      [
        'If a teammate asked what won this deal, what would you tell them?',
        'The champion co-wrote the business case',
      ],
      [
        'What will you do again?',
        'Next time I see a champion who has to sell it internally, I will again write the business case with them.',
      ],
      ['What nearly lost it, or was luck?', 'Legal took three weeks'],
    ]);
  });

  it('shows half a plan as written', () => {
    expect(winAnswers({ againCue: 'an RFP' })).toEqual([
      ['What will you do again?', 'Next time I see an RFP…'],
    ]);
    expect(winAnswers({ againAction: 'call the CFO' })).toEqual([
      ['What will you do again?', '…I will again call the CFO.'],
    ]);
    expect(winAnswers({ againCue: 'an RFP,', againAction: 'call the CFO.' })).toEqual([
      ['What will you do again?', 'Next time I see an RFP, I will again call the CFO.'],
    ]);
    expect(winAnswers({})).toEqual([]);
  });

  it('tells a capture with answers from one without', () => {
    expect(hasAnswers({ difference: ' ', nearlyLost: '' })).toBe(false);
    expect(hasAnswers({ nearlyLost: 'luck' })).toBe(true);
  });
});
