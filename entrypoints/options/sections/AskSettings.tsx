import { useEffect, useState } from 'preact/hooks';
import { saveSettings } from '../../../src/settings/store';
import { useSettings } from '../../../src/ui/use-settings';

/** When Rebound asks: a minimum deal size, a daily cap, the encouraging line. */
export function AskSettings() {
  const loaded = useSettings();
  const [minAmount, setMinAmount] = useState('');
  const [dailyCap, setDailyCap] = useState('');
  const [kindLine, setKindLine] = useState(true);
  const [status, setStatus] = useState<{ error: boolean; text: string }>();
  useEffect(() => {
    if (!loaded) return;
    setMinAmount(loaded.settings.minAmount === undefined ? '' : String(loaded.settings.minAmount));
    setDailyCap(String(loaded.settings.dailyCap));
    setKindLine(loaded.settings.kindLine);
  }, [loaded]);
  if (!loaded) return null;

  const save = async () => {
    const min = minAmount.trim() === '' ? undefined : Number(minAmount);
    const cap = Number(dailyCap);
    if (min !== undefined && !(min >= 0))
      return setStatus({ error: true, text: 'The minimum deal size must be a number, 0 or more.' });
    if (!Number.isInteger(cap) || cap < 1 || cap > 100) {
      return setStatus({
        error: true,
        text: 'The daily limit must be a whole number from 1 to 100.',
      });
    }
    await saveSettings({ ...loaded.settings, minAmount: min, dailyCap: cap, kindLine });
    setStatus({ error: false, text: 'Saved.' });
  };

  return (
    <section aria-labelledby="ask-title" style={{ display: 'grid', gap: '8px' }}>
      <h2 id="ask-title">When Rebound asks</h2>
      <div class="row">
        <label for="min-amount">Don’t ask about deals worth less than</label>
        <input
          id="min-amount"
          inputMode="decimal"
          size={10}
          value={minAmount}
          onInput={(e) => setMinAmount(e.currentTarget.value)}
        />
      </div>
      <div class="row">
        <label for="daily-cap">Ask at most this many times a day</label>
        <input
          id="daily-cap"
          inputMode="numeric"
          size={4}
          value={dailyCap}
          onInput={(e) => setDailyCap(e.currentTarget.value)}
        />
        <span class="muted">(later losses wait in the popup as unfinished reflections)</span>
      </div>
      <div class="row">
        <input
          id="kind-line"
          type="checkbox"
          checked={kindLine}
          onChange={(e) => setKindLine(e.currentTarget.checked)}
        />
        <label for="kind-line">Show a short encouraging line on the prompt</label>
      </div>
      <div class="row">
        <button type="button" class="primary" onClick={() => void save()}>
          Save
        </button>
        {status && (
          <span class={`status ${status.error ? 'error' : ''}`} role="status">
            {status.text}
          </span>
        )}
      </div>
    </section>
  );
}
