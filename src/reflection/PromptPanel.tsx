import { useState } from 'preact/hooks';
import type { LossEvent } from '../messaging/messages';
import { sendToBackground } from '../messaging/transport';
import { ReflectionForm, type ReflectionValues } from './ReflectionForm';
import { lessonFromReflection } from './to-lesson';

type Props = { loss: LossEvent; onClose: () => void };

/** How long the "saved" confirmation stays before the panel goes away. */
const SAVED_NOTICE_MS = 1500;

/** The in-page prompt for one confirmed loss: the form, wired to the background. */
export function PromptPanel({ loss, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const titleId = `rebound-title-${loss.lossId}`;

  const save = async (values: ReflectionValues) => {
    const built = lessonFromReflection(values, loss);
    if (!built.ok) return setError(built.error);
    setBusy(true);
    const reply = await sendToBackground({
      type: 'lesson/save',
      lossId: loss.lossId,
      lesson: built.lesson,
    });
    setBusy(false);
    if (!reply.ok) return setError(`Not saved: ${reply.error}`);
    setSaved(true);
    setTimeout(onClose, SAVED_NOTICE_MS);
  };

  const later = () => {
    void sendToBackground({ type: 'prompt/later', lossId: loss.lossId });
    onClose();
  };

  return (
    <section class="rb-panel" role="dialog" aria-labelledby={titleId}>
      <header class="rb-header">
        <h2 id={titleId} class="rb-title">
          Lost: {loss.deal.dealName}
        </h2>
        <p class="rb-subtitle">
          {[loss.deal.company, loss.stageBefore && `was ${loss.stageBefore}`]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <p class="rb-kind">
          Every seller loses most deals. A few minutes now turn this one into a lesson.
        </p>
      </header>
      {saved ? (
        <p class="rb-saved" role="status">
          Lesson saved. Find it in Rebound’s toolbar popup.
        </p>
      ) : (
        <ReflectionForm
          idPrefix={`rebound-${loss.lossId}`}
          askDeal={false}
          busy={busy}
          error={error}
          onSave={(values) => void save(values)}
          onLater={later}
        />
      )}
    </section>
  );
}
