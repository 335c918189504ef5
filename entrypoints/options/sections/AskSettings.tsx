import { useState } from 'preact/hooks';
import { saveFailure } from '../../../src/ui/save-failure';
import type { AskSettings as Stored } from '../../../src/settings/schema';
import { askItem } from '../../../src/settings/store';
import { useDraftOf, useSettingsItem } from '../../../src/ui/use-settings';
import { t } from '../../../src/i18n/t';
import { SettingsProblem } from '../../../src/ui/SettingsProblem';
import { StatusLine, type Status } from '../../../src/ui/StatusLine';

/** The form's fields: the numbers as typed, checked only on save. */
const formOf = (stored: Stored) => ({
  minAmount: stored.minAmount === undefined ? '' : String(stored.minAmount),
  dailyCap: String(stored.dailyCap),
  kindLine: stored.kindLine,
  captureWins: stored.captureWins,
});

/**
 * When Rebound asks: a minimum deal size, a daily cap, the encouraging line, and whether to ask
 * "what worked" about won deals. Saves these fields only, into their own item.
 */
export function AskSettings() {
  const loaded = useSettingsItem(askItem);
  const [form, setForm] = useDraftOf(loaded, formOf);
  const [status, setStatus] = useState<Status>();
  if (!loaded || !form) return null;
  const { minAmount, dailyCap, kindLine, captureWins } = form;
  const edit = (change: Partial<typeof form>) => setForm({ ...form, ...change });

  const save = async () => {
    const min = minAmount.trim() === '' ? undefined : Number(minAmount);
    const cap = Number(dailyCap);
    if (min !== undefined && !(min >= 0))
      return setStatus({ error: true, text: t('ask_min_amount_invalid') });
    if (!Number.isInteger(cap) || cap < 1 || cap > 100) {
      return setStatus({
        error: true,
        text: t('ask_daily_cap_invalid'),
      });
    }
    try {
      await askItem.update((stored) => ({
        ...stored,
        minAmount: min,
        dailyCap: cap,
        kindLine,
        captureWins,
      }));
      setStatus({ error: false, text: t('ask_saved') });
    } catch (error) {
      setStatus({ error: true, text: saveFailure(error) });
    }
  };

  return (
    <section aria-labelledby="ask-title" style={{ display: 'grid', gap: '8px' }}>
      <h2 id="ask-title">{t('ask_title')}</h2>
      <SettingsProblem problem={loaded.problem} item={askItem} />
      <div class="row">
        <label for="min-amount">{t('ask_min_amount')}</label>
        <input
          id="min-amount"
          inputMode="decimal"
          size={10}
          value={minAmount}
          onInput={(e) => edit({ minAmount: e.currentTarget.value })}
        />
      </div>
      <div class="row">
        <label for="daily-cap">{t('ask_daily_cap')}</label>
        <input
          id="daily-cap"
          inputMode="numeric"
          size={4}
          value={dailyCap}
          onInput={(e) => edit({ dailyCap: e.currentTarget.value })}
        />
        <span class="muted">{t('ask_daily_cap_note')}</span>
      </div>
      <div class="row">
        <input
          id="kind-line"
          type="checkbox"
          checked={kindLine}
          onChange={(e) => edit({ kindLine: e.currentTarget.checked })}
        />
        <label for="kind-line">{t('ask_kind_line')}</label>
      </div>
      <div class="row">
        <input
          id="capture-wins"
          type="checkbox"
          aria-describedby="capture-wins-hint"
          checked={captureWins}
          onChange={(e) => edit({ captureWins: e.currentTarget.checked })}
        />
        <label for="capture-wins">{t('ask_capture_wins')}</label>
      </div>
      <p id="capture-wins-hint" class="muted" style={{ margin: '-4px 0 0 24px' }}>
        {t('ask_capture_wins_hint')}
      </p>
      <div class="row">
        <button type="button" class="primary" onClick={() => void save()}>
          {t('ask_save')}
        </button>
        <StatusLine status={status} />
      </div>
    </section>
  );
}
