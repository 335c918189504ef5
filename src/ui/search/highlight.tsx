import { foldTerm } from './lesson-index';

/** Words as the index cuts them: letters and digits of any script. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Splits text into runs, marking the words a search matched. Text only, never HTML. */
export function highlightRuns(text: string, terms: string[]): { text: string; hit: boolean }[] {
  if (terms.length === 0) return [{ text, hit: false }];
  const wanted = new Set(terms);
  const runs: { text: string; hit: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    if (!wanted.has(foldTerm(match[0]))) continue;
    if (match.index > last) runs.push({ text: text.slice(last, match.index), hit: false });
    runs.push({ text: match[0], hit: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), hit: false });
  return runs;
}

export function Highlighted({ text, terms }: { text: string; terms: string[] }) {
  return (
    <>
      {highlightRuns(text, terms).map((run, i) =>
        run.hit ? <mark key={i}>{run.text}</mark> : run.text,
      )}
    </>
  );
}

/**
 * The part of a long text around its first matched word, so a hit deep in an answer shows in a
 * one-line row; the start of the text when nothing matched early.
 */
export function snippet(text: string, terms: string[], width = 160): string {
  if (text.length <= width) return text;
  let offset = 0;
  for (const run of highlightRuns(text, terms)) {
    if (run.hit) break;
    offset += run.text.length;
  }
  if (offset >= text.length || offset < (width * 2) / 3) return `${text.slice(0, width)}…`;
  const start = offset - Math.floor(width / 3);
  return `…${text.slice(start, start + width)}${start + width < text.length ? '…' : ''}`;
}
