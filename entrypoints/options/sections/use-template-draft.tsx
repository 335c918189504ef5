import { useState } from 'preact/hooks';
import { t } from '../../../src/i18n/t';
import { nextVersion, withEntriesKept } from '../../../src/lessons/template-edit';
import {
  defaultTemplateSettings,
  TemplateSettingsSchema,
  withNewBuiltIns,
  type TemplateSettings,
} from '../../../src/lessons/template';
import { templateItem } from '../../../src/settings/store';
import { saveFailure } from '../../../src/ui/save-failure';
import { SettingsProblem } from '../../../src/ui/SettingsProblem';
import { StatusLine, type Status } from '../../../src/ui/StatusLine';
import { useDraftOf, useSettingsItem } from '../../../src/ui/use-settings';

/**
 * An editable copy of the user's template for one options section. `pick` takes that section's
 * part of the copy into the stored template, so the questions and the reasons sections can each
 * be saved without undoing the other's saved edits. The copy is made once: a save elsewhere
 * does not throw away unsaved edits here.
 */
export function useTemplateDraft(
  pick: (current: TemplateSettings, draft: TemplateSettings) => TemplateSettings,
) {
  const loaded = useSettingsItem(templateItem);
  const [draft, setDraft] = useDraftOf(loaded, withNewBuiltIns);
  const [status, setStatus] = useState<Status>();
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
      try {
        // Picked into the template stored now: the other section's save since, and entries an
        // import brought since this copy was made, stay.
        const saved = await templateItem.update((current) => {
          const stored = current ?? defaultTemplateSettings();
          const picked = pick(withNewBuiltIns(stored), draft);
          return TemplateSettingsSchema.parse(nextVersion(stored, withEntriesKept(picked, stored)));
        });
        setStatus({ error: false, text: t('template_saved', saved!.version) });
      } catch (error) {
        fail(saveFailure(error));
      }
    },
    /** Why the stored template could not be read, shown under the section's heading. */
    problem: <SettingsProblem problem={loaded.problem} item={templateItem} />,
    status: <StatusLine status={status} />,
  };
}
