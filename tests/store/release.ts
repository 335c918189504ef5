/**
 * The pure parts of `npm run version:bump` (tests/store/bump.ts): the next version, and the
 * files that carry it (package.json, package-lock.json, CHANGELOG.md) as text in, text out.
 */

export type BumpKind = 'patch' | 'minor' | 'major';

/**
 * Versions as the stores take them. WXT copies package.json's version into the manifest, and
 * Chrome's manifest `version` is one to four dot-separated integers of at most 65535: a
 * pre-release tag (`1.0.0-beta`) has no place there, so only MAJOR.MINOR.PATCH is accepted.
 */
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

function parseVersion(version: string): [number, number, number] {
  const parts = VERSION.exec(version)?.slice(1).map(Number);
  if (!parts || parts.some((part) => part > 65535)) {
    throw new Error(
      `"${version}" is not a version the stores take: MAJOR.MINOR.PATCH, each at most 65535 ` +
        '(no pre-release tag: Chrome’s manifest version is numbers only).',
    );
  }
  return parts as [number, number, number];
}

function compare(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The version after `current`: one step of `kind`, or the `spec` given, which must be newer. */
export function nextVersion(current: string, spec: string): string {
  const [major, minor, patch] = parseVersion(current);
  if (spec === 'major') return `${major + 1}.0.0`;
  if (spec === 'minor') return `${major}.${minor + 1}.0`;
  if (spec === 'patch') return `${major}.${minor}.${patch + 1}`;
  // A store refuses an update whose version is not greater than the one it has.
  if (compare(parseVersion(spec), [major, minor, patch]) <= 0) {
    throw new Error(`${spec} is not newer than the current version ${current}.`);
  }
  return spec;
}

/** package.json with `version` changed, and nothing else (its own layout kept). */
export function withPackageVersion(packageJson: string, version: string): string {
  let replaced = 0;
  // The first "version" key of the file is the package's own (dependencies say theirs as
  // values of their names, never under a "version" key, in package.json).
  const text = packageJson.replace(/^(\s*"version":\s*)"[^"]*"/m, (_, key: string) => {
    replaced++;
    return `${key}"${version}"`;
  });
  if (replaced !== 1) throw new Error('package.json has no "version" to change.');
  return text;
}

type Lockfile = { version?: string; packages?: Record<string, { version?: string }> };

/**
 * package-lock.json with the project's version changed in both places npm keeps it (the top
 * level and the root package, ""), written as npm writes it (two spaces, a final newline).
 */
export function withLockfileVersion(lockfile: string, version: string): string {
  const lock = JSON.parse(lockfile) as Lockfile;
  const root = lock.packages?.[''];
  if (lock.version === undefined || !root) {
    throw new Error('package-lock.json has no version of its own to change.');
  }
  lock.version = version;
  root.version = version;
  return `${JSON.stringify(lock, null, 2)}\n`;
}

/** The day as Keep a Changelog writes it (ISO, UTC). */
export function changelogDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

const UNRELEASED = /^## \[Unreleased\][^\n]*\n/m;

/**
 * CHANGELOG.md (Keep a Changelog) with what is under Unreleased moved under `version` and
 * `date`, and a new, empty Unreleased above it. Refuses an empty Unreleased (a release that
 * says nothing of what changed) and a version already in the changelog.
 */
export function releaseChangelog(changelog: string, version: string, date: string): string {
  const heading = UNRELEASED.exec(changelog);
  if (!heading) throw new Error('CHANGELOG.md has no "## [Unreleased]" section.');
  const start = heading.index + heading[0].length;
  const next = changelog.slice(start).search(/^## /m);
  const body = changelog.slice(start, next === -1 ? undefined : start + next);
  if (!/^[-*] /m.test(body)) {
    throw new Error('CHANGELOG.md says nothing under Unreleased: write what changed first.');
  }
  if (new RegExp(`^## \\[${version.replaceAll('.', '\\.')}\\]`, 'm').test(changelog)) {
    throw new Error(`CHANGELOG.md already has a section for ${version}.`);
  }
  return `${changelog.slice(0, start)}\n## [${version}] - ${date}\n${changelog.slice(start)}`;
}
