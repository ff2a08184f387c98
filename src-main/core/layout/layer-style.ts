import { cmyk } from './colour.js';
import type { LayerStyle } from './product.js';

// Print colours for layers without a style of their own, in CMYK as a print shop reads them;
// distinct on screen and in grey.
const PALETTE = [
  cmyk(0, 40, 80, 0),
  cmyk(60, 0, 40, 0),
  cmyk(40, 20, 0, 0),
  cmyk(0, 60, 20, 0),
  cmyk(20, 0, 80, 0),
  cmyk(50, 50, 0, 0),
] as const;

/** The default style of the `index`-th layer: a palette fill with a dark outline, lines and points in it too. */
export function defaultLayerStyle(index: number): LayerStyle {
  const colour = PALETTE[index % PALETTE.length] ?? PALETTE[0];
  return {
    fill: colour,
    stroke: { colour: cmyk(0, 0, 0, 80), width: 0.15 },
    pointSize: 1.6,
  };
}
