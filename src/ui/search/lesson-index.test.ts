import { describe, expect, it } from 'vitest';
import { createLessonIndex, removeDocuments, searchLessons, upsertDocuments } from './lesson-index';
import type { SearchDocument } from './search-document';

const doc = (id: string, fields: Partial<SearchDocument>): SearchDocument => ({
  id,
  deal: '',
  company: '',
  answers: '',
  facts: '',
  tags: '',
  ...fields,
});

const index = () => {
  const i = createLessonIndex();
  upsertDocuments(i, [
    doc('a', { deal: 'Globex renewal', answers: 'Procurement ran the RFP; we never met the CFO.' }),
    doc('b', { deal: 'Acme pilot', answers: 'Lost on price. Globex undercut us.' }),
    doc('c', { deal: 'Initech', answers: 'Le décideur était absent.', tags: 'enterprise' }),
  ]);
  return i;
};

describe('searchLessons', () => {
  it('matches word beginnings from the third letter, and every word typed', () => {
    expect(searchLessons(index(), 'procur').ids).toEqual(['a']);
    expect(searchLessons(index(), 'globex price').ids).toEqual(['b']);
    expect(searchLessons(index(), 'pr').ids).toEqual([]);
  });

  it('ranks a hit in the deal name above one in an answer', () => {
    expect(searchLessons(index(), 'globex').ids).toEqual(['a', 'b']);
  });

  it('forgives a typo in a longer word, and accents either way', () => {
    expect(searchLessons(index(), 'procurment').ids).toEqual(['a']);
    expect(searchLessons(index(), 'decideur').ids).toEqual(['c']);
    expect(searchLessons(index(), 'ÉTAIT').ids).toEqual(['c']);
  });

  it('gives the document words it matched, for highlighting', () => {
    expect(searchLessons(index(), 'procur').terms).toEqual(['procurement']);
  });

  it('keeps up with edits and deletes', () => {
    const i = index();
    upsertDocuments(i, [doc('b', { deal: 'Acme pilot', answers: 'Budget was cut.' })]);
    expect(searchLessons(i, 'globex').ids).toEqual(['a']);
    expect(searchLessons(i, 'budget').ids).toEqual(['b']);
    removeDocuments(i, ['a', 'unknown']);
    expect(searchLessons(i, 'globex').ids).toEqual([]);
  });
});
