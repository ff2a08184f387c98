/** OGC standardised rendering pixel (0.28 mm): how ground resolution becomes a 1:n scale. */
export const METRES_PER_SCREEN_PIXEL = 0.00028;

/** The national basic scale series of Chinese topographic maps (GB/T 13989), 1:5 000 to 1:1 000 000. */
export const SCALE_SERIES: readonly number[] = [5000, 10000, 25000, 50000, 100000, 250000, 500000, 1000000];

/** Largest and smallest denominators the selector accepts (finer or coarser is never a map scale). */
const MIN_SCALE = 1;
const MAX_SCALE = 1e9;

/**
 * Scale denominator n of 1:n for a view resolution (view units per pixel), given the ground
 * metres one view unit measures at the view centre.
 */
export function scaleOfResolution(resolution: number, groundMetresPerUnit: number): number {
  return (resolution * groundMetresPerUnit) / METRES_PER_SCREEN_PIXEL;
}

/** The view resolution that shows 1:n at the centre: the inverse of scaleOfResolution. */
export function resolutionOfScale(scale: number, groundMetresPerUnit: number): number {
  return (scale * METRES_PER_SCREEN_PIXEL) / groundMetresPerUnit;
}

/**
 * Reads a typed scale: `1:50000`, `1:50,000`, `1：5万` (full-width colon, 万 = 10⁴), `50000`.
 * Returns the denominator, or null when the text is not a scale (the caller says so).
 */
export function parseScale(text: string): number | null {
  const match = /^\s*(?:1\s*[:：]\s*)?([\d,，\s]*\.?\d+)\s*(万)?\s*$/.exec(text);
  if (!match?.[1]) return null;
  const digits = match[1].replace(/[,，\s]/g, '');
  const value = Number(digits) * (match[2] ? 1e4 : 1);
  if (!Number.isFinite(value) || value < MIN_SCALE || value > MAX_SCALE) return null;
  return value;
}
