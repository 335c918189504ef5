import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { LessonCard } from '../messaging/messages';
import { SimilarChip } from './SimilarChip';
import { chipCorner, chipPoints, CHIP_CORNERS } from './position';

const card = (n: number, more: Partial<LessonCard> = {}): LessonCard => ({
  lessonId: `00000000-0000-4000-8000-00000000000${n}`,
  dealName: `Old deal ${n}`,
  reason: 'Price / value',
  plan: 'Next time the buyer asks for a discount, I will offer a pilot.',
  createdAt: '2026-02-01T10:00:00.000Z',
  why: ['same company', 'lost at Proposal twice'],
  ...more,
});

beforeEach(() => fakeBrowser.reset());
afterEach(() => cleanup());

const show = (
  props: Partial<Parameters<typeof SimilarChip>[0]> = {},
  cards = [card(1), card(2)],
) => {
  const onDismiss = vi.fn();
  const onNotHelpful = vi.fn(async () => undefined as string | undefined);
  render(
    <>
      <button type="button">CRM field</button>
      <SimilarChip
        cards={cards}
        corner={{ x: 'left', y: 'bottom' }}
        onDismiss={onDismiss}
        onNotHelpful={onNotHelpful}
        {...props}
      />
    </>,
  );
  return { onDismiss, onNotHelpful };
};
const chip = () => screen.getByTestId('similar-chip');

describe('SimilarChip', () => {
  it('says how many lessons, and takes no focus when it appears', () => {
    render(<button type="button">before</button>);
    screen.getByText('before').focus();
    show();
    expect(chip().textContent).toBe('2 lessons from similar deals');
    expect(document.activeElement).toBe(screen.getByText('before'));
    expect(screen.queryByTestId('similar-panel')).toBeNull();
  });

  it('says “1 lesson” for one', () => {
    show({}, [card(1)]);
    expect(chip().textContent).toBe('1 lesson from a similar deal');
  });

  it('opens its panel on a click: each lesson with when, reason, plan and why, as text', () => {
    show({}, [card(1, { dealName: '<b>Acme</b>' })]);
    fireEvent.click(chip());
    const panel = screen.getByRole('dialog', { name: 'Lessons from similar deals' });
    expect(chip().getAttribute('aria-expanded')).toBe('true');
    expect(panel.textContent).toContain('<b>Acme</b>');
    expect(panel.querySelector('b')).toBeNull();
    expect(panel.textContent).toContain('Price / value');
    expect(panel.textContent).toContain('offer a pilot');
    expect(screen.getByTestId('similar-why').textContent).toBe(
      'Why: same company, lost at Proposal twice',
    );
    expect(panel.textContent).toMatch(/Lost .*2026/);
    // The user opened it: the focus moves to its heading, so a screen reader reads it next.
    expect(document.activeElement?.textContent).toBe('Lessons from similar deals');
  });

  it('puts a plan whose cue the deal shows first, under its own heading, with no “Not helpful”', () => {
    const cue = card(9, { dealName: 'Cued deal', why: ['Your plan for Proposal'] });
    show({ cue }, [card(1)]);
    expect(chip().textContent).toBe('Your plan for this moment · 1 similar');
    fireEvent.click(chip());
    const panel = screen.getByRole('dialog', { name: 'Your plan for this moment' });
    const cueCard = within(panel).getByTestId('cue-card');
    expect(cueCard.textContent).toContain('Cued deal');
    expect(cueCard.textContent).toContain('Why: Your plan for Proposal');
    expect(within(cueCard).queryByText('Not helpful')).toBeNull();
    expect(within(panel).getByRole('heading', { level: 3 }).textContent).toBe(
      'Lessons from similar deals',
    );
    expect(within(panel).getAllByTestId('similar-card')).toHaveLength(1);
  });

  it('shows a cue plan alone, and stays when the last similar lesson is let go', async () => {
    const { onDismiss } = show({ cue: card(9) }, []);
    expect(chip().textContent).toBe('Your plan for this moment');
    fireEvent.click(chip());
    expect(screen.queryAllByTestId('similar-card')).toHaveLength(0);
    cleanup();
    const second = show({ cue: card(9) }, [card(1)]);
    fireEvent.click(chip());
    await act(async () => void fireEvent.click(screen.getByText('Not helpful')));
    expect(second.onDismiss).not.toHaveBeenCalled();
    expect(screen.getByTestId('cue-card')).toBeTruthy();
    expect(onDismiss).not.toHaveBeenCalled();
  });

  it('“Not helpful” takes the card away once remembered; the last one takes the chip', async () => {
    const { onNotHelpful, onDismiss } = show();
    fireEvent.click(chip());
    const [first] = screen.getAllByText('Not helpful');
    await act(async () => void fireEvent.click(first!));
    expect(onNotHelpful).toHaveBeenCalledWith(card(1).lessonId);
    expect(screen.getAllByTestId('similar-card')).toHaveLength(1);
    expect(chip().textContent).toBe('1 lesson from a similar deal');
    expect(onDismiss).not.toHaveBeenCalled();
    await act(async () => void fireEvent.click(screen.getByText('Not helpful')));
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('says in words when “Not helpful” could not be remembered, and keeps the card', async () => {
    show({ onNotHelpful: async () => 'Your browser has no room left.' });
    fireEvent.click(chip());
    await act(async () => void fireEvent.click(screen.getAllByText('Not helpful')[0]!));
    expect(screen.getByRole('alert').textContent).toBe(
      'Not remembered: Your browser has no room left.',
    );
    expect(screen.getAllByTestId('similar-card')).toHaveLength(2);
  });

  it('is dismissed by ×', () => {
    const { onDismiss } = show();
    fireEvent.click(screen.getAllByLabelText('Hide lessons from similar deals on this page')[0]!);
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('is dismissed by Esc, giving the focus back to the page (in its shadow root, as on a CRM page)', () => {
    const crmField = document.body.appendChild(document.createElement('input'));
    const host = document.body.appendChild(document.createElement('div'));
    const container = host
      .attachShadow({ mode: 'open' })
      .appendChild(document.createElement('div'));
    const onDismiss = vi.fn();
    render(
      <SimilarChip
        cards={[card(1)]}
        corner={{ x: 'left', y: 'bottom' }}
        onDismiss={onDismiss}
        onNotHelpful={async () => undefined}
      />,
      { container },
    );
    crmField.focus();
    const inChip = within(container);
    fireEvent.pointerDown(inChip.getByTestId('similar-chip'));
    fireEvent.click(inChip.getByTestId('similar-chip'));
    expect(host.shadowRoot!.activeElement?.textContent).toBe('Lessons from similar deals');
    fireEvent.keyDown(inChip.getByTestId('similar-panel'), { key: 'Escape' });
    expect(onDismiss).toHaveBeenCalledOnce();
    expect(document.activeElement).toBe(crmField);
    crmField.remove();
    host.remove();
  });
});

describe('chipCorner', () => {
  const viewport = { width: 1200, height: 800 };
  const pageWith = (control: (x: number, y: number) => boolean) =>
    ({
      elementsFromPoint: (x: number, y: number) => {
        const el = document.createElement(control(x, y) ? 'button' : 'div');
        return [el];
      },
    }) as unknown as Document;
  beforeEach(() => {
    vi.stubGlobal('innerWidth', viewport.width);
    vi.stubGlobal('innerHeight', viewport.height);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('takes the bottom left when nothing is there', () => {
    expect(chipCorner(pageWith(() => false))).toEqual({ x: 'left', y: 'bottom' });
  });

  it('moves away from a CRM control in its corner', () => {
    // A button in the bottom left quarter (a CRM's help widget or footer bar).
    const corner = chipCorner(pageWith((x, y) => x < 600 && y > 400));
    expect(corner).toEqual({ x: 'right', y: 'bottom' });
    expect(chipPoints(corner, viewport).every((p) => p.x > 600)).toBe(true);
  });

  it('keeps the first corner when every one has controls', () => {
    expect(chipCorner(pageWith(() => true))).toEqual(CHIP_CORNERS[0]);
  });
});
