import { useState } from 'preact/hooks';
import { saveFailure } from '../../../src/ui/save-failure';
import { DEFAULT_LOST_LABELS, DEFAULT_WON_LABELS } from '../../../src/settings/stage-labels';
import { askItem, lostLabelsItem, wonLabelsItem } from '../../../src/settings/store';
import { useDraftOf, useSettingsItem } from '../../../src/ui/use-settings';
import { t } from '../../../src/i18n/t';
import { SettingsProblem } from '../../../src/ui/SettingsProblem';
import { StatusLine, type Status } from '../../../src/ui/StatusLine';

/** What each list is: its settings item, its defaults, and its words. */
const KINDS = {
  lost: {
    item: lostLabelsItem,
    defaults: DEFAULT_LOST_LABELS,
    title: () => t('labels_title'),
    save: () => t('labels_save'),
    saved: (count: number) => t('labels_saved', count),
  },
  won: {
    item: wonLabelsItem,
    defaults: DEFAULT_WON_LABELS,
    title: () => t('won_labels_title'),
    save: () => t('won_labels_save'),
    saved: (count: number) => t('won_labels_saved', count),
  },
} as const;

const textOf = (labels: string[]) => labels.join('\n');

/**
 * The stage labels that mean "lost" (or "won", for the opt-in capture of wins), one per line:
 * renamed or translated stages count too. The won list shows only while wins are asked about.
 */
export function StageLabels({ kind }: { kind: keyof typeof KINDS }) {
  const { item, defaults, ...words } = KINDS[kind];
  const loaded = useSettingsItem(item);
  const ask = useSettingsItem(askItem);
  const [text, setText] = useDraftOf(loaded, textOf);
  const [status, setStatus] = useState<Status>();
  if (!loaded || text === undefined || (kind === 'won' && !ask?.value.captureWins)) return null;

  const save = async (labels: string[]) => {
    try {
      const saved = await item.update(() => labels);
      setText(textOf(saved));
      setStatus({ error: false, text: words.saved(saved.length) });
    } catch (error) {
      setStatus({ error: true, text: saveFailure(error) });
    }
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
      <SettingsProblem problem={loaded.problem} item={item} />
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
