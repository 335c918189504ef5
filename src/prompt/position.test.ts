import { describe, expect, it } from 'vitest';
import { clampPosition, type PanelPosition } from './position';

const panel = { width: 360, height: 480 };
const viewport = { width: 1280, height: 800 };

/** The panel's rectangle in the viewport, from its distances to the right and bottom edges. */
const rect = (p: PanelPosition, size = panel, view = viewport) => ({
  left: view.width - p.right - size.width,
  top: view.height - p.bottom - size.height,
  right: view.width - p.right,
  bottom: view.height - p.bottom,
});

describe('clampPosition', () => {
  it('leaves a position that is on screen alone', () => {
    expect(clampPosition({ right: 24, bottom: 24 }, panel, viewport)).toEqual({
      right: 24,
      bottom: 24,
    });
    expect(clampPosition({ right: 400, bottom: 100 }, panel, viewport)).toEqual({
      right: 400,
      bottom: 100,
    });
  });

  it('pulls a panel dragged past the right or bottom edge back in', () => {
    expect(clampPosition({ right: -200, bottom: -5 }, panel, viewport)).toEqual({
      right: 8,
      bottom: 8,
    });
  });

  it('pulls a panel dragged past the left or top edge back in', () => {
    const clamped = clampPosition({ right: 99_999, bottom: 99_999 }, panel, viewport);
    expect(clamped).toEqual({ right: 1280 - 360 - 8, bottom: 800 - 480 - 8 });
    expect(rect(clamped)).toEqual({ left: 8, top: 8, right: 8 + 360, bottom: 8 + 480 });
  });

  it('keeps the whole panel inside the margins for any position', () => {
    for (const right of [-1e6, -1, 0, 7, 8, 500, 912, 913, 1e6]) {
      for (const bottom of [-1e6, 0, 312, 313, 1e6]) {
        const r = rect(clampPosition({ right, bottom }, panel, viewport));
        expect(r.left).toBeGreaterThanOrEqual(8);
        expect(r.top).toBeGreaterThanOrEqual(8);
        expect(r.right).toBeLessThanOrEqual(1280 - 8);
        expect(r.bottom).toBeLessThanOrEqual(800 - 8);
      }
    }
  });

  it('anchors the panel to the bottom-right margin in a viewport smaller than it', () => {
    const tiny = { width: 200, height: 150 };
    for (const position of [
      { right: -50, bottom: -50 },
      { right: 0, bottom: 0 },
      { right: 5000, bottom: 5000 },
    ]) {
      expect(clampPosition(position, panel, tiny)).toEqual({ right: 8, bottom: 8 });
    }
  });

  it('uses the margin it is given', () => {
    expect(clampPosition({ right: -1, bottom: 1e6 }, panel, viewport, 0)).toEqual({
      right: 0,
      bottom: 800 - 480,
    });
  });
});
