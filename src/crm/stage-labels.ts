/**
 * Stage labels that mean "lost" or "won", compared after normalising case, accents and
 * punctuation. Labels rather than internal ids, because custom pipelines give stages numeric or
 * opaque ids while the label a salesperson reads stays meaningful.
 */

/** Whole labels meaning lost, per language (en, de, fr, es, pt, nl, it, ja). */
const LOST_LABELS = [
  'closed lost',
  'lost',
  'deal lost',
  'opportunity lost',
  'verloren',
  'geschlossen verloren',
  'abgeschlossen verloren',
  'perdu',
  'ferme perdu',
  'perdue',
  'perdido',
  'perdida',
  'cerrado perdido',
  'cerrada perdida',
  'fechado perdido',
  'fechada perdida',
  'gesloten verloren',
  'verloren gesloten',
  'perso',
  'persa',
  'chiuso perso',
  'chiusa persa',
  '失注',
  'クローズ 失注',
  '商談 失注',
];

/** First words of longer lost labels, e.g. Zoho's "Closed-Lost to Competition". */
const LOST_LEADS = ['closed lost', 'lost', 'verloren', 'perdu', 'perdido', 'perdida', 'perso'];

const WON_LABELS = [
  'closed won',
  'won',
  'deal won',
  'gewonnen',
  'abgeschlossen gewonnen',
  'gagne',
  'ferme gagne',
  'ganado',
  'cerrado ganado',
  'ganho',
  'fechado ganho',
  'gewonnen gesloten',
  'vinto',
  'chiuso vinto',
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

const lostSet = new Set(LOST_LABELS.map(normaliseLabel));
const wonSet = new Set(WON_LABELS.map(normaliseLabel));

export function isLostLabel(label: string | undefined): boolean {
  if (!label) return false;
  const n = normaliseLabel(label);
  // Japanese has no word spaces: 失注 anywhere in the label means lost.
  return (
    lostSet.has(n) || LOST_LEADS.some((lead) => n.startsWith(lead + ' ')) || n.includes('失注')
  );
}

export function isWonLabel(label: string | undefined): boolean {
  return !!label && wonSet.has(normaliseLabel(label));
}
