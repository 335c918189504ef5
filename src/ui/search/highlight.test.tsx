import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Highlighted, highlightRuns, snippet } from './highlight';

describe('highlighting', () => {
  it('marks whole matched words, whatever their case and accents', () => {
    expect(highlightRuns('Le Décideur, then the décideur.', ['decideur'])).toEqual([
      { text: 'Le ', hit: false },
      { text: 'Décideur', hit: true },
      { text: ', then the ', hit: false },
      { text: 'décideur', hit: true },
      { text: '.', hit: false },
    ]);
  });

  it('renders CRM text as text, never as markup', () => {
    const hostile = '<img src=x onerror="alert(1)"> procurement';
    const { container } = render(<Highlighted text={hostile} terms={['procurement']} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe(hostile);
    expect(container.querySelector('mark')?.textContent).toBe('procurement');
  });

  it('shows the part of a long answer around its first hit', () => {
    const text = `${'word '.repeat(100)}the CFO never replied ${'tail '.repeat(50)}`;
    const part = snippet(text, ['cfo'], 60);
    expect(part).toContain('CFO');
    expect(part.startsWith('…')).toBe(true);
    expect(snippet('short text', ['cfo'])).toBe('short text');
  });
});
