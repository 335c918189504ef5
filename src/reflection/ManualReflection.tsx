import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { database, type DraftRecord } from '../db/database';
import { finishReflection, saveDraftValues } from '../db/drafts';
import { kindLineFor } from './questions';
import { ReflectionForm } from './ReflectionForm';
import { lessonFromReflection } from './to-lesson';
import { dealPrefillFrom } from './reflect-page';
import { EMPTY_VALUES, ReflectionValuesSchema, type ReflectionValues } from './values';
import { useTemplate } from '../ui/use-template';
import { t } from '../i18n/t';

/**
 * `reflect.html?draft=<id>` continues an unfinished reflection; without it, a new manual one,
 * for the deal the URL names if it names one (`?crm=…&dealId=…&dealUrl=…&dealName=…`).
 */
function draftIdFromUrl(): string | undefined {
  return new URLSearchParams(location.search).get('draft') ?? undefined;
}

type Loaded = { state: 'loading' } | { state: 'ready'; draft?: DraftRecord } | { state: 'missing' };

/**
 * The reflection in an extension page: for a loss outside any supported CRM, or to finish one
 * left unfinished (from the popup, or a "Remind me" notification) with no CRM tab needed.
 */
export function ManualReflection() {
  const draftId = draftIdFromUrl();
  const [loaded, setLoaded] = useState<Loaded>(draftId ? { state: 'loading' } : { state: 'ready' });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const template = useTemplate();

  useEffect(() => {
    if (!draftId) return;
    void database()
      .drafts.get(draftId)
      .then((draft) => setLoaded(draft ? { state: 'ready', draft } : { state: 'missing' }));
  }, [draftId]);

  if (loaded.state === 'loading' || !template) return null;
  const draft = loaded.state === 'ready' ? loaded.draft : undefined;
  const prefill = draft ? undefined : dealPrefillFrom(location.search);
  const initial = draft
    ? ReflectionValuesSchema.safeParse(draft.values).data
    : prefill && {
        ...EMPTY_VALUES,
        answers: {},
        dealName: prefill.dealName,
        company: prefill.company ?? '',
      };
  // A named deal keeps its CRM, record and link; its name and company stay what the form says.
  const source = draft?.loss ?? {
    crm: prefill?.crm ?? 'manual',
    dealId: prefill?.dealId,
    dealUrl: prefill?.dealUrl,
    askDeal: true,
  };

  const save = async (values: ReflectionValues) => {
    const built = lessonFromReflection(values, source, template.version);
    if (!built.ok) return setError(built.error);
    setBusy(true);
    try {
      await finishReflection(database(), built.lesson, draft?.id);
      setSaved(true);
    } catch (e) {
      setError(t('manual_not_saved', e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="rb-page" style={{ maxWidth: '560px', margin: '32px auto', padding: '0 16px' }}>
      <h1 id="reflect-title">
        {draft
          ? t('prompt_title', draft.loss.deal.dealName)
          : prefill
            ? t('prompt_title', prefill.dealName)
            : t('manual_title')}
      </h1>
      <p class="muted">{kindLineFor(draft?.id ?? 'manual')}</p>
      {loaded.state === 'missing' && (
        <p class="status" role="status">
          {t('manual_missing')}{' '}
          <a href={browser.runtime.getURL('/options.html')}>{t('manual_see_all_lessons')}</a>
        </p>
      )}
      {saved ? (
        <div role="status">
          <p class="status">{t('manual_saved')}</p>
          <p>
            <a href={browser.runtime.getURL('/options.html')}>{t('manual_see_all_lessons')}</a>
          </p>
        </div>
      ) : (
        loaded.state === 'ready' && (
          <ReflectionForm
            idPrefix="manual"
            askDeal={!draft}
            template={template}
            initial={initial}
            busy={busy}
            error={error}
            onChange={
              draft ? (values) => void saveDraftValues(database(), draft.id, values) : undefined
            }
            onSave={(values) => void save(values)}
            onLater={() => window.close()}
            laterLabel={draft ? t('form_later') : t('manual_cancel')}
          />
        )
      )}
    </main>
  );
}
