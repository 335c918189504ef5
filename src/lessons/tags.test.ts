import { describe, expect, it } from 'vitest';
import { TAG_MAX } from './schema';
import {
  addTags,
  knownSpelling,
  normaliseTag,
  removeTags,
  splitTags,
  tagSuggestions,
} from './tags';

describe('normaliseTag', () => {
  it('trims, collapses inner spaces and keeps nothing of a blank', () => {
    expect(normaliseTag('  Q4   push\t')).toBe('Q4 push');
    expect(normaliseTag(' \n ')).toBeUndefined();
  });

  it('cuts at TAG_MAX without splitting an emoji', () => {
    expect(normaliseTag('x'.repeat(TAG_MAX + 5))).toHaveLength(TAG_MAX);
    const tag = normaliseTag('x'.repeat(TAG_MAX - 1) + '😀');
    expect(tag).toBe('x'.repeat(TAG_MAX - 1));
  });
});

describe('adding and removing', () => {
  it('keeps each tag once ignoring case, in its first spelling', () => {
    expect(addTags(['Enterprise'], ['enterprise', ' Q4  push', 'q4 PUSH', ''])).toEqual([
      'Enterprise',
      'Q4 push',
    ]);
  });

  it('removes ignoring case', () => {
    expect(removeTags(['Enterprise', 'Q4'], ['ENTERPRISE'])).toEqual(['Q4']);
  });

  it('splits what is pasted at commas', () => {
    expect(splitTags('a, b ,, c')).toEqual(['a', 'b', 'c']);
  });

  it('joins the spelling a tag already has', () => {
    expect(knownSpelling('enterprise', ['Enterprise', 'SMB'])).toBe('Enterprise');
    expect(knownSpelling('new one', ['Enterprise'])).toBe('new one');
  });
});

describe('tagSuggestions', () => {
  const known = ['renewal', 'Enterprise', 'enterprise', 'price war', 'Q4', 'upsell'];

  it('offers prefix matches first, then substring ones, ignoring case', () => {
    expect(tagSuggestions(known, 'EN')).toEqual(['Enterprise', 'renewal']);
    expect(tagSuggestions(known, 'e')).toEqual(['Enterprise', 'price war', 'renewal', 'upsell']);
  });

  it('leaves out the tags the lesson already has, and offers all for empty text', () => {
    expect(tagSuggestions(known, '', ['ENTERPRISE', 'q4'])).toEqual([
      'price war',
      'renewal',
      'upsell',
    ]);
  });

  it('offers at most `limit`', () => {
    expect(tagSuggestions(known, '', [], 2)).toEqual(['Enterprise', 'price war']);
  });
});
