import type { PaletteName, RampName, Rgb } from './model.js';

/** Colour stops at positions 0..1, ascending. */
export type Ramp = readonly (readonly [number, Rgb])[];

export const RAMPS: Readonly<Record<RampName, Ramp>> = {
  // Hypsometric tints as on topographic maps: lowland green, uplands ochre, summits brown to white.
  terrain: [
    [0, [0, 97, 71]],
    [0.15, [16, 122, 47]],
    [0.35, [232, 215, 125]],
    [0.6, [161, 67, 0]],
    [0.8, [130, 30, 30]],
    [1, [250, 250, 250]],
  ],
  elevation: [
    [0, [38, 115, 77]],
    [0.25, [140, 190, 100]],
    [0.5, [238, 220, 150]],
    [0.75, [176, 120, 72]],
    [1, [245, 245, 245]],
  ],
  greys: [
    [0, [0, 0, 0]],
    [1, [255, 255, 255]],
  ],
  viridis: [
    [0, [68, 1, 84]],
    [0.25, [59, 82, 139]],
    [0.5, [33, 145, 140]],
    [0.75, [94, 201, 98]],
    [1, [253, 231, 37]],
  ],
  spectral: [
    [0, [43, 131, 186]],
    [0.25, [171, 221, 164]],
    [0.5, [255, 255, 191]],
    [0.75, [253, 174, 97]],
    [1, [215, 25, 28]],
  ],
  reds: [
    [0, [254, 229, 217]],
    [1, [165, 15, 21]],
  ],
  blues: [
    [0, [222, 235, 247]],
    [1, [8, 81, 156]],
  ],
};

/** Qualitative palettes for categories (ColorBrewer Dark2, Set2, Paired). */
export const PALETTES: Readonly<Record<PaletteName, readonly Rgb[]>> = {
  dark2: [
    [27, 158, 119],
    [217, 95, 2],
    [117, 112, 179],
    [231, 41, 138],
    [102, 166, 30],
    [230, 171, 2],
    [166, 118, 29],
    [102, 102, 102],
  ],
  set2: [
    [102, 194, 165],
    [252, 141, 98],
    [141, 160, 203],
    [231, 138, 195],
    [166, 216, 84],
    [255, 217, 47],
    [229, 196, 148],
    [179, 179, 179],
  ],
  paired: [
    [166, 206, 227],
    [31, 120, 180],
    [178, 223, 138],
    [51, 160, 44],
    [251, 154, 153],
    [227, 26, 28],
    [253, 191, 111],
    [255, 127, 0],
    [202, 178, 214],
    [106, 61, 154],
    [255, 255, 153],
    [177, 89, 40],
  ],
};

/** The ramp's colour at t (clamped to 0..1), linear between stops. */
export function rampColour(name: RampName, t: number): Rgb {
  const ramp = RAMPS[name];
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  let lower = ramp[0] ?? [0, [0, 0, 0] as Rgb];
  for (const stop of ramp) {
    if (stop[0] >= x) {
      const span = stop[0] - lower[0];
      const f = span > 0 ? (x - lower[0]) / span : 0;
      return [0, 1, 2].map((i) =>
        Math.round((lower[1][i] ?? 0) + ((stop[1][i] ?? 0) - (lower[1][i] ?? 0)) * f),
      ) as unknown as Rgb;
    }
    lower = stop;
  }
  return lower[1];
}

/** `count` colours evenly spread along a ramp (one per graduated class). */
export function rampColours(name: RampName, count: number): Rgb[] {
  return Array.from({ length: count }, (_, i) => rampColour(name, count === 1 ? 0.5 : i / (count - 1)));
}

export const paletteColour = (name: PaletteName, index: number): Rgb => {
  const palette = PALETTES[name];
  return palette[index % palette.length] ?? [128, 128, 128];
};

export const cssColour = (c: Rgb, alpha = 1): string => `rgba(${c.join(',')},${String(alpha)})`;

export const hexColour = (c: Rgb): string => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/** `#rrggbb` to a colour, or null when it is not one. */
export function parseHexColour(text: string): Rgb | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(text.trim());
  if (!m) return null;
  return [parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? '0', 16), parseInt(m[3] ?? '0', 16)];
}
