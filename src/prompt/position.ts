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
