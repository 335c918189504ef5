import { vi } from 'vitest';
import { lostMatcher, neverWon } from '../../settings/stage-labels';
import type { DetectorEnv, Observation } from '../types';
import { afterDelay } from '../observe-deep';

/**
 * What a detector is given on a page, for tests: this document, a deal page by default, the
 * default lost labels, and `report`/`health` recorded. `abort` stops what the detector started.
 */
export function detectorEnv(overrides: Partial<DetectorEnv> = {}) {
  const controller = new AbortController();
  const report = vi.fn<(observation: Observation) => void>();
  const health = vi.fn<(missing: string | undefined) => void>();
  const env: DetectorEnv = {
    root: document,
    url: new URL('https://crm.example.com/deal/42'),
    page: { kind: 'deal', dealId: '42' },
    signal: controller.signal,
    baselineUntil: 0,
    settle: afterDelay,
    isLost: lostMatcher(),
    isWon: neverWon,
    report,
    health,
    ...overrides,
  };
  return { env, report, health, abort: () => controller.abort() };
}
