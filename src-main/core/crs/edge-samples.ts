import type { Extent } from '../model/index.js';

/**
 * The points of `samples + 1` steps along each edge of `extent`, taken through `transform`, that
 * come out finite: what a box becomes under a projection, whose edges curve.
 */
export function edgePoints(
  extent: Extent,
  samples: number,
  transform: (xy: readonly [number, number]) => readonly [number, number],
): [number, number][] {
  const [x0, y0, x1, y1] = extent;
  const out: [number, number][] = [];
  for (let i = 0; i <= samples; i += 1) {
    const t = i / samples;
    for (const p of [
      [x0 + t * (x1 - x0), y0],
      [x0 + t * (x1 - x0), y1],
      [x0, y0 + t * (y1 - y0)],
      [x1, y0 + t * (y1 - y0)],
    ] as const) {
      const [x, y] = transform(p);
      if (Number.isFinite(x) && Number.isFinite(y)) out.push([x, y]);
    }
  }
  return out;
}

/** The box around points; null for none. */
export function boxOf(points: readonly (readonly [number, number])[]): Extent | null {
  if (points.length === 0) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
