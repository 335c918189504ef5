import { useState } from 'preact/hooks';
import type { SettingsItem } from '../settings/item';
import { t } from '../i18n/t';
import { saveFailure } from './save-failure';

/**
 * Why a section's stored settings could not be read (the defaults stand in, and saving is
 * refused: it would erase them), and the way out: replacing them, once the user confirms.
 */
export function SettingsProblem({
  problem,
  item,
}: {
  problem: string | undefined;
  item: Pick<SettingsItem<unknown>, 'replaceUnreadable'>;
}) {
  const [asking, setAsking] = useState(false);
  const [failed, setFailed] = useState<string>();
  if (!problem) return null;
  const replace = () =>
    item.replaceUnreadable().then(
      () => setAsking(false),
      (error: unknown) => setFailed(saveFailure(error)),
    );
  return (
    <div class="status error" role="alert">
      <p>{problem}</p>
      {asking ? (
        <div class="row">
          <span>{t('settings_replace_confirm')}</span>
          <button type="button" class="danger" onClick={() => void replace()}>
            {t('settings_replace_yes')}
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            {t('settings_replace_cancel')}
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setAsking(true)}>
          {t('settings_replace')}
        </button>
      )}
      {failed && <p>{failed}</p>}
    </div>
  );
}
