import { useState } from 'preact/hooks';
import { t } from '../i18n/t';

/** One hour from now, tomorrow at 9:00, or a time the user picks. */
export function snoozeChoices(now = new Date()): { label: string; at: Date }[] {
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  tomorrow.setHours(9, 0, 0, 0);
  return [
    { label: t('snooze_in_an_hour'), at: new Date(now.getTime() + 60 * 60 * 1000) },
    { label: t('snooze_tomorrow_morning'), at: tomorrow },
  ];
}

/** `<input type="datetime-local">` value for a date, in local time. */
function localInputValue(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** "Remind me": a reminder that opens the reflection later, with no CRM tab needed. */
export function SnoozeMenu({ onSnooze }: { onSnooze: (at: Date) => void }) {
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState(() =>
    localInputValue(new Date(Date.now() + 3 * 60 * 60 * 1000)),
  );
  const [error, setError] = useState<string>();
  const pick = () => {
    const at = new Date(picked);
    if (Number.isNaN(at.getTime()) || at.getTime() <= Date.now())
      return setError(t('snooze_pick_future'));
    onSnooze(at);
  };
  return (
    <div class="rb-snooze">
      <button
        type="button"
        class="rb-secondary"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {t('snooze_remind_me_menu')}
      </button>
      {open && (
        <div class="rb-menu" role="group" aria-label={t('snooze_remind_me')}>
          {snoozeChoices().map((choice) => (
            <button key={choice.label} type="button" onClick={() => onSnooze(choice.at)}>
              {choice.label}
            </button>
          ))}
          <label class="rb-menu-pick">
            <span>{t('snooze_at')}</span>
            <input
              type="datetime-local"
              value={picked}
              onInput={(e) => setPicked(e.currentTarget.value)}
            />
          </label>
          <button type="button" onClick={pick}>
            {t('snooze_remind_me_then')}
          </button>
          {error && (
            <p class="rb-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
