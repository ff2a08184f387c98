import type { PagePoint, Rect } from '../page.js';

/** The baseline point that centres one line of text of `size` mm in `frame` (CJK glyphs sit ~0.38 em above it). */
export const centredBaseline = (frame: Rect, size: number): PagePoint => [
  frame.x + frame.width / 2,
  frame.y + frame.height / 2 + size * 0.38,
];

/** Text size in mm, bounded to what fits a page. */
export const TEXT_SIZE_MM = { min: 1, max: 60 } as const;
