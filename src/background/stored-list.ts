import type { z } from 'zod';

/**
 * A list the background keeps in storage.local for itself (recent deals, "not helpful" answers,
 * what the cue plans showed), read through `schema`: entries that no longer parse are left out,
 * and anything but an array reads as empty. Only for the background's own memories: the user's
 * settings are refused whole instead (src/settings/item.ts), never thinned.
 */
export function parseEach<T>(stored: unknown, schema: z.ZodType<T>): T[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry) => {
    const parsed = schema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}
