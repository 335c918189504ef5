import type { Lesson } from './schema';

/** A lesson id numbered `n`, for tests that make many lessons which must not collide. */
export const lessonId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * The least a stored lesson holds (a HubSpot deal, "Acme renewal", lost to a competitor, no
 * answers), for tests to add what they are about in `overrides`. It was last updated when it was
 * made unless `overrides` says when.
 */
export function testLesson(overrides: Partial<Lesson> = {}): Lesson {
  const at = overrides.createdAt ?? '2026-01-02T03:04:05.000Z';
  return {
    id: '3f0e3c5e-8f7a-4d6b-9d1e-2a4b6c8d0e1f',
    createdAt: at,
    updatedAt: at,
    schemaVersion: 1,
    crm: 'hubspot',
    dealName: 'Acme renewal',
    outcome: 'competitor',
    answers: {},
    ...overrides,
  };
}
