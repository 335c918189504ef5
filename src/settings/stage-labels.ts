/**
 * Stage labels that mean "lost", compared after normalising case, accents and punctuation.
 * Labels rather than internal ids, because custom pipelines give stages numeric or opaque ids
 * while the label a salesperson reads stays meaningful. The list is the default of a setting:
 * users add their own renamed stages (plain text, or /regex/flags).
 */
export const DEFAULT_LOST_LABELS: readonly string[] = [
  // English
  'Closed lost',
  'Lost',
  'Deal lost',
  'Opportunity lost',
  // German
  'Verloren',
  'Geschlossen verloren',
  'Abgeschlossen verloren',
  // French
  'Perdu',
  'Perdue',
  'Fermé perdu',
  'Clôturé perdu',
  // Spanish
  'Perdido',
  'Perdida',
  'Cerrado perdido',
  'Cerrada perdida',
  // Portuguese
  'Fechado perdido',
  'Fechada perdida',
  // Dutch
  'Gesloten verloren',
  'Verloren gesloten',
  // Italian
  'Perso',
  'Persa',
  'Chiuso perso',
  'Chiusa persa',
  // Japanese
  '失注',
];

/**
 * Stage labels that mean "won", for the optional "what worked" capture (setting `captureWins`).
 * Compared the same way as the lost labels. A label that is both (a user's broad /regex/) counts
 * as lost: a win is never taken for a loss, nor a loss for a win.
 */
export const DEFAULT_WON_LABELS: readonly string[] = [
  // English
  'Closed won',
  'Won',
  'Deal won',
  'Opportunity won',
  // German (and Dutch "Gewonnen")
  'Gewonnen',
  'Geschlossen gewonnen',
  'Abgeschlossen gewonnen',
  // French
  'Gagné',
  'Gagnée',
  'Fermé gagné',
  'Clôturé gagné',
  // Spanish
  'Ganado',
  'Ganada',
  'Cerrado ganado',
  'Cerrada ganada',
  // Portuguese
  'Ganho',
  'Ganha',
  'Fechado ganho',
  'Fechada ganha',
  // Dutch
  'Gesloten gewonnen',
  // Italian
  'Vinto',
  'Vinta',
  'Chiuso vinto',
  'Chiusa vinta',
  // Japanese
  '受注',
];

export function normaliseLabel(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\-_/–—:()[\].,]+/g, ' ')
    .trim();
}

const REGEX_ENTRY = /^\/(.+)\/([a-z]*)$/;
/** Scripts written without spaces between words: the label may appear anywhere. */
const NO_WORD_SPACES = /[\u3040-\u30ff\u4e00-\u9fff]/;

function entryMatcher(entry: string): (raw: string, normalised: string) => boolean {
  const regex = REGEX_ENTRY.exec(entry.trim());
  if (regex) {
    try {
      // Without g/y: those make test() resume from the last match, so answers would alternate.
      const re = new RegExp(regex[1]!, regex[2]!.replace(/[gy]/g, ''));
      return (raw) => re.test(raw);
    } catch {
      return () => false;
    }
  }
  const wanted = normaliseLabel(entry);
  if (!wanted) return () => false;
  if (NO_WORD_SPACES.test(wanted)) return (_raw, n) => n.includes(wanted);
  // A lost label may lead a longer one: Zoho's "Closed-Lost to Competition".
  return (_raw, n) => n === wanted || n.startsWith(`${wanted} `);
}

/** A test for "this stage label means lost", from a list of labels and /regexes/. */
export function lostMatcher(
  labels: readonly string[] = DEFAULT_LOST_LABELS,
): (label: string | undefined) => boolean {
  const matchers = labels.map(entryMatcher);
  return (label) => {
    if (!label) return false;
    const normalised = normaliseLabel(label);
    return matchers.some((matches) => matches(label, normalised));
  };
}

/** With the default labels. */
export const isLostLabel = lostMatcher();

/** A test for "this stage label means won" (the same comparison as lost labels). */
export function wonMatcher(
  labels: readonly string[] = DEFAULT_WON_LABELS,
): (label: string | undefined) => boolean {
  return lostMatcher(labels);
}

/** For pages that must not look for wins (the setting is off, or a user rule knows only "lost"). */
export const neverWon = (_label: string | undefined): boolean => false;
