/**
 * A colour as the product gives it: RGB (0–255 each) for screen-made styles, or CMYK (0–100 %
 * each) as print colours such as DZ/T 0179's are stated. The PDF keeps CMYK as CMYK.
 */
export type Colour =
  | { readonly rgb: readonly [number, number, number] }
  | { readonly cmyk: readonly [number, number, number, number] };

export const rgb = (r: number, g: number, b: number): Colour => ({ rgb: [r, g, b] });
export const cmyk = (c: number, m: number, y: number, k: number): Colour => ({ cmyk: [c, m, y, k] });

export const BLACK = cmyk(0, 0, 0, 100);
export const WHITE = rgb(255, 255, 255);

/** The naive CMYK → RGB conversion (no ICC profile), which is what poppler applies too. */
export function toRgb(colour: Colour): readonly [number, number, number] {
  if ('rgb' in colour) return colour.rgb;
  const [c, m, y, k] = colour.cmyk.map((v) => v / 100) as [number, number, number, number];
  const channel = (v: number): number => Math.round(255 * (1 - v) * (1 - k));
  return [channel(c), channel(m), channel(y)];
}
