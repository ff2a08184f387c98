import {
  PALETTE_NAMES,
  RAMP_NAMES,
  type ClassValue,
  type Hillshade,
  type LabelStyle,
  type LayerStyle,
  type RasterStyle,
  type Rgb,
  type Stretch,
  type VectorRenderer,
  type VectorStyle,
} from './model.js';

// Saved styles come back from local storage (or, later, from a map product file): anything that is
// not exactly a style of this version is dropped rather than half-applied.

type Obj = Readonly<Record<string, unknown>>;

const obj = (v: unknown): Obj | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const band = (v: unknown): number | null => {
  const n = num(v);
  return n !== null && Number.isInteger(n) && n >= 1 && n <= 65535 ? n : null;
};
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | null =>
  typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : null;

function rgb(v: unknown): Rgb | null {
  if (!Array.isArray(v) || v.length !== 3) return null;
  const [r, g, b] = v.map((c) => {
    const n = num(c);
    return n !== null && Number.isInteger(n) && n >= 0 && n <= 255 ? n : null;
  });
  return r != null && g != null && b != null ? [r, g, b] : null;
}

function stretch(v: unknown): Stretch | null {
  const o = obj(v);
  if (!o) return null;
  if (o['kind'] === 'minmax') return { kind: 'minmax' };
  if (o['kind'] === 'percentile') {
    const low = num(o['low']);
    const high = num(o['high']);
    return low !== null && high !== null && low >= 0 && high <= 100 && low < high
      ? { kind: 'percentile', low, high }
      : null;
  }
  if (o['kind'] === 'custom') {
    const min = num(o['min']);
    const max = num(o['max']);
    return min !== null && max !== null && min < max ? { kind: 'custom', min, max } : null;
  }
  return null;
}

function hillshade(v: unknown): Hillshade | null {
  const o = obj(v);
  const azimuth = num(o?.['azimuth']);
  const altitude = num(o?.['altitude']);
  const zFactor = num(o?.['zFactor']);
  if (azimuth === null || altitude === null || zFactor === null) return null;
  if (altitude < 0 || altitude > 90 || zFactor <= 0) return null;
  return { azimuth: ((azimuth % 360) + 360) % 360, altitude, zFactor };
}

function raster(v: unknown): RasterStyle | null {
  const o = obj(v);
  if (!o) return null;
  if (o['kind'] === 'palette') {
    const b = band(o['band']);
    return b === null ? null : { kind: 'palette', band: b };
  }
  if (o['kind'] === 'rgb') {
    const bands = Array.isArray(o['bands']) ? o['bands'].map(band) : [];
    const s = stretch(o['stretch']);
    const [r, g, b] = bands;
    return bands.length === 3 && r != null && g != null && b != null && s
      ? { kind: 'rgb', bands: [r, g, b], stretch: s }
      : null;
  }
  if (o['kind'] === 'ramp') {
    const b = band(o['band']);
    const ramp = oneOf(RAMP_NAMES, o['ramp']);
    const s = stretch(o['stretch']);
    const shade = o['hillshade'] === null ? null : hillshade(o['hillshade']);
    if (b === null || ramp === null || s === null || (o['hillshade'] !== null && shade === null)) return null;
    return { kind: 'ramp', band: b, ramp, stretch: s, hillshade: shade };
  }
  return null;
}

const classValue = (v: unknown): ClassValue | undefined =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || num(v) !== null
    ? (v as ClassValue)
    : undefined;

function renderer(v: unknown): VectorRenderer | null {
  const o = obj(v);
  if (!o) return null;
  if (o['kind'] === 'single') {
    const colour = rgb(o['colour']);
    return colour ? { kind: 'single', colour } : null;
  }
  const field = typeof o['field'] === 'string' ? o['field'] : null;
  const otherColour = rgb(o['otherColour']);
  const list = Array.isArray(o['classes']) ? o['classes'].map(obj) : null;
  if (field === null || otherColour === null || list === null || list.some((c) => c === null)) return null;
  const classes = list as Obj[];
  if (o['kind'] === 'categorised') {
    const palette = oneOf(PALETTE_NAMES, o['palette']);
    const parsed = classes.map((c) => ({ value: classValue(c['value']), colour: rgb(c['colour']) }));
    if (palette === null || parsed.some((c) => c.value === undefined || c.colour === null)) return null;
    return {
      kind: 'categorised',
      field,
      palette,
      classes: parsed.map((c) => ({ value: c.value ?? null, colour: c.colour ?? otherColour })),
      otherColour,
    };
  }
  if (o['kind'] === 'graduated') {
    const method = o['method'] === 'equal' || o['method'] === 'quantile' ? o['method'] : null;
    const ramp = oneOf(RAMP_NAMES, o['ramp']);
    const parsed = classes.map((c) => ({ min: num(c['min']), max: num(c['max']), colour: rgb(c['colour']) }));
    if (method === null || ramp === null) return null;
    if (parsed.some((c) => c.min === null || c.max === null || c.colour === null || c.min > c.max))
      return null;
    return {
      kind: 'graduated',
      field,
      method,
      ramp,
      classes: parsed.map((c) => ({ min: c.min ?? 0, max: c.max ?? 0, colour: c.colour ?? otherColour })),
      otherColour,
    };
  }
  return null;
}

function labels(v: unknown): LabelStyle | null | undefined {
  if (v === null) return null;
  const o = obj(v);
  const field = typeof o?.['field'] === 'string' ? o['field'] : null;
  const size = num(o?.['size']);
  const colour = rgb(o?.['colour']);
  return field !== null && size !== null && size >= 6 && size <= 72 && colour
    ? { field, size, colour }
    : undefined;
}

function vector(v: unknown): VectorStyle | null {
  const o = obj(v);
  const r = renderer(o?.['renderer']);
  const l = labels(o?.['labels']);
  const fillOpacity = num(o?.['fillOpacity']);
  if (!r || l === undefined || fillOpacity === null || fillOpacity < 0 || fillOpacity > 1) return null;
  return { renderer: r, labels: l, fillOpacity };
}

/** A style read back from JSON, or null when it is not a valid version-1 style. */
export function parseLayerStyle(v: unknown): LayerStyle | null {
  const o = obj(v);
  if (!o || o['version'] !== 1) return null;
  if (o['kind'] === 'raster') {
    const r = raster(o['raster']);
    return r ? { version: 1, kind: 'raster', raster: r } : null;
  }
  if (o['kind'] === 'vector') {
    const s = vector(o['vector']);
    return s ? { version: 1, kind: 'vector', vector: s } : null;
  }
  return null;
}
