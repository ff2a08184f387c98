import type { BandStats } from './histogram.js';
import type { Hillshade, RasterStyle } from './model.js';
import { RAMPS } from './ramps.js';
import { resolveStretch } from './stretch.js';

/**
 * What the style needs to know about the raster as the map reads it (raster-sample.ts fills it
 * from the file's header and a sample of its values).
 */
export interface RasterFacts {
  /** Bands the map's source delivers from the file (3 for YCbCr JPEG read as RGB). */
  readonly bandCount: number;
  /** Per band (index 0 = band 1), from a sample of the smallest overview. */
  readonly stats: readonly BandStats[];
  /** RGBA entries, 0..255, indexed by the band value; null when the file has no colour table. */
  readonly colourTable: readonly (readonly [number, number, number, number])[] | null;
  /** 1-based band holding an alpha sample (RGBA imagery), with its fully opaque value. */
  readonly alpha: { readonly band: number; readonly opaque: number } | null;
}

/** OpenLayers WebGL tile expressions are untyped JSON arrays; this is their shape here. */
export type Expr = number | string | readonly Expr[];

export interface WebGlRasterStyle {
  readonly color: Expr;
  readonly variables: Readonly<Record<string, number>>;
}

/** Variable the layer keeps equal to metres per view unit at the view centre (hillshade slopes). */
export const METRES_PER_UNIT = 'metresPerUnit';

/** Hillshade light mixes with the ramp colour: flat ground keeps most of its tint. */
const SHADE_WEIGHT = 0.75;

const clampBand = (band: number, facts: RasterFacts): number =>
  Math.min(Math.max(1, band), Math.max(1, facts.bandCount));

/** (value - lo) / (hi - lo), clamped to 0..1. */
function normalised(value: Expr, [lo, hi]: readonly [number, number]): Expr {
  const span = hi - lo || 1;
  return ['clamp', ['/', ['-', value, lo], span], 0, 1];
}

function hillshadeFactor(band: number, shade: Hillshade, nodataBand: number | null): Expr {
  const centre: Expr = ['band', band];
  // A neighbour under nodata would make a cliff at every hole's edge: use the centre value instead.
  const z = (dx: number, dy: number): Expr =>
    nodataBand === null
      ? ['*', shade.zFactor, ['band', band, dx, dy]]
      : [
          '*',
          shade.zFactor,
          ['case', ['==', ['band', nodataBand, dx, dy], 0], centre, ['band', band, dx, dy]],
        ];
  // Ground distance between the two neighbours, in metres.
  const span: Expr = ['*', 2, ['resolution'], ['var', METRES_PER_UNIT]];
  const dzdx: Expr = ['/', ['-', z(1, 0), z(-1, 0)], span];
  const dzdy: Expr = ['/', ['-', z(0, 1), z(0, -1)], span];
  const slope: Expr = ['atan', ['sqrt', ['+', ['^', dzdx, 2], ['^', dzdy, 2]]]];
  const aspect: Expr = ['clamp', ['atan', ['-', 0, dzdx], dzdy], -Math.PI, Math.PI];
  const altitude = (shade.altitude * Math.PI) / 180;
  const azimuth = (shade.azimuth * Math.PI) / 180;
  const incidence: Expr = [
    '+',
    ['*', Math.sin(altitude), ['cos', slope]],
    ['*', Math.cos(altitude), ['sin', slope], ['cos', ['-', azimuth, aspect]]],
  ];
  return ['+', 1 - SHADE_WEIGHT, ['*', SHADE_WEIGHT, ['clamp', incidence, 0, 1]]];
}

function rampStyle(
  style: Extract<RasterStyle, { kind: 'ramp' }>,
  facts: RasterFacts,
  nodataBand: number | null,
): Expr {
  const band = clampBand(style.band, facts);
  const t = normalised(['band', band], resolveStretch(style.stretch, facts.stats[band - 1]));
  const ramp: Expr = [
    'interpolate',
    ['linear'],
    t,
    ...RAMPS[style.ramp].flatMap(([at, c]): Expr[] => [at, [...c]]),
  ];
  if (!style.hillshade) return ramp;
  // Darken the ramp colour by the light factor as mix(black, colour, factor): the expression
  // compiler inlines every use, so the slope (four neighbour reads) is written once, not per channel.
  return [
    'interpolate',
    ['linear'],
    hillshadeFactor(band, style.hillshade, nodataBand),
    0,
    [0, 0, 0],
    1,
    ramp,
  ];
}

function rgbStyle(style: Extract<RasterStyle, { kind: 'rgb' }>, facts: RasterFacts): Expr {
  const channel = (band: number): Expr => {
    const b = clampBand(band, facts);
    return normalised(['band', b], resolveStretch(style.stretch, facts.stats[b - 1]));
  };
  const alpha: Expr = facts.alpha
    ? ['clamp', ['/', ['band', facts.alpha.band], facts.alpha.opaque], 0, 1]
    : 1;
  return ['array', channel(style.bands[0]), channel(style.bands[1]), channel(style.bands[2]), alpha];
}

function paletteStyle(style: Extract<RasterStyle, { kind: 'palette' }>, facts: RasterFacts): Expr {
  const table = facts.colourTable ?? [];
  const colours = table.map(([r, g, b, a]) => [r, g, b, a / 255]);
  if (colours.length === 0) return ['array', 0, 0, 0, 0];
  return ['palette', ['clamp', ['band', clampBand(style.band, facts)], 0, colours.length - 1], colours];
}

/**
 * The WebGL tile style for a raster style, reading raw (not normalised) band values.
 * `nodataBand` is the 1-based alpha band the source adds for nodata, or null.
 */
export function webGlRasterStyle(
  style: RasterStyle,
  facts: RasterFacts,
  nodataBand: number | null,
): WebGlRasterStyle {
  const color =
    style.kind === 'ramp'
      ? rampStyle(style, facts, nodataBand)
      : style.kind === 'rgb'
        ? rgbStyle(style, facts)
        : paletteStyle(style, facts);
  return { color, variables: { [METRES_PER_UNIT]: 1 } };
}
