import { z } from 'zod';
import { describeWriteError } from '../db/write-error';
import { t } from '../i18n/t';

/**
 * Why a settings save did not happen, in the words shown beside the section's Save: what is
 * wrong with the value (its schema's message alone: the path inside a setting means nothing to
 * the reader), or why the write failed.
 */
export function saveFailure(error: unknown): string {
  if (error instanceof z.ZodError) return error.issues[0]?.message ?? t('error_invalid_data');
  return describeWriteError(error).message;
}
