import { useEffect, useState } from 'preact/hooks';
import { saveSettings } from '../../../src/settings/store';
import { useSettings } from '../../../src/ui/use-settings';
import { t } from '../../../src/i18n/t';
import { StatusLine, type Status } from '../../../src/ui/StatusLine';

/**
 * When Rebound asks: a minimum deal size, a daily cap, the encouraging line, and whether to ask
 * "what worked" about won deals.
 */
export function AskSettings() {
  const loaded = useSettings();
  const [minAmount, setMinAmount] = useState('');
  const [dailyCap, setDailyCap] = useState('');
  const [kindLine, setKindLine] = useState(true);
  const [captureWins, setCaptureWins] = useState(false);
  const [status, setStatus] = useState<Status>();
  useEffect(() => {
    if (!loaded) return;
    setMinAmount(loaded.settings.minAmount === undefined ? '' : String(loaded.settings.minAmount));
    setDailyCap(String(loaded.settings.dailyCap));
    setKindLine(loaded.settings.kindLine);
    setCaptureWins(loaded.settings.captureWins);
  }, [loaded]);
  if (!loaded) return null;

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
    await saveSettings({
      ...loaded.settings,
      minAmount: min,
      dailyCap: cap,
      kindLine,
      captureWins,
    });
    setStatus({ error: false, text: t('ask_saved') });
  };

  return (
    <section aria-labelledby="ask-title" style={{ display: 'grid', gap: '8px' }}>
      <h2 id="ask-title">{t('ask_title')}</h2>
      <div class="row">
        <label for="min-amount">{t('ask_min_amount')}</label>
        <input
          id="min-amount"
          inputMode="decimal"
          size={10}
          value={minAmount}
          onInput={(e) => setMinAmount(e.currentTarget.value)}
        />
      </div>
      <div class="row">
        <label for="daily-cap">{t('ask_daily_cap')}</label>
        <input
          id="daily-cap"
          inputMode="numeric"
          size={4}
          value={dailyCap}
          onInput={(e) => setDailyCap(e.currentTarget.value)}
        />
        <span class="muted">{t('ask_daily_cap_note')}</span>
      </div>
      <div class="row">
        <input
          id="kind-line"
          type="checkbox"
          checked={kindLine}
          onChange={(e) => setKindLine(e.currentTarget.checked)}
        />
        <label for="kind-line">{t('ask_kind_line')}</label>
      </div>
      <div class="row">
        <input
          id="capture-wins"
          type="checkbox"
          aria-describedby="capture-wins-hint"
          checked={captureWins}
          onChange={(e) => setCaptureWins(e.currentTarget.checked)}
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
