/** A rectangle on the page in millimetres: top-left corner, y downwards. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A point on the page in millimetres from the top-left corner, y downwards. */
export type PagePoint = readonly [number, number];

/** ISO 216 A series, portrait width × height in mm. */
export const PAPER_SIZES = {
  A4: [210, 297],
  A3: [297, 420],
  A2: [420, 594],
  A1: [594, 841],
  A0: [841, 1189],
} as const satisfies Readonly<Record<string, readonly [number, number]>>;

export type Paper = keyof typeof PAPER_SIZES;
export const PAPERS = Object.keys(PAPER_SIZES) as Paper[];
export type Orientation = 'portrait' | 'landscape';

/** Width and height of the page in mm. */
export function pageSize(paper: Paper, orientation: Orientation): { width: number; height: number } {
  const [short, long] = PAPER_SIZES[paper];
  return orientation === 'portrait' ? { width: short, height: long } : { width: long, height: short };
}

/** Whether `inner` lies within `outer` (a hundredth of a millimetre of slack). */
export const rectWithin = (inner: Rect, outer: Rect): boolean =>
  inner.x >= outer.x - 0.01 &&
  inner.y >= outer.y - 0.01 &&
  inner.x + inner.width <= outer.x + outer.width + 0.01 &&
  inner.y + inner.height <= outer.y + outer.height + 0.01;
