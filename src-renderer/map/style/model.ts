/**
 * The layer style model: plain, serialisable JSON (saved per dataset in local storage today, and
 * meant to be embedded in map products later). Pure data and pure functions only; the map layer
 * code turns a style into OpenLayers styles (raster-expression.ts, vector-symbols.ts).
 */

/** 0..255 per channel. */
export type Rgb = readonly [number, number, number];

export const RAMP_NAMES = ['terrain', 'elevation', 'greys', 'viridis', 'spectral', 'reds', 'blues'] as const;
export type RampName = (typeof RAMP_NAMES)[number];

export const PALETTE_NAMES = ['dark2', 'set2', 'paired'] as const;
export type PaletteName = (typeof PALETTE_NAMES)[number];

/** How raw band values map to 0..1 before a ramp or a display channel. */
export type Stretch =
  | { readonly kind: 'minmax' }
  /** Cumulative cut: the `low`th and `high`th percentiles of the sampled values (e.g. 2 and 98). */
  | { readonly kind: 'percentile'; readonly low: number; readonly high: number }
  | { readonly kind: 'custom'; readonly min: number; readonly max: number };

export interface Hillshade {
  /** Sun direction, degrees clockwise from north. */
  readonly azimuth: number;
  /** Sun height above the horizon, degrees. */
  readonly altitude: number;
  /** Vertical exaggeration: elevation units per metre of ground distance. */
  readonly zFactor: number;
}

export type RasterStyle =
  | {
      readonly kind: 'ramp';
      /** 1-based band. */
      readonly band: number;
      readonly ramp: RampName;
      readonly stretch: Stretch;
      readonly hillshade: Hillshade | null;
    }
  | {
      readonly kind: 'rgb';
      /** 1-based bands shown as red, green and blue. */
      readonly bands: readonly [number, number, number];
      readonly stretch: Stretch;
    }
  /** The file's own colour table, indexed by the band's values. */
  | { readonly kind: 'palette'; readonly band: number };

export type ClassValue = string | number | boolean | null;

export type VectorRenderer =
  | { readonly kind: 'single'; readonly colour: Rgb }
  | {
      readonly kind: 'categorised';
      readonly field: string;
      readonly palette: PaletteName;
      readonly classes: readonly { readonly value: ClassValue; readonly colour: Rgb }[];
      /** Features whose value is in no class. */
      readonly otherColour: Rgb;
    }
  | {
      readonly kind: 'graduated';
      readonly field: string;
      readonly method: 'equal' | 'quantile';
      readonly ramp: RampName;
      /** Ascending, contiguous: class i holds min_i <= v < max_i (the last includes its max). */
      readonly classes: readonly { readonly min: number; readonly max: number; readonly colour: Rgb }[];
      readonly otherColour: Rgb;
    };

export interface LabelStyle {
  readonly field: string;
  /** CSS pixels. */
  readonly size: number;
  readonly colour: Rgb;
}

export interface VectorStyle {
  readonly renderer: VectorRenderer;
  readonly labels: LabelStyle | null;
  /** 0..1, fill opacity of polygons. */
  readonly fillOpacity: number;
}

export type LayerStyle =
  | { readonly version: 1; readonly kind: 'raster'; readonly raster: RasterStyle }
  | { readonly version: 1; readonly kind: 'vector'; readonly vector: VectorStyle };

/** What a default raster style depends on (from the file's header, see raster-sample.ts). */
export interface RasterTraits {
  readonly bandCount: number;
  readonly hasColourTable: boolean;
  readonly dataType: string | null;
}

export const DEFAULT_HILLSHADE: Hillshade = { azimuth: 315, altitude: 45, zFactor: 1 };

export function defaultRasterStyle(traits: RasterTraits): RasterStyle {
  if (traits.hasColourTable) return { kind: 'palette', band: 1 };
  if (traits.bandCount >= 3) return { kind: 'rgb', bands: [1, 2, 3], stretch: { kind: 'minmax' } };
  // 8-bit single bands are mostly hillshades and scans: grey reads them best.
  const ramp: RampName = traits.dataType === 'Byte' ? 'greys' : 'elevation';
  return { kind: 'ramp', band: 1, ramp, stretch: { kind: 'minmax' }, hillshade: null };
}

export function defaultVectorStyle(colour: Rgb): VectorStyle {
  return { renderer: { kind: 'single', colour }, labels: null, fillOpacity: 0.18 };
}

/**
 * Font stack for labels: local CJK faces only (Noto Sans CJK on Linux, the system faces on
 * Windows/macOS/UOS); the app never fetches a web font.
 */
export const LABEL_FONT_FAMILY =
  '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif';
