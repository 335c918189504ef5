import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import type { DealMatches, LossEvent, WinEvent } from '../messaging/messages';
import { mountSimilarChip, type ShownChip } from './SimilarChip';
import { WinPanel } from './WinPanel';
import { readUnsavedAnswers } from './unsaved-answers';
import { PromptPanel } from './PromptPanel';
import css from './reflection.css?inline';
import { askItem, templateItem } from '../settings/store';
import { resolveTemplate } from '../lessons/template';

/**
 * Shows prompts in the CRM page, one at a time: a loss that arrives while another prompt is
 * open waits its turn. The UI lives in a shadow root (the CRM's CSS cannot reach it), its key
 * events do not bubble to the page (CRM hotkeys stay quiet while typing), and it is removed
 * when the extension is reloaded (`ctx` invalidated). Win captures ("what worked") wait in the
 * same queue: one panel at a time, whichever kind.
 */
export function createPromptQueue(ctx: ContentScriptContext) {
  const waiting: ({ loss: LossEvent } | { win: WinEvent })[] = [];
  let showing = false;
  /** Draws the open loss panel again (a bulk change: more losses queued behind it). */
  let refresh: (() => void) | undefined;
  const lossesWaiting = () => waiting.filter((item) => 'loss' in item).length;
  /** The similar-deal chip: never opens while a prompt shows, and goes when one opens. */
  let chip: ShownChip | undefined;
  let chipWaiting: (() => void) | undefined;
  // The queue is made when the panel script loads, as a loss is seen and before it is
  // confirmed: the settings the first panel needs are read meanwhile. Later panels read afresh.
  const loadSettings = () => Promise.all([askItem.load(), templateItem.load()]);
  let early: ReturnType<typeof loadSettings> | undefined = loadSettings();

  const showNext = async () => {
    if (showing || ctx.isInvalid) return;
    const next = waiting.shift();
    if (!next) {
      chipWaiting?.();
      chipWaiting = undefined;
      return;
    }
    showing = true;
    // The user is reflecting now: the lessons of similar deals would only be in the way.
    chip?.remove();
    chip = undefined;
    let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
    let closed = false;
    // Once: a second call (the saved notice's timer after another way out) would let the next
    // prompt open beside one that is already showing.
    const close = () => {
      if (closed) return;
      closed = true;
      ui?.remove();
      showing = false;
      refresh = undefined;
      void showNext();
    };
    try {
      const settings = early ?? loadSettings();
      early = undefined;
      const [{ value: ask }, { value: template }] = await settings;
      // What a panel of this loss typed and could not write (closed, or its tab): shown again.
      const restored = 'loss' in next ? await readUnsavedAnswers(next.loss.lossId) : undefined;
      ui = await createShadowRootUi(ctx, {
        name: 'rebound-prompt',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        isolateEvents: true,
        // Inline CSS rather than a web-accessible file: nothing of ours is exposed to the sites.
        css,
        onMount: (container) => {
          const resolved = resolveTemplate(template);
          const draw = () =>
            render(
              'win' in next ? (
                <WinPanel win={next.win} onClose={close} />
              ) : (
                <PromptPanel
                  loss={next.loss}
                  template={resolved}
                  showKindLine={ask.kindLine}
                  lossesWaiting={lossesWaiting()}
                  restored={restored}
                  onClose={close}
                />
              ),
              container,
            );
          refresh = draw;
          draw();
          return container;
        },
        onRemove: (container) => {
          if (container) render(null, container);
        },
      });
      ui.mount();
    } catch (error) {
      // A panel that cannot open (the settings unreadable, the page refusing our element, a
      // render that throws) must not hold back every prompt after it. Its loss is not lost:
      // the background gave it a draft, which the popup lists under unfinished reflections.
      console.error('Rebound: the reflection panel could not open', error);
      close();
    }
  };

  return {
    open(loss: LossEvent) {
      waiting.push({ loss });
      refresh?.();
      void showNext();
    },
    openWin(win: WinEvent) {
      waiting.push({ win });
      void showNext();
    },
    /** The chip of an open deal's lessons, once no prompt is showing; gone when `signal` aborts. */
    showMatches(deal: { crm: string; dealId: string }, matches: DealMatches, signal: AbortSignal) {
      const show = () => {
        if (signal.aborted || ctx.isInvalid) return;
        // The chip shown until now goes once the new one is in place: a second call while the
        // first still mounts must not leave the first on the page with nothing to remove it.
        mountSimilarChip(ctx, deal, matches, signal).then(
          (shown) => {
            if (showing) return shown.remove();
            chip?.remove();
            chip = shown;
          },
          (error: unknown) => console.error('Rebound: the similar-deal chip could not open', error),
        );
      };
      if (showing) chipWaiting = show;
      else show();
    },
  };
}
