/** Browsers cap an element's height (Chromium near 33.5 M px); past this the scroll range is scaled. */
export const MAX_SCROLL_PX = 8_000_000;
const OVERSCAN = 8;

export interface RowWindow {
  /** Height of the scrolled content (the rows', or MAX_SCROLL_PX when taller). */
  readonly range: number;
  /** Rows scrolled past per pixel over rowHeight: 1 unless the rows are taller than the range. */
  readonly scale: number;
  /** First and last row in the DOM (those in view and OVERSCAN either side). */
  readonly first: number;
  readonly last: number;
  /** Where a row's top is in the scrolled content. */
  readonly topOf: (index: number) => number;
  /** The scroll position that brings a row to the middle of the view. */
  readonly scrollFor: (index: number) => number;
}

/** The rows a fixed-row-height list shows at a scroll position (ADR 0112). */
export function rowWindow(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewHeight: number,
): RowWindow {
  const full = count * rowHeight;
  const range = Math.min(full, MAX_SCROLL_PX);
  const scale = full > range && range > viewHeight ? (full - viewHeight) / (range - viewHeight) : 1;
  const virtualTop = scrollTop * scale;
  return {
    range,
    scale,
    first: Math.max(0, Math.floor(virtualTop / rowHeight) - OVERSCAN),
    last: Math.min(count - 1, Math.ceil((virtualTop + viewHeight) / rowHeight) + OVERSCAN),
    topOf: (index) => scrollTop + index * rowHeight - virtualTop,
    scrollFor: (index) => Math.max(0, index * rowHeight - viewHeight / 2) / scale,
  };
}
