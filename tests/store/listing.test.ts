import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const listing = readFileSync('tests/store/listing.md', 'utf8');
const messages = JSON.parse(readFileSync('src/public/_locales/en/messages.json', 'utf8')) as Record<
  string,
  { message: string }
>;

/** The text of a `## heading` section of the listing, without its blank lines or code fence. */
function section(heading: string): string {
  const start = listing.indexOf(`## ${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const body = listing.slice(start + heading.length + 4).split(/^## /m)[0]!;
  return body.replace(/^```\w*$/gm, '').trim();
}

describe('the store listing', () => {
  it('summarises with the manifest’s description, within Chrome’s 132 characters', () => {
    const short = section('Short description');
    expect(short).toBe(messages.ext_description!.message);
    expect(short.length).toBeLessThanOrEqual(132);
  });

  it('has a long description in plain text, within the stores’ limits', () => {
    const long = section('Long description');
    // Chrome allows 16,000 characters; neither store renders Markdown, so none is used (the
    // plan's blanks, ___, are text).
    expect(long.length).toBeGreaterThan(1000);
    expect(long.length).toBeLessThanOrEqual(16_000);
    expect(long).not.toMatch(/\*\*|^#|\]\(|`/m);
  });
});
