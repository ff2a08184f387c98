/** A numeric scale as Chinese maps print it: `1:50 000` (digits in groups of three, space-separated). */
export function scaleText(scale: number): string {
  const digits = String(Math.round(scale));
  return `1:${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}`;
}

/** The scales a fitted map frame rounds up to: the national series, then 1-2-5 steps. */
const NICE = [1, 2, 2.5, 5];

/** The smallest tidy scale denominator at or above `scale` (1:43 210 → 1:50 000). */
export function tidyScale(scale: number): number {
  const decade = 10 ** Math.floor(Math.log10(Math.max(scale, 1)));
  for (const step of [...NICE, 10]) if (step * decade >= scale - 1e-9) return step * decade;
  return 10 * decade;
}
