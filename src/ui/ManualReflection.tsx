import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { database, type DraftRecord } from '../db/database';
import { draftDealName } from '../db/drafts';
import type { Reply } from '../messaging/messages';
import { sendToBackground } from '../messaging/transport';
import { useSaveAsYouType } from '../prompt/panel-hooks';
import { kindLineFor } from '../lessons/questions';
import { ReflectionForm } from '../prompt/ReflectionForm';
import { dealPrefillFrom, reflectPageUrl } from '../background/reflect-page';
import { draftSaver, saveReflection } from '../prompt/save-reflection';
import { describeWriteError } from '../db/write-error';
import { useConfirmDelete } from './use-confirm-delete';
import { EMPTY_VALUES, ReflectionValuesSchema, type ReflectionValues } from '../lessons/values';
import { sessionStash } from './session-stash';
import { useTemplate } from './use-template';
import { t } from '../i18n/t';

/**
 * `reflect.html?draft=<id>` continues an unfinished reflection; without it, a new manual one,
 * for the deal the URL names if it names one (`?crm=…&dealId=…&dealUrl=…&dealName=…`).
 */
function draftIdFromUrl(): string | undefined {
  return new URLSearchParams(location.search).get('draft') ?? undefined;
}

/**
 * What this tab typed and could not yet write, with the draft it belongs to (none yet: a new
 * reflection whose draft could not be started).
 */
const UnsavedSchema = z.object({ draftId: z.string().optional(), values: ReflectionValuesSchema });
const unsavedStash = () => sessionStash('rebound.unsaved-reflection', UnsavedSchema);

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; draft?: DraftRecord }
  | { state: 'missing' }
  | { state: 'unreadable'; reason: string };

/**
 * The reflection in an extension page: for a loss outside any supported CRM, or to finish one
 * left unfinished (from the popup, or a "Remind me" notification) with no CRM tab needed. Like
 * the panel, it writes through the background only: a new reflection first asks it for a draft
 * (at the first change, or at Save), then is saved like a prompted one, once.
 */
export function ManualReflection() {
  // Read once: the URL takes the new draft's id when one begins, and the form stays as it is.
  const [start] = useState(() => ({
    draftId: draftIdFromUrl(),
    prefill: dealPrefillFrom(location.search),
    unsaved: unsavedStash().read(),
  }));
  const [loaded, setLoaded] = useState<Loaded>(
    start.draftId ? { state: 'loading' } : { state: 'ready' },
  );
  const [draftId, setDraftId] = useState(start.draftId);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<'saved' | 'already' | 'discarded'>();
  const template = useTemplate();

  // The text waits in this tab's sessionStorage (the extension's origin, kept over a reload)
  // until the background has written it.
  const current = useRef(start.draftId);
  const [stash] = useState(() => {
    const base = unsavedStash();
    return {
      keep: (values: ReflectionValues) => base.keep({ draftId: current.current, values }),
      clear: base.clear,
      moveTo: (id: string) => {
        const unsaved = base.read();
        if (unsaved) base.keep({ ...unsaved, draftId: id });
      },
    };
  });
  const opening = useRef<Promise<Reply<{ draftId: string }>>>();
  /** This reflection's draft id, asking the background to start one the first time. */
  const ensureDraft = async (): Promise<Reply<string>> => {
    if (current.current) return { ok: true, data: current.current };
    opening.current ??= sendToBackground({ type: 'draft/new', deal: start.prefill });
    const reply = await opening.current;
    if (!reply.ok) {
      opening.current = undefined;
      return reply;
    }
    const id = reply.data.draftId;
    if (current.current !== id) {
      current.current = id;
      stash.moveTo(id);
      setDraftId(id);
      // A reload (or the same tab reopened) continues this draft instead of starting another.
      history.replaceState(null, '', new URL(reflectPageUrl(id)).search);
    }
    return { ok: true, data: id };
  };
  // Each write based on the draft as this page read it, then as it last wrote it.
  const [saver] = useState(draftSaver);
  const draft = useSaveAsYouType<ReflectionValues>(async (values) => {
    const id = await ensureDraft();
    return id.ok ? saver.send(id.data, values) : id;
  }, stash);
  /** Shows the draft as the other window left it: this page's unwritten text goes. */
  const reloadFromOtherWindow = () => {
    draft.discard();
    location.reload();
  };
  const discard = useConfirmDelete(
    t('draft_discard_question'),
    async () => {
      if (!current.current) return;
      const reply = await sendToBackground({ type: 'draft/discard', draftId: current.current });
      if (!reply.ok) return reply.error;
      draft.discard();
      setSaved('discarded');
    },
    { button: t('draft_discard'), yes: t('draft_discard') },
  );

  const fromStash = start.unsaved?.draftId === start.draftId ? start.unsaved?.values : undefined;
  useEffect(() => {
    // Typed in this tab before and not written then: written now (unless finished meanwhile).
    if (!start.draftId) return void (fromStash && draft.changed(fromStash));
    database()
      .drafts.get(start.draftId)
      .then(
        (found) => {
          if (found) saver.readAt(found.updatedAt);
          setLoaded(found ? { state: 'ready', draft: found } : { state: 'missing' });
          if (found && fromStash) draft.changed(fromStash);
        },
        (error: unknown) =>
          setLoaded({ state: 'unreadable', reason: describeWriteError(error).message }),
      );
  }, []);

  if (loaded.state === 'loading' || !template) return null;
  const stored = loaded.state === 'ready' ? loaded.draft : undefined;
  const prefill = stored ? undefined : start.prefill;
  const initial =
    fromStash ??
    (stored
      ? ReflectionValuesSchema.safeParse(stored.values).data
      : prefill && {
          ...EMPTY_VALUES,
          answers: {},
          dealName: prefill.dealName,
          company: prefill.company ?? '',
        });
  const dealName = (stored && draftDealName(stored)) ?? prefill?.dealName;

  const save = async (values: ReflectionValues) => {
    setBusy(true);
    setError(undefined);
    const id = await ensureDraft();
    const outcome = id.ok
      ? await saveReflection(id.data, values, draft)
      : { error: t('prompt_not_saved_not_kept', id.error) };
    setBusy(false);
    if ('error' in outcome) return setError(outcome.error);
    draft.discard();
    setSaved(outcome.saved);
  };

  return (
    <main class="rb-page" style={{ maxWidth: '560px', margin: '32px auto', padding: '0 16px' }}>
      <h1 id="reflect-title">{dealName ? t('prompt_title', dealName) : t('manual_title')}</h1>
      <p class="muted">{kindLineFor(stored?.id ?? 'manual')}</p>
      {loaded.state === 'missing' && (
        <p class="status" role="status">
          {t('manual_missing')}{' '}
          <a href={browser.runtime.getURL('/options.html')}>{t('manual_see_all_lessons')}</a>
        </p>
      )}
      {loaded.state === 'unreadable' && (
        <p class="status error" role="alert">
          {t('manual_read_failed', loaded.reason)}
        </p>
      )}
      {saved ? (
        <div role="status">
          <p class="status">
            {saved === 'already'
              ? t('prompt_saved_already')
              : saved === 'discarded'
                ? t('draft_discarded')
                : t('manual_saved')}
          </p>
          <p>
            <a href={browser.runtime.getURL('/options.html')}>{t('manual_see_all_lessons')}</a>
          </p>
        </div>
      ) : (
        loaded.state === 'ready' && (
          <ReflectionForm
            idPrefix="manual"
            askDeal={!stored?.loss}
            template={template}
            initial={initial}
            busy={busy}
            error={error}
            unsaved={draft.problem}
            unsavedForGood={draft.stopped}
            unsavedAction={
              saver.refused() === 'stale' ? (
                <button type="button" class="rb-link" onClick={reloadFromOtherWindow}>
                  {t('draft_reload')}
                </button>
              ) : undefined
            }
            onChange={draft.changed}
            onSave={(values) => void save(values)}
            onLater={() => window.close()}
            laterLabel={draftId ? t('form_later') : t('manual_cancel')}
            // A manual reflection with a draft can go (Cancel has become Later): a prompted
            // loss's draft goes with Skip, in the panel.
            actions={draftId && !stored?.loss ? discard.button : undefined}
          />
        )
      )}
      {!saved && discard.confirm}
    </main>
  );
}
