import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_PX, rowWindow } from '../../../src-renderer/features/table/row-window.js';

const ROW = 24;
const VIEW = 230;

describe('rowWindow', () => {
  it('puts a short table one to one: every row at its own height, a screenful and a few in the DOM', () => {
    const top = rowWindow(57, ROW, 0, VIEW);
    expect(top.range).toBe(57 * ROW);
    expect(top.scale).toBe(1);
    expect([top.first, top.last]).toEqual([0, Math.ceil(VIEW / ROW) + 8]);
    expect(top.topOf(10)).toBe(10 * ROW);
    const bottom = rowWindow(57, ROW, 57 * ROW - VIEW, VIEW);
    expect(bottom.last).toBe(56);
  });

  it('scales a million rows into the browser’s height limit, first and last row reachable', () => {
    const n = 1_000_000;
    const start = rowWindow(n, ROW, 0, VIEW);
    expect(start.range).toBe(MAX_SCROLL_PX);
    expect(start.scale).toBeCloseTo((n * ROW - VIEW) / (MAX_SCROLL_PX - VIEW), 9);
    expect(start.first).toBe(0);
    expect(start.topOf(0)).toBe(0);
    // Scrolled to the end: the last row's bottom is the view's bottom.
    const endTop = MAX_SCROLL_PX - VIEW;
    const end = rowWindow(n, ROW, endTop, VIEW);
    expect(end.last).toBe(n - 1);
    expect(end.topOf(n - 1) + ROW).toBeCloseTo(endTop + VIEW, 6);
    // Any row asked for is brought into view, and in the DOM.
    for (const index of [1, 333_333, 500_000, 765_432, n - 1]) {
      const scrollTop = Math.min(endTop, rowWindow(n, ROW, 0, VIEW).scrollFor(index));
      const view = rowWindow(n, ROW, scrollTop, VIEW);
      expect(index, `row ${String(index)} in the DOM`).toBeGreaterThanOrEqual(view.first);
      expect(index).toBeLessThanOrEqual(view.last);
      expect(view.topOf(index)).toBeGreaterThanOrEqual(scrollTop - 1e-6);
      expect(view.topOf(index) + ROW).toBeLessThanOrEqual(scrollTop + VIEW + 1e-6);
      expect(view.last - view.first).toBeLessThan(30);
    }
  });
});
