import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/** Where the user last dragged the prompt (px from the viewport's right and bottom edges). */
const PositionSchema = z.object({ right: z.number(), bottom: z.number() });
export type PanelPosition = z.infer<typeof PositionSchema>;

export const DEFAULT_POSITION: PanelPosition = { right: 24, bottom: 24 };

const positionItem = storage.defineItem<unknown>('local:promptPosition');

export async function loadPosition(): Promise<PanelPosition> {
  const parsed = PositionSchema.safeParse(await positionItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_POSITION;
}

export function savePosition(position: PanelPosition): Promise<void> {
  return positionItem.setValue(position);
}

/** Keeps at least `margin` px of the panel on screen whatever the window size. */
export function clampPosition(
  position: PanelPosition,
  panel: { width: number; height: number },
  viewport: { width: number; height: number },
  margin = 8,
): PanelPosition {
  const clamp = (value: number, max: number) =>
    Math.min(Math.max(value, margin), Math.max(margin, max));
  return {
    right: clamp(position.right, viewport.width - panel.width - margin),
    bottom: clamp(position.bottom, viewport.height - panel.height - margin),
  };
}

/** A corner of the viewport, as the CSS properties that put an element there. */
export type Corner = { x: 'left' | 'right'; y: 'top' | 'bottom' };

/**
 * Where the similar-deal chip may go, in order: the bottom left first, away from the prompt
 * (bottom right, DEFAULT_POSITION) and from the CRMs' top bars.
 */
export const CHIP_CORNERS: readonly Corner[] = [
  { x: 'left', y: 'bottom' },
  { x: 'right', y: 'bottom' },
  { x: 'left', y: 'top' },
  { x: 'right', y: 'top' },
];
/** The chip's room: its margin and about its largest size (px). */
const CHIP_BOX = { margin: 16, width: 300, height: 40 };
const CONTROL =
  'a[href], button, input, select, textarea, [role="button"], [role="link"], [tabindex]';

/** The points of the chip's box in `corner`, in a viewport of that size. */
export function chipPoints(corner: Corner, viewport: { width: number; height: number }) {
  const { margin, width, height } = CHIP_BOX;
  const left = corner.x === 'left' ? margin : viewport.width - margin - width;
  const top = corner.y === 'top' ? margin : viewport.height - margin - height;
  const xs = [left + 2, left + width / 2, left + width - 2];
  const ys = [top + 2, top + height - 2];
  return xs.flatMap((x) => ys.map((y) => ({ x, y })));
}

/**
 * The first corner where the chip covers none of the page's controls (a CRM's own buttons and
 * links under a fixed chip could not be clicked), else the first corner.
 */
export function chipCorner(root: Document): Corner {
  const viewport = { width: window.innerWidth, height: window.innerHeight };
  const covers = (x: number, y: number) =>
    root.elementsFromPoint?.(x, y).some((el) => el.closest(CONTROL) !== null) ?? false;
  return (
    CHIP_CORNERS.find((corner) => !chipPoints(corner, viewport).some((p) => covers(p.x, p.y))) ??
    CHIP_CORNERS[0]!
  );
}
