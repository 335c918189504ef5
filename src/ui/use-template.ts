import { useMemo } from 'preact/hooks';
import { resolveTemplate, type Template } from '../reflection/template';
import { useSettings } from './use-settings';

/** The user's questions and reasons, kept current when they are edited in the options page. */
export function useTemplate(): Template | undefined {
  const loaded = useSettings();
  return useMemo(() => loaded && resolveTemplate(loaded.settings.template), [loaded]);
}
