import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { database } from '../db/database';
import { addLesson } from '../db/lessons';
import { ReflectionForm, type ReflectionValues } from './ReflectionForm';
import { lessonFromReflection } from './to-lesson';

/** The same reflection in an extension page, for a loss outside any supported CRM. */
export function ManualReflection() {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const save = async (values: ReflectionValues) => {
    const built = lessonFromReflection(values, { crm: 'manual' });
    if (!built.ok) return setError(built.error);
    setBusy(true);
    try {
      await addLesson(database(), built.lesson);
      setSaved(true);
    } catch (e) {
      setError(`Not saved: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="rb-page" style={{ maxWidth: '560px', margin: '32px auto', padding: '0 16px' }}>
      <h1 id="reflect-title">Reflect on a lost deal</h1>
      <p class="muted">
        Every seller loses most deals. A few minutes now turn this one into a lesson.
      </p>
      {saved ? (
        <div role="status">
          <p class="status">Lesson saved.</p>
          <p>
            <a href={browser.runtime.getURL('/options.html')}>See all lessons</a>
          </p>
        </div>
      ) : (
        <ReflectionForm
          idPrefix="manual"
          askDeal
          busy={busy}
          error={error}
          onSave={(values) => void save(values)}
          onLater={() => window.close()}
          laterLabel="Cancel"
        />
      )}
    </main>
  );
}
