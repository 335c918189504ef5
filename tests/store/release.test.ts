import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  changelogDate,
  nextVersion,
  releaseChangelog,
  withLockfileVersion,
  withPackageVersion,
} from './release';

describe('nextVersion', () => {
  it.each([
    ['0.1.0', 'patch', '0.1.1'],
    ['0.1.9', 'patch', '0.1.10'],
    ['0.1.3', 'minor', '0.2.0'],
    ['0.9.3', 'major', '1.0.0'],
    ['0.1.0', '0.1.1', '0.1.1'],
    ['0.1.0', '1.0.0', '1.0.0'],
    ['1.9.0', '1.10.0', '1.10.0'],
  ])('%s with %s is %s', (current, spec, expected) => {
    expect(nextVersion(current, spec)).toBe(expected);
  });

  it.each([
    // The store refuses an update that is not newer.
    ['0.2.0', '0.1.9', /not newer/],
    ['0.2.0', '0.2.0', /not newer/],
    // Chrome's manifest version holds numbers only.
    ['0.1.0', '1.0.0-beta.1', /no pre-release/],
    ['0.1.0', 'v1.0.0', /not a version/],
    ['0.1.0', '1.0', /not a version/],
    ['0.1.0', '01.0.0', /not a version/],
    ['0.1.0', '1.65536.0', /at most 65535/],
    ['0.1.0', 'next', /not a version/],
  ])('%s with %s is refused', (current, spec, message) => {
    expect(() => nextVersion(current, spec)).toThrow(message);
  });
});

describe('the version in package.json and package-lock.json', () => {
  const packageJson = readFileSync('package.json', 'utf8');
  const lockfile = readFileSync('package-lock.json', 'utf8');

  it('changes only the version line of package.json', () => {
    const current = (JSON.parse(packageJson) as { version: string }).version;
    const bumped = withPackageVersion(packageJson, '9.8.7');
    expect((JSON.parse(bumped) as { version: string }).version).toBe('9.8.7');
    expect(bumped.replace('"version": "9.8.7"', `"version": "${current}"`)).toBe(packageJson);
  });

  it('changes both of the lockfile’s own versions and keeps npm’s layout', () => {
    const bumped = withLockfileVersion(lockfile, '9.8.7');
    const lock = JSON.parse(bumped) as {
      version: string;
      packages: Record<string, { version: string }>;
    };
    expect(lock.version).toBe('9.8.7');
    expect(lock.packages['']!.version).toBe('9.8.7');
    // Dependencies keep theirs, and the text differs from npm's by those two lines only.
    const before = lockfile.split('\n');
    const changed = bumped.split('\n').filter((line, i) => line !== before[i]);
    expect(changed).toEqual(['  "version": "9.8.7",', '      "version": "9.8.7",']);
  });

  it('says so when there is no version to change', () => {
    expect(() => withPackageVersion('{\n  "name": "x"\n}\n', '1.0.0')).toThrow(/no "version"/);
    expect(() => withLockfileVersion('{"lockfileVersion": 3}', '1.0.0')).toThrow(/no version/);
  });
});

describe('releaseChangelog', () => {
  const changelog = [
    '# Changelog',
    '',
    '## [Unreleased]',
    '',
    '### Added',
    '- Spaced review.',
    '',
    '## [0.1.0] - 2026-11-30',
    '',
    '### Added',
    '- The loop.',
    '',
  ].join('\n');

  it('moves what is unreleased under the new version and leaves an empty Unreleased', () => {
    expect(releaseChangelog(changelog, '0.2.0', '2026-12-02')).toBe(
      [
        '# Changelog',
        '',
        '## [Unreleased]',
        '',
        '## [0.2.0] - 2026-12-02',
        '',
        '### Added',
        '- Spaced review.',
        '',
        '## [0.1.0] - 2026-11-30',
        '',
        '### Added',
        '- The loop.',
        '',
      ].join('\n'),
    );
  });

  it('refuses a release that says nothing, twice the same version, or no Unreleased', () => {
    const released = releaseChangelog(changelog, '0.2.0', '2026-12-02');
    expect(() => releaseChangelog(released, '0.3.0', '2026-12-03')).toThrow(/nothing under/);
    expect(() => releaseChangelog(changelog, '0.1.0', '2026-12-02')).toThrow(/already has/);
    expect(() => releaseChangelog('# Changelog\n', '0.2.0', '2026-12-02')).toThrow(
      /no "## \[Unreleased\]"/,
    );
  });

  it('dates the release by the UTC day', () => {
    expect(changelogDate(new Date('2026-12-02T23:59:59Z'))).toBe('2026-12-02');
    expect(changelogDate(new Date('2026-12-03T00:00:00Z'))).toBe('2026-12-03');
  });
});
