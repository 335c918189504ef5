import { resolveTemplate } from '../lessons/template';
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../lessons/schema';
import { testLesson } from '../lessons/lesson.test-helper';
import type { Win } from '../lessons/win-schema';
import { escapeMarkdown, toMarkdown } from './markdown';

const BUILT_IN = resolveTemplate(undefined);

const lesson = (overrides: Partial<Lesson> = {}) =>
  testLesson({
    dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/42',
    amount: 48000,
    currency: 'USD',
    company: 'Acme Corp',
    stageBefore: 'Contract sent',
    reason: 'competitor.price-value',
    ...overrides,
  });

/** Characters that start Markdown syntax, each not preceded by a backslash. */
const unescaped = (text: string, chars: string) =>
  new RegExp(`(^|[^\\\\])[${chars.replace(/[\]\\^-]/g, '\\$&')}]`).test(text);

describe('escapeMarkdown', () => {
  it('neutralises HTML', () => {
    const out = escapeMarkdown('<img src=x onerror=alert(1)>');
    expect(out).toBe('\\<img src=x onerror=alert(1)\\>');
    expect(unescaped(out, '<>')).toBe(false);
  });

  it('neutralises links and images', () => {
    for (const text of ['[x](javascript:alert(1))', '![x](https://evil.example/t.png)']) {
      const out = escapeMarkdown(text);
      expect(unescaped(out, '[]')).toBe(false);
    }
    expect(escapeMarkdown('[x](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
  });

  it.each([
    ['- not a list item', '\\- not a list item'],
    ['+ not a list item', '\\+ not a list item'],
    ['* not a list item', '\\* not a list item'],
    ['1. not an ordered item', '1\\. not an ordered item'],
    ['12) not an ordered item', '12\\) not an ordered item'],
    ['# not a heading', '\\# not a heading'],
    ['=== not an underline', '\\=== not an underline'],
    ['> not a quote', '\\> not a quote'],
    [
      '`code` and **bold** and _em_ and ~~strike~~',
      '\\`code\\` and \\*\\*bold\\*\\* and \\_em\\_ and \\~\\~strike\\~\\~',
    ],
    ['a | table | row', 'a \\| table \\| row'],
    ['&lt; entity', '\\&lt; entity'],
  ])('escapes %j', (text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });

  it('escapes block syntax at the start of every line, keeping the line breaks', () => {
    expect(escapeMarkdown('fine\n- item\n  2. item\r\n# head')).toBe(
      'fine  \n\\- item  \n  2\\. item  \n\\# head',
    );
  });

  it('leaves ordinary text alone', () => {
    expect(escapeMarkdown('Lost on price - 10% over budget (2 of 3 vendors).')).toBe(
      'Lost on price - 10% over budget (2 of 3 vendors).',
    );
  });
});

describe('toMarkdown', () => {
  const now = new Date('2026-03-04T05:06:07.000Z');

  it('has a heading with the export date and count, and one section per lesson', () => {
    const md = toMarkdown(
      [lesson({ dealName: 'Acme renewal' }), lesson({ dealName: 'Globex expansion' })],
      BUILT_IN,
      now,
    );
    expect(md.startsWith('# Rebound lessons\n\nExported 2026-03-04 · 2 lessons')).toBe(true);
    expect(md.match(/^## .*$/gm)).toEqual(['## Acme renewal', '## Globex expansion']);
  });

  it('says "1 lesson" for one, and has no sections for none', () => {
    expect(toMarkdown([lesson()], BUILT_IN, now)).toContain('· 1 lesson\n');
    expect(toMarkdown([], BUILT_IN, now)).toBe(
      '# Rebound lessons\n\nExported 2026-03-04 · 0 lessons\n',
    );
  });

  it('lists the facts and the answers under their questions', () => {
    const md = toMarkdown(
      [
        lesson({
          answers: {
            whatHappened: 'They chose Globex.',
            nextTime: 'Next time I see a price objection, I will bring a business case.',
          },
        }),
      ],
      BUILT_IN,
      now,
    );
    expect(md).toContain('- **Date:** 2026-01-02');
    expect(md).toContain('- **Company:** Acme Corp');
    expect(md).toContain('- **Amount:** 48000 USD');
    expect(md).toContain('- **Stage before:** Contract sent');
    expect(md).toContain('- **Outcome:** Lost to a competitor');
    expect(md).toContain('- **Reason:** Price / value');
    expect(md).toContain('- **Link:** <https://app.hubspot.com/contacts/1/record/0-3/42>');
    expect(md).toContain('### What actually happened?\n\nThey chose Globex.');
    // An answer to a retired question keeps that question's wording.
    expect(md).toContain(
      '### Next time I will…\n\nNext time I see a price objection, I will bring a business case.',
    );
    expect(md).not.toContain('### What went well?');
  });

  it('lists the new facts and the plan, and answers in question order', () => {
    const md = toMarkdown(
      [
        lesson({
          secondaryReason: 'no-decision.champion-left',
          confidence: 'buyer-told-me',
          feeling: 2,
          crmLostReason: 'Price',
          mode: 'deep',
          templateVersion: 2,
          answers: {
            wentWell: 'The demo.',
            planAction: 'bring a business case',
            attribution: 'product',
            planCue: 'a price objection',
          },
        }),
      ],
      BUILT_IN,
      now,
    );
    const facts = md.match(/^- \*\*.*$/gm);
    expect(facts).toEqual([
      '- **Date:** 2026-01-02',
      '- **Company:** Acme Corp',
      '- **Amount:** 48000 USD',
      '- **Stage before:** Contract sent',
      '- **Outcome:** Lost to a competitor',
      '- **Reason:** Price / value',
      '- **Within my control:** No',
      '- **Second reason:** Champion left',
      '- **How sure:** The buyer told me',
      '- **Feeling:** 2 of 5 (low)',
      '- **Reason given in the CRM:** Price',
      '- **Plan:** Next time I see a price objection, I will bring a business case.',
      '- **CRM:** hubspot',
      '- **Link:** <https://app.hubspot.com/contacts/1/record/0-3/42>',
    ]);
    expect(md.match(/^### .*$/gm)).toEqual([
      '### Next time I see…',
      '### …I will',
      '### Was this mostly about…',
      '### What went well?',
    ]);
    expect(md).toContain('### Was this mostly about…\n\nthe product');
  });

  it('leaves out facts the lesson does not have', () => {
    const md = toMarkdown(
      [
        lesson({
          company: undefined,
          amount: undefined,
          stageBefore: undefined,
          reason: undefined,
          dealUrl: undefined,
        }),
      ],
      BUILT_IN,
      now,
    );
    for (const label of ['Company', 'Amount', 'Stage before', 'Reason', 'Link']) {
      expect(md).not.toContain(`**${label}:**`);
    }
    expect(md).toContain('- **Outcome:** Lost to a competitor');
  });

  it('keeps CRM text from adding sections, links or HTML', () => {
    const md = toMarkdown(
      [
        lesson({
          dealName: 'Evil\n## Injected section <img src=x onerror=alert(1)>',
          company: '[click](javascript:alert(1))',
          dealUrl: undefined,
          answers: { whatHappened: 'ok\n## Also injected\n- [x](javascript:1)' },
        }),
      ],
      BUILT_IN,
      now,
    );
    expect(md.match(/^#+ /gm)).toEqual(['# ', '## ', '### ']);
    expect(md).not.toMatch(/^- \[/m);
    expect(unescaped(md, '<>[]')).toBe(false);
  });

  it('writes the deal link as an autolink that cannot be broken out of', () => {
    const md = toMarkdown(
      [lesson({ dealUrl: 'https://crm.example.com/deal?q=a>b<c' })],
      BUILT_IN,
      now,
    );
    expect(md).toContain('- **Link:** <https://crm.example.com/deal?q=a%3Eb%3Cc>');
  });
});

describe('toMarkdown with wins', () => {
  const now = new Date('2026-03-04T05:06:07.000Z');
  const win: Win = {
    id: '5c9a7e2b-3d4f-4a1b-9c8d-7e6f5a4b3c2d',
    createdAt: '2026-02-01T10:00:00.000Z',
    updatedAt: '2026-02-01T10:00:00.000Z',
    schemaVersion: 1,
    crm: 'hubspot',
    dealName: 'Globex [expansion](javascript:x)',
    dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/43',
    company: 'Globex',
    stageBefore: 'Contract sent',
    answers: {
      difference: 'The champion co-wrote the business case',
      againCue: 'an RFP',
      againAction: 'ask for the scoring sheet',
    },
  };

  it('puts the wins under "What worked", after the lessons, with their answers', () => {
    const md = toMarkdown([lesson()], BUILT_IN, now, [win]);
    expect(md.match(/^#{1,2} .*$/gm)).toEqual([
      '# Rebound lessons',
      '## Acme renewal',
      '# What worked',
      '## Globex \\[expansion\\](javascript:x)',
    ]);
    const part = md.slice(md.indexOf('# What worked'));
    expect(part).toContain('- **Won:** 2026-02-01');
    expect(part).toContain('- **Company:** Globex');
    expect(part).toContain(`- **Link:** <${win.dealUrl}>`);
    expect(part).toContain(
      '### If a teammate asked what won this deal, what would you tell them?\n\nThe champion co-wrote the business case',
    );
    expect(part).toContain(
      '### What will you do again?\n\nNext time I see an RFP, I will again ask for the scoring sheet.',
    );
  });

  it('has no "What worked" part without wins', () => {
    expect(toMarkdown([lesson()], BUILT_IN, now)).not.toContain('What worked');
  });
});
