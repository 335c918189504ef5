import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_LOST_LABELS } from '../../../src/crm/stage-labels';
import { saveSettings } from '../../../src/settings/store';
import { useSettings } from '../../../src/ui/use-settings';

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
    setStatus(`Saved ${labels.length} lost labels. Open CRM tabs use them at once.`);
  };
  const lines = () =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);

  return (
    <section aria-labelledby="labels-title" style={{ display: 'grid', gap: '8px' }}>
      <h2 id="labels-title">Stages that mean “lost”</h2>
      {loaded.problem && <p class="status error">{loaded.problem}</p>}
      <label for="lost-labels" class="muted">
        One per line. Case, accents and punctuation do not matter, and a label also counts when it
        starts a longer one (“Closed lost” covers “Closed-Lost to Competition”). Write /pattern/i
        for a regular expression.
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
          Save lost labels
        </button>
        <button type="button" onClick={() => void save([...DEFAULT_LOST_LABELS])}>
          Reset to defaults
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
