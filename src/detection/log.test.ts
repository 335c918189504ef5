import { describe, expect, it } from 'vitest';
import {
  appended,
  DecisionSchema,
  describeEntry,
  DETECTION_LOG_LIMIT,
  DetectionLogSchema,
  redacted,
  type DetectionEntry,
} from './log';

const decision = (overrides: Partial<DetectionEntry> = {}): DetectionEntry => ({
  at: 1,
  kind: 'decision',
  crm: 'hubspot',
  dealId: '42',
  decision: 'prompted',
  evidence: 'save alone',
  deal: { dealName: 'Acme renewal', amount: 48000, company: 'Acme Corp' },
  ...overrides,
});

describe('the detection log', () => {
  it('keeps the newest entries, oldest first, up to its limit', () => {
    let log: DetectionEntry[] = [];
    for (let at = 1; at <= DETECTION_LOG_LIMIT + 3; at++) log = appended(log, decision({ at }));
    expect(log).toHaveLength(DETECTION_LOG_LIMIT);
    expect(log[0]!.at).toBe(4);
    expect(log.at(-1)!.at).toBe(DETECTION_LOG_LIMIT + 3);
    expect(DetectionLogSchema.safeParse(log).success).toBe(true);
  });

  it('redacts names, amounts, companies and record ids for a bug report, consistently', () => {
    const log = [
      decision(),
      decision({ kind: 'save', decision: undefined, deal: undefined, stageValue: 'closedlost' }),
      decision({ dealId: '43', deal: { dealName: 'Globex' } }),
    ];
    const out = redacted(log);
    const text = JSON.stringify(out);
    for (const secret of ['Acme', 'Globex', '48000', '"42"', '"43"'])
      expect(text).not.toContain(secret);
    expect(out.map((e) => e.dealId)).toEqual(['deal-1', 'deal-1', 'deal-2']);
    expect(out[0]).toMatchObject({
      decision: 'prompted',
      evidence: 'save alone',
      deal: { dealName: '[redacted]' },
    });
    expect(out[1]).toMatchObject({ kind: 'save', stageValue: 'closedlost' });
  });

  it('says what was offered on an open deal, and redacts why (it may name a competitor)', () => {
    const similar = (overrides: Partial<DetectionEntry>) =>
      decision({ kind: 'similar', decision: undefined, deal: undefined, ...overrides });
    expect(
      describeEntry(
        similar({ similar: 'found', matches: 2, why: ['same company', 'same competitor: Globex'] }),
      ),
    ).toBe('Similar lessons: 2 (same company, same competitor: Globex)');
    expect(describeEntry(similar({ similar: 'none' }))).toBe('No similar lessons');
    expect(describeEntry(similar({ similar: 'off' }))).toBe('Similar lessons: off in settings');
    expect(describeEntry(similar({ similar: 'lost' }))).toMatch(/lost deal/);
    expect(describeEntry(similar({ similar: 'won' }))).toMatch(/won deal/);
    const out = redacted([
      similar({ similar: 'found', matches: 1, why: ['same competitor: Globex'] }),
    ]);
    expect(JSON.stringify(out)).not.toContain('Globex');
    expect(out[0]).toMatchObject({ kind: 'similar', similar: 'found', matches: 1 });
  });

  it('says every decision in words, with its evidence or status', () => {
    for (const code of DecisionSchema.options) {
      const words = describeEntry(decision({ decision: code, status: 403 }));
      expect(words, code).toMatch(/\w{3,}/);
    }
    expect(describeEntry(decision())).toBe("Prompted, on the evidence of the CRM's save alone.");
    expect(describeEntry(decision({ decision: 'refused-save', status: 403 }))).toContain('403');
  });

  it('says what a save and a page report showed', () => {
    const save = describeEntry({
      at: 1,
      kind: 'save',
      crm: 'zoho',
      dealId: '1',
      stageValue: 'Closed Lost',
      lost: true,
      status: 200,
      okStatusIsNotProof: true,
    });
    expect(save).toContain('“Closed Lost”');
    expect(save).toContain('the page must show it');
    const page = describeEntry({
      at: 1,
      kind: 'page',
      crm: 'zoho',
      dealId: '1',
      stageBefore: '',
      stageAfter: 'Closed Lost',
      generic: true,
    });
    expect(page).toContain('an unknown stage');
    expect(page).toContain('without the CRM');
  });
});
