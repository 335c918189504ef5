import { useMemo } from 'preact/hooks';
import { resolveTemplate, type Template } from '../lessons/template';
import { templateItem } from '../settings/store';
import { useSettingsItem } from './use-settings';

/** The user's questions and reasons, kept current when they are edited in the options page. */
export function useTemplate(): Template | undefined {
  const loaded = useSettingsItem(templateItem);
  return useMemo(() => loaded && resolveTemplate(loaded.value), [loaded]);
}
