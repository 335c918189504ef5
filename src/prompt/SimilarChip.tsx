import { render } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { t } from '../i18n/t';
import type { DealMatches, LessonCard } from '../messaging/messages';
import { sendToBackground } from '../messaging/transport';
import { useFocusReturn } from './panel-hooks';
import { chipCorner, type Corner } from './position';
import reflectionCss from './reflection.css?inline';
import css from './similar.css?inline';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

type Props = {
  /** A plan whose cue this deal shows now: the first card. */
  cue?: LessonCard;
  cards: LessonCard[];
  /** The corner where the chip covers none of the CRM's controls. */
  corner: Corner;
  /** "Not helpful": resolves to why it could not be remembered, or nothing. */
  onNotHelpful: (lessonId: string) => Promise<string | undefined>;
  /** ×, Esc, or the last card let go: the chip leaves this page. */
  onDismiss: () => void;
};

/**
 * "2 lessons from similar deals" on an open deal's page (issue #11): a small chip in a corner,
 * opening a compact panel of the lessons, each with why it matches. Polite like the prompt: it
 * appears without taking the focus, which moves into the panel only when the user opens it, and
 * goes back to where it was when the chip is dismissed. Everything shown is text.
 */
export function SimilarChip({ cue, cards: initial, corner, onNotHelpful, onDismiss }: Props) {
  const [cards, setCards] = useState(initial);
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string>();
  const wrapper = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusReturn = useFocusReturn(wrapper);
  const openedByUser = useRef(false);
  useLayoutEffect(() => {
    if (open && openedByUser.current) heading.current?.focus();
    openedByUser.current = false;
  }, [open]);
  const dismiss = () => {
    focusReturn.restore();
    onDismiss();
  };
  const notHelpful = async (lessonId: string) => {
    setProblem(undefined);
    const error = await onNotHelpful(lessonId);
    if (error) return setProblem(t('similar_not_helpful_failed', error));
    const left = cards.filter((card) => card.lessonId !== lessonId);
    if (left.length === 0 && !cue) return dismiss();
    setCards(left);
  };
  const side = { [corner.x]: '16px', [corner.y]: '16px' };
  const panelSide = { [corner.x]: '16px', [corner.y]: '60px' };
  const similarLabel =
    cards.length === 1 ? t('similar_chip_one') : t('similar_chip_many', String(cards.length));
  const label = !cue
    ? similarLabel
    : cards.length === 0
      ? t('cue_chip')
      : t('cue_chip_with_similar', String(cards.length));
  return (
    <div
      ref={wrapper}
      class="rb-similar"
      onFocusIn={focusReturn.onFocusIn}
      onPointerDownCapture={focusReturn.onPointerDown}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        dismiss();
      }}
    >
      {open && (
        <section
          class="rb-panel rb-similar-panel"
          style={panelSide}
          role="dialog"
          aria-labelledby="rebound-similar-title"
          data-testid="similar-panel"
        >
          <div class="rb-header-row">
            <h2 id="rebound-similar-title" class="rb-title" tabIndex={-1} ref={heading}>
              {cue ? t('cue_card_title') : t('similar_panel_title')}
            </h2>
            <button
              type="button"
              class="rb-icon"
              aria-label={t('similar_dismiss')}
              title={t('similar_dismiss')}
              onClick={dismiss}
            >
              ×
            </button>
          </div>
          {problem && (
            <p class="rb-error" role="alert">
              {problem}
            </p>
          )}
          {cue && (
            <ul class="rb-cards">
              <CardItem card={cue} testId="cue-card" />
            </ul>
          )}
          {cue && cards.length > 0 && <h3 class="rb-cards-title">{t('similar_panel_title')}</h3>}
          {cards.length > 0 && (
            <ul class="rb-cards">
              {cards.map((card) => (
                <CardItem
                  key={card.lessonId}
                  card={card}
                  testId="similar-card"
                  onNotHelpful={() => void notHelpful(card.lessonId)}
                />
              ))}
            </ul>
          )}
        </section>
      )}
      <div class="rb-chip-row" style={side}>
        <button
          type="button"
          class="rb-chip"
          aria-expanded={open}
          data-testid="similar-chip"
          onClick={() => {
            openedByUser.current = !open;
            setOpen(!open);
          }}
        >
          {label}
        </button>
        <button
          type="button"
          class="rb-chip rb-chip-close"
          aria-label={t('similar_dismiss')}
          title={t('similar_dismiss')}
          onClick={dismiss}
        >
          ×
        </button>
      </div>
    </div>
  );
}

/** One lesson of the chip's panel: its deal, when, reason, plan, and why it is shown here. */
function CardItem({
  card,
  testId,
  onNotHelpful,
}: {
  card: LessonCard;
  testId: string;
  onNotHelpful?: () => void;
}) {
  return (
    <li class="rb-card" data-testid={testId}>
      <div class="rb-card-name">{card.dealName}</div>
      <div class="rb-subtitle">
        {[t('similar_lost_on', dateFormat.format(new Date(card.createdAt))), card.reason]
          .filter(Boolean)
          .join(' · ')}
      </div>
      {card.plan && <p class="rb-card-plan">{card.plan}</p>}
      <p class="rb-card-why" data-testid="similar-why">
        {t('similar_why_label', card.why.join(', '))}
      </p>
      {onNotHelpful && (
        <button type="button" class="rb-link" onClick={onNotHelpful}>
          {t('similar_not_helpful')}
        </button>
      )}
    </li>
  );
}

/** A chip on the page, until `remove` (or the page's signal) takes it away. */
export type ShownChip = { remove(): void };

/**
 * Puts the chip of `matches` on the page, in a shadow root of its own (the CRM's CSS cannot
 * reach it, its keys do not reach the CRM's hotkeys), until dismissed or `signal` aborts (the
 * user went to another record).
 */
export async function mountSimilarChip(
  ctx: ContentScriptContext,
  deal: { crm: string; dealId: string },
  matches: DealMatches,
  signal: AbortSignal,
): Promise<ShownChip> {
  const ui = await createShadowRootUi(ctx, {
    name: 'rebound-similar',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    isolateEvents: true,
    css: reflectionCss + css,
    onMount: (container) => {
      render(
        <SimilarChip
          cue={matches.cue}
          cards={matches.similar}
          corner={chipCorner(document)}
          onNotHelpful={async (lessonId) => {
            const reply = await sendToBackground({
              type: 'similar/not-helpful',
              ...deal,
              lessonId,
            });
            return reply.ok ? undefined : reply.error;
          }}
          onDismiss={() => ui.remove()}
        />,
        container,
      );
      return container;
    },
    onRemove: (container) => {
      if (container) render(null, container);
    },
  });
  if (signal.aborted) return { remove: () => {} };
  ui.mount();
  signal.addEventListener('abort', () => ui.remove(), { once: true });
  return { remove: () => ui.remove() };
}
