import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium';

/**
 * Debian's Chromium drives the browser tests and the demo (Playwright cannot download its own
 * browser here). Installs it when running as root; otherwise says the exact command.
 */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.getuid?.() === 0) {
    console.log(`Chromium is missing; installing it: ${INSTALL}`);
    execFileSync('sh', ['-c', INSTALL], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync(CHROMIUM)) return CHROMIUM;
  }
  // Each command needs root: `sudo a && b` would run the install itself without it.
  const asUser = 'sudo apt-get update && sudo apt-get install -y chromium';
  throw new Error(`Chromium was not found at ${CHROMIUM}. Install it with:\n  ${asUser}`);
}
