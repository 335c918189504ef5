import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_LOST_LABELS, DEFAULT_WON_LABELS } from '../../../src/crm/stage-labels';
import { saveSettings } from '../../../src/settings/store';
import { useSettings } from '../../../src/ui/use-settings';
import { t } from '../../../src/i18n/t';
import { StatusLine, type Status } from '../../../src/ui/StatusLine';

/** What each list is: the settings field, its defaults, and its words. */
const KINDS = {
  lost: {
    field: 'lostLabels',
    defaults: DEFAULT_LOST_LABELS,
    title: () => t('labels_title'),
    save: () => t('labels_save'),
    saved: (count: number) => t('labels_saved', count),
  },
  won: {
    field: 'wonLabels',
    defaults: DEFAULT_WON_LABELS,
    title: () => t('won_labels_title'),
    save: () => t('won_labels_save'),
    saved: (count: number) => t('won_labels_saved', count),
  },
} as const;

/**
 * The stage labels that mean "lost" (or "won", for the opt-in capture of wins), one per line:
 * renamed or translated stages count too. The won list shows only while wins are asked about.
 */
export function StageLabels({ kind }: { kind: keyof typeof KINDS }) {
  const { field, defaults, ...words } = KINDS[kind];
  const loaded = useSettings();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<Status>();
  useEffect(() => {
    if (loaded) setText(loaded.settings[field].join('\n'));
  }, [loaded, field]);
  if (!loaded || (kind === 'won' && !loaded.settings.captureWins)) return null;

  const save = async (labels: string[]) => {
    await saveSettings({ ...loaded.settings, [field]: labels });
    setStatus({ error: false, text: words.saved(labels.length) });
  };
  const lines = () =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  const id = `${kind}-labels`;

  return (
    <section aria-labelledby={`${id}-title`} style={{ display: 'grid', gap: '8px' }}>
      <h2 id={`${id}-title`}>{words.title()}</h2>
      {kind === 'lost' && loaded.problem && <p class="status error">{loaded.problem}</p>}
      <label for={id} class="muted">
        {t('labels_help')}
      </label>
      <textarea
        id={id}
        rows={8}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        style={{ fontFamily: 'inherit', fontSize: '14px' }}
      />
      <div class="row">
        <button type="button" class="primary" onClick={() => void save(lines())}>
          {words.save()}
        </button>
        <button type="button" onClick={() => void save([...defaults])}>
          {t('labels_reset')}
        </button>
        <StatusLine status={status} />
      </div>
    </section>
  );
}
