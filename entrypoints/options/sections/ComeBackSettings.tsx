import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { adapters } from '../../../src/crm/registry';
import { t } from '../../../src/i18n/t';
import type { ComeBackSettings as Stored } from '../../../src/settings/schema';
import { comeBackItem } from '../../../src/settings/store';
import { saveFailure } from '../../../src/ui/save-failure';
import { SettingsProblem } from '../../../src/ui/SettingsProblem';
import { StatusLine, type Status } from '../../../src/ui/StatusLine';
import { useDraftOf, useSettingsItem } from '../../../src/ui/use-settings';

const formOf = (stored: Stored): Stored => ({ ...stored });

/** A checkbox, its label and the short explanation under it (read out with it). */
function Choice(props: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children?: ComponentChildren;
}) {
  return (
    <div class="comeback-choice">
      <div class="row">
        <input
          id={props.id}
          type="checkbox"
          aria-describedby={`${props.id}-hint`}
          checked={props.checked}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        <label for={props.id}>{props.label}</label>
      </div>
      <p id={`${props.id}-hint`} class="muted comeback-hint">
        {props.hint}
      </p>
      {props.children}
    </div>
  );
}

/**
 * Lessons that come back (issue #11): the toolbar badge, the daily reminder and its time, the
 * second look, the similar-deal chip (and the CRMs it stays off in) and the cue plans. Saves
 * these fields only, into their own item; the background follows the change at once.
 */
export function ComeBackSettings() {
  const loaded = useSettingsItem(comeBackItem);
  const [form, setForm] = useDraftOf(loaded, formOf);
  const [status, setStatus] = useState<Status>();
  if (!loaded || !form) return null;
  const edit = (change: Partial<Stored>) => setForm({ ...form, ...change });
  const showIn = (crm: string, on: boolean) =>
    edit({
      similarDealsOffIn: on
        ? form.similarDealsOffIn.filter((id) => id !== crm)
        : [...form.similarDealsOffIn, crm],
    });

  const save = async () => {
    try {
      await comeBackItem.update((stored) => ({ ...stored, ...form }));
      setStatus({ error: false, text: t('comeback_saved') });
    } catch (error) {
      setStatus({ error: true, text: saveFailure(error) });
    }
  };

  return (
    <section aria-labelledby="comeback-title" style={{ display: 'grid', gap: '8px' }}>
      <h2 id="comeback-title">{t('comeback_title')}</h2>
      <p class="muted">{t('comeback_intro')}</p>
      <SettingsProblem problem={loaded.problem} item={comeBackItem} />
      <Choice
        id="comeback-badge"
        label={t('comeback_badge')}
        hint={t('comeback_badge_hint')}
        checked={form.reviewBadge}
        onChange={(reviewBadge) => edit({ reviewBadge })}
      />
      <Choice
        id="comeback-reminder"
        label={t('comeback_reminder')}
        hint={t('comeback_reminder_hint')}
        checked={form.reminder}
        onChange={(reminder) => edit({ reminder })}
      >
        <div class="row comeback-nested">
          <label for="comeback-reminder-time">{t('comeback_reminder_time')}</label>
          <input
            id="comeback-reminder-time"
            type="time"
            required
            disabled={!form.reminder}
            value={form.reminderTime}
            onInput={(e) => edit({ reminderTime: e.currentTarget.value })}
          />
        </div>
      </Choice>
      <Choice
        id="comeback-second-look"
        label={t('comeback_second_look')}
        hint={t('comeback_second_look_hint')}
        checked={form.secondLook}
        onChange={(secondLook) => edit({ secondLook })}
      />
      <Choice
        id="comeback-similar"
        label={t('comeback_similar')}
        hint={t('comeback_similar_hint')}
        checked={form.similarDeals}
        onChange={(similarDeals) => edit({ similarDeals })}
      >
        <fieldset class="comeback-nested comeback-crms" disabled={!form.similarDeals}>
          <legend>{t('comeback_similar_in')}</legend>
          {adapters.map((adapter) => (
            <div class="row" key={adapter.id}>
              <input
                id={`comeback-similar-${adapter.id}`}
                type="checkbox"
                checked={!form.similarDealsOffIn.includes(adapter.id)}
                onChange={(e) => showIn(adapter.id, e.currentTarget.checked)}
              />
              <label for={`comeback-similar-${adapter.id}`}>{adapter.name}</label>
            </div>
          ))}
        </fieldset>
      </Choice>
      <Choice
        id="comeback-cue-plans"
        label={t('comeback_cue_plans')}
        hint={t('comeback_cue_plans_hint')}
        checked={form.cuePlans}
        onChange={(cuePlans) => edit({ cuePlans })}
      />
      <div class="row">
        <button type="button" class="primary" onClick={() => void save()}>
          {t('comeback_save')}
        </button>
        <StatusLine status={status} />
      </div>
    </section>
  );
}
