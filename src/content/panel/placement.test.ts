import { describe, expect, it } from 'vitest';
import { findClearTop, samplePoints } from './placement';
import { clampWidth, DEFAULT_PLACEMENT, maxWidthFor, sanitizePlacement } from './prefs';

describe('findClearTop', () => {
  const size = { left: 1248, width: 32, height: 72 };
  // A toolbar column of round buttons on the right, like Genesys' (y 56–296).
  const toolbar = (x: number, y: number) => x >= 1232 && y >= 56 && y <= 296;

  it('keeps the preferred spot when it covers no control', () => {
    expect(findClearTop(400, size, 760, toolbar)).toBe(400);
  });
  it('moves to the nearest clear spot when it would cover one', () => {
    const top = findClearTop(200, size, 760, toolbar);
    expect(top).toBeGreaterThanOrEqual(296);
    expect(samplePoints({ ...size, top }).some(([x, y]) => toolbar(x, y))).toBe(false);
    expect(top - 296).toBeLessThanOrEqual(8);
  });
  it('searches upwards too, and stays inside the window', () => {
    const bottomBar = (_x: number, y: number) => y > 600;
    expect(findClearTop(700, size, 760, bottomBar)).toBeLessThanOrEqual(600 - 72);
    expect(findClearTop(-50, size, 760, () => false)).toBe(4);
    expect(findClearTop(5000, size, 760, () => false)).toBe(760 - 72 - 4);
  });
  it('gives up gracefully when everything is a control', () => {
    expect(findClearTop(300, size, 760, () => true)).toBe(300);
  });
});

describe('placement prefs', () => {
  it('clamps the width to the window: never narrower than 260, never more than 60 % of it', () => {
    expect(clampWidth(100, 1400)).toBe(260);
    expect(clampWidth(500, 1400)).toBe(500);
    expect(clampWidth(900, 1400)).toBe(720);
    expect(clampWidth(700, 1000)).toBe(600);
    expect(maxWidthFor(300)).toBe(260);
  });
  it('turns anything stored into a valid placement', () => {
    expect(sanitizePlacement(undefined)).toEqual(DEFAULT_PLACEMENT);
    expect(sanitizePlacement({ edge: 'top', width: 'wide', collapsed: 'yes', tabTop: 7 })).toEqual({
      ...DEFAULT_PLACEMENT,
      tabTop: 1,
    });
    expect(sanitizePlacement({ edge: 'left', width: 512.4, collapsed: true, tabTop: 0.2 })).toEqual({
      edge: 'left',
      width: 512,
      collapsed: true,
      tabTop: 0.2,
    });
  });
});
