import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_LOST_LABELS } from '../../../src/crm/stage-labels';
import { saveSettings } from '../../../src/settings/store';
import { useSettings } from '../../../src/ui/use-settings';
import { t } from '../../../src/i18n/t';

/** The stage labels that mean "lost", one per line: renamed or translated stages count too. */
export function LostLabels() {
  const loaded = useSettings();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<string>();
  useEffect(() => {
    if (loaded) setText(loaded.settings.lostLabels.join('\n'));
  }, [loaded]);
  if (!loaded) return null;

  const save = async (labels: string[]) => {
    await saveSettings({ ...loaded.settings, lostLabels: labels });
    setStatus(t('labels_saved', labels.length));
  };
  const lines = () =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);

  return (
    <section aria-labelledby="labels-title" style={{ display: 'grid', gap: '8px' }}>
      <h2 id="labels-title">{t('labels_title')}</h2>
      {loaded.problem && <p class="status error">{loaded.problem}</p>}
      <label for="lost-labels" class="muted">
        {t('labels_help')}
      </label>
      <textarea
        id="lost-labels"
        rows={8}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        style={{ fontFamily: 'inherit', fontSize: '14px' }}
      />
      <div class="row">
        <button type="button" class="primary" onClick={() => void save(lines())}>
          {t('labels_save')}
        </button>
        <button type="button" onClick={() => void save([...DEFAULT_LOST_LABELS])}>
          {t('labels_reset')}
        </button>
        {status && (
          <span class="status" role="status">
            {status}
          </span>
        )}
      </div>
    </section>
  );
}
