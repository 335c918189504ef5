import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LOST_LABELS,
  DEFAULT_WON_LABELS,
  isLostLabel,
  lostMatcher,
  neverWon,
  normaliseLabel,
  wonMatcher,
} from './stage-labels';

describe('normaliseLabel', () => {
  it.each([
    ['Closed Lost', 'closed lost'],
    ['  CLOSED   LOST  ', 'closed lost'],
    ['Closed-Lost', 'closed lost'],
    ['Closed_Lost', 'closed lost'],
    ['Closed / Lost', 'closed lost'],
    ['Closed (lost)', 'closed lost'],
    ['Closed: lost.', 'closed lost'],
    ['Closed\u00a0lost', 'closed lost'],
    ['Fermé perdu', 'ferme perdu'],
    ['Geschlossen – verloren', 'geschlossen verloren'],
    ['Gagné — fermé', 'gagne ferme'],
    ['ＣＬＯＳＥＤ ＬＯＳＴ', 'closed lost'],
  ])('%j → %j', (label, expected) => {
    expect(normaliseLabel(label)).toBe(expected);
  });
});

describe('isLostLabel', () => {
  it.each([
    // English, as CRMs spell it
    'Closed lost',
    'Closed Lost',
    'CLOSED LOST',
    'closed-lost',
    'Closed - Lost',
    'Closed (Lost)',
    'Lost',
    'Deal lost',
    'Opportunity Lost',
    'Closed-Lost to Competition',
    'Lost to competitor',
    'Lost - no budget',
    // Other languages
    'Verloren',
    'Geschlossen – verloren',
    'Abgeschlossen, verloren',
    'Fermé perdu',
    'FERMÉ PERDU',
    'Clôturé perdu',
    'Perdu',
    'Perdue',
    'Cerrado perdido',
    'Cerrada perdida',
    'Perdido - precio',
    'Fechado perdido',
    'Fechada perdida',
    'Gesloten verloren',
    'Verloren gesloten',
    'Chiuso perso',
    'Chiusa persa',
    'Perso',
    '失注',
    'クローズ（失注）',
    '商談失注',
  ])('%j is lost', (label) => {
    expect(isLostLabel(label)).toBe(true);
  });

  it.each([
    'Closed won',
    'Won',
    'Gewonnen',
    'Fermé gagné',
    'Cerrado ganado',
    'Chiuso vinto',
    '受注',
    'Appointment scheduled',
    'Qualified to buy',
    'Contract sent',
    'Almost lost',
    'Not lost yet',
    'At risk of being lost',
    'Closed',
    'Lostock Gralam office',
    'Closedlost',
    '',
    undefined,
  ])('%j is not lost', (label) => {
    expect(isLostLabel(label)).toBe(false);
  });
});

describe('lostMatcher', () => {
  it('recognises every default label, however it is written', () => {
    const isLost = lostMatcher();
    for (const label of DEFAULT_LOST_LABELS) {
      expect(isLost(label)).toBe(true);
      expect(isLost(label.toUpperCase())).toBe(true);
      expect(isLost(`${label.replace(/ /g, '-')} (reason)`)).toBe(true);
    }
  });

  it('recognises a renamed stage the user added, and no longer the defaults left out', () => {
    const isLost = lostMatcher(['Churned – went elsewhere', 'Dead']);
    expect(isLost('churned - went elsewhere')).toBe(true);
    expect(isLost('DEAD')).toBe(true);
    expect(isLost('Dead: no budget')).toBe(true);
    expect(isLost('Deadline agreed')).toBe(false);
    expect(isLost('Closed lost')).toBe(false);
  });

  it('matches a /regex/flags entry against the label as shown', () => {
    const isLost = lostMatcher(['/^(Lost|Verloren)\\b/i', '/✗$/']);
    expect(isLost('lost - timing')).toBe(true);
    expect(isLost('Verloren (Preis)')).toBe(true);
    expect(isLost('Proposal ✗')).toBe(true);
    expect(isLost('Almost lost')).toBe(false);
  });

  it('gives the same answer every time for a regex with the g or y flag', () => {
    for (const entry of ['/closed.*lost/gi', '/Lost/y']) {
      const isLost = lostMatcher([entry]);
      const label = entry.includes('y') ? 'Lost' : 'Closed - lost';
      expect([isLost(label), isLost(label), isLost(label)]).toEqual([true, true, true]);
    }
  });

  it('ignores a broken regex and empty entries instead of matching everything', () => {
    const isLost = lostMatcher(['/(unclosed/', '', '   ', '---', '//']);
    for (const label of ['Closed lost', 'Lost', 'Anything', '(unclosed', '/(unclosed/']) {
      expect(isLost(label)).toBe(false);
    }
  });

  it('matches nothing with no labels at all', () => {
    expect(lostMatcher([])('Closed lost')).toBe(false);
  });
});

describe('wonMatcher (the opt-in "what worked" capture)', () => {
  const isWon = wonMatcher();

  it.each([
    'Closed won',
    'CLOSED-WON',
    'Closed Won',
    'Won',
    'Deal won',
    'Opportunity won',
    'Gewonnen',
    'Abgeschlossen gewonnen',
    'Gagné',
    'Fermé gagné',
    'Ganado',
    'Cerrado ganado',
    'Ganho',
    'Fechado ganho',
    'Vinto',
    'Chiuso vinto',
    '受注',
    'クローズ（受注）',
  ])('%j is won', (label) => {
    expect(isWon(label)).toBe(true);
  });

  it.each([
    'Closed lost',
    'Lost',
    '失注',
    'Contract sent',
    'Wonderful prospects',
    'Not won yet',
    'Closed',
    '',
    undefined,
  ])('%j is not won', (label) => {
    expect(isWon(label)).toBe(false);
  });

  it('shares no label with the lost list, either way', () => {
    for (const label of DEFAULT_WON_LABELS) expect(isLostLabel(label), label).toBe(false);
    for (const label of DEFAULT_LOST_LABELS) expect(isWon(label), label).toBe(false);
  });

  it('never matches when wins are not looked for', () => {
    for (const label of DEFAULT_WON_LABELS) expect(neverWon(label)).toBe(false);
  });
});
