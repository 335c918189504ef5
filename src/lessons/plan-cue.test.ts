import { describe, expect, it } from 'vitest';
import { cueMatches, cueWait, prepareCue, stageLabel, stem, words } from './plan-cue';

/** A deal in `stage` whose other fields say nothing a cue names. */
const inStage = (stage: string, stages: string[] = []) => ({
  stage,
  fields: ['Globex expansion', 'Globex', 'Sales pipeline', 'Dana Scully', stage],
  stages,
});

describe('stage cues', () => {
  it.each([
    ['a deal reach Proposal', 'Proposal'],
    ['Next time I see a deal reaches proposal', 'Proposal'],
    ['a deal at the Proposal stage', 'Proposal'],
    ['a deal in NEGOTIATION', 'Negotiation'],
    ['deals in negotiations', 'Negotiation'],
    ['a deal hit “Proposal”!', 'Proposal'],
    ['a deal reach Decision maker bought-in', 'Decision maker bought-in'],
    ['the decision-maker bought in', 'Decision maker bought-in'],
    ['a deal at Präsentation', 'Prasentation'],
    ['a deal in Contract sent.', 'Contract Sent'],
    ['案件が提案に進んだら', '提案'],
  ])('%j names the stage %j the deal shows', (cue, stage) => {
    expect(cueMatches(cue, inStage(stage))).toEqual({ kind: 'stage', stage });
  });

  it.each([
    // Parts of a word are not the word.
    ['a deal reach Proposal', 'Pro'],
    ['a deal reach Propos', 'Proposal'],
    // Nothing of the stage at all.
    ['the buyer goes quiet', 'Proposal'],
  ])('%j does not name %j', (cue, stage) => {
    expect(cueMatches(cue, inStage(stage))?.kind).not.toBe('stage');
  });

  it('waits for the stage it names: at another stage the plan stays put', () => {
    const stages = ['Proposal', 'Negotiation', 'Discovery'];
    expect(cueMatches('a deal reach Proposal', inStage('Negotiation', stages))).toBeUndefined();
    expect(cueMatches('a deal reach Proposal', inStage('Proposal', stages))).toEqual({
      kind: 'stage',
      stage: 'Proposal',
    });
  });

  it('knows stages from past losses, so a cue naming one is not taken as a situation', () => {
    // The deal's company is "Proposal Partners": without the known label the cue would be a
    // situation cue whose words the fields hold.
    const deal = {
      stage: 'Discovery',
      fields: ['Proposal Partners renewal', 'Proposal Partners', 'Discovery'],
    };
    const cue = 'a deal reach Proposal partners';
    expect(cueMatches(cue, deal)).toEqual({ kind: 'situation', words: ['Proposal', 'partners'] });
    expect(cueMatches(cue, { ...deal, stages: ['Proposal'] })).toBeUndefined();
  });

  it('waits for the longer label when a cue names one inside another', () => {
    const stages = ['Proposal', 'Proposal sent'];
    const cue = 'a deal reach Proposal sent';
    expect(cueMatches(cue, inStage('Proposal', stages))).toBeUndefined();
    expect(cueMatches(cue, inStage('Proposal sent', stages))).toEqual({
      kind: 'stage',
      stage: 'Proposal sent',
    });
  });

  it('counts each stage a cue names', () => {
    const stages = ['Demo', 'Proposal', 'Negotiation'];
    const cue = 'a deal in Demo or Proposal';
    expect(cueMatches(cue, inStage('Demo', stages))?.kind).toBe('stage');
    expect(cueMatches(cue, inStage('Proposal', stages))?.kind).toBe('stage');
    expect(cueMatches(cue, inStage('Negotiation', stages))).toBeUndefined();
  });

  it('ignores labels made only of filler words, which every cue would name', () => {
    expect(stageLabel('In')).toBeUndefined();
    expect(stageLabel('  ')).toBeUndefined();
    expect(cueMatches('a deal in the buyer’s hands', inStage('In'))).toBeUndefined();
  });

  it('never matches a stage cue when the page shows no stage', () => {
    const deal = { fields: ['Proposal deck'], stages: ['Proposal'] };
    expect(cueMatches('a deal reach Proposal', deal)).toBeUndefined();
  });
});

describe('situation cues', () => {
  const deal = {
    stage: 'Discovery',
    fields: [
      'Initech — RFP for payroll',
      'Initech',
      'RFP (procurement lead)',
      'Bill Lumbergh',
      'Discovery',
    ],
  };

  it.each([
    ['procurement leading the RFP', ['procurement', 'leading', 'RFP']],
    ['Next time I see a deal where procurement is on the RFP', ['procurement', 'RFP']],
    ['an RFP from procurement.', ['RFP', 'procurement']],
    ['RFPs for payroll', ['RFPs', 'payroll']],
    ['the RFP for PAYROLL, procurement leads', ['RFP', 'PAYROLL', 'procurement', 'leads']],
  ])('%j is clear on this deal: every significant word is in its fields', (cue, found) => {
    expect(cueMatches(cue, deal)).toEqual({ kind: 'situation', words: found });
  });

  it.each([
    // One significant word the page does not show: the situation is not clear.
    ['procurement leading the RFP with a new CFO'],
    ['procurement delays'],
    ['procurement runs an RFP'],
    // The stemming is light: "led" is not "lead" (strict rather than loose).
    ['a procurement-led RFP'],
    // One significant word is too little, however often it appears.
    ['Initech'],
    ['a deal with Initech'],
    // Only filler.
    ['Next time I see a deal where it is'],
    ['   '],
    // A negation is a word the page must show: "no RFP" is not an RFP.
    ['no RFP from procurement'],
  ])('%j does not match', (cue) => {
    expect(cueMatches(cue, deal)).toBeUndefined();
  });

  it('folds case and accents on both sides', () => {
    const french = { stage: 'Découverte', fields: ['Société Générale', 'Équipe achats'] };
    expect(cueMatches('ÉQUIPE achats, societe generale', french)?.kind).toBe('situation');
  });
});

describe('the words compared', () => {
  it.each([
    ['reaches', 'reach'],
    ['proposals', 'proposal'],
    ['leading', 'lead'],
    ['stopped', 'stop'],
    ['called', 'call'],
    ['companies', 'company'],
    ['business', 'business'],
    ['status', 'status'],
    ['RFP', 'RFP'],
    ['q4s', 'q4s'],
  ])('%j is compared as %j', (word, key) => {
    expect(stem(word.toLowerCase())).toBe(key.toLowerCase());
  });

  it('splits on punctuation and keeps accented letters whole', () => {
    expect(words('Bought-in, déjà vu').map((w) => [w.text, w.key])).toEqual([
      ['Bought', 'bought'],
      ['in', 'in'],
      ['déjà', 'deja'],
      ['vu', 'vu'],
    ]);
  });

  it('parses a cue once into what it waits for', () => {
    const labels = ['Proposal', 'Negotiation'].map((l) => stageLabel(l)!);
    expect(cueWait(prepareCue('a deal reach Proposal'), labels)).toEqual({
      kind: 'stage',
      stages: [['proposal']],
    });
    expect(cueWait(prepareCue('procurement leading the RFP'), labels)).toMatchObject({
      kind: 'situation',
      words: [{ key: 'procurement' }, { key: 'lead' }, { key: 'rfp' }],
    });
    expect(cueWait(prepareCue('the buyer'), labels)).toEqual({ kind: 'nothing' });
  });
});
