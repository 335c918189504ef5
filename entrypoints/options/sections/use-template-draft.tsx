import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../src/i18n/t';
import { nextVersion } from '../../../src/reflection/template-edit';
import {
  defaultTemplateSettings,
  TemplateSettingsSchema,
  withNewBuiltIns,
  type TemplateSettings,
} from '../../../src/reflection/template';
import { saveSettings } from '../../../src/settings/store';
import { StatusLine, type Status } from '../../../src/ui/StatusLine';
import { useSettings } from '../../../src/ui/use-settings';

/**
 * An editable copy of the user's template for one options section. `pick` takes that section's
 * part of the copy into the stored template, so the questions and the reasons sections can each
 * be saved without undoing the other's saved edits. The copy is made once: a save elsewhere
 * does not throw away unsaved edits here.
 */
export function useTemplateDraft(
  pick: (current: TemplateSettings, draft: TemplateSettings) => TemplateSettings,
) {
  const loaded = useSettings();
  const [draft, setDraft] = useState<TemplateSettings>();
  const [status, setStatus] = useState<Status>();
  useEffect(() => {
    if (loaded && !draft) setDraft(withNewBuiltIns(loaded.settings.template));
  }, [loaded, draft]);
  if (!loaded || !draft) return undefined;

  const fail = (text: string) => setStatus({ error: true, text });
  return {
    draft,
    edit(change: (draft: TemplateSettings) => TemplateSettings) {
      setDraft(change(draft));
      setStatus(undefined);
    },
    fail,
    async save() {
      const stored = loaded.settings.template ?? defaultTemplateSettings();
      const parsed = TemplateSettingsSchema.safeParse(
        nextVersion(stored, pick(withNewBuiltIns(stored), draft)),
      );
      // The message alone: the path inside the template means nothing to the reader.
      if (!parsed.success) return fail(parsed.error.issues[0]?.message ?? t('error_invalid_data'));
      await saveSettings({ ...loaded.settings, template: parsed.data });
      setStatus({ error: false, text: t('template_saved', parsed.data.version) });
    },
    status: <StatusLine status={status} />,
  };
}
