import type { ClassValue, PaletteName, RampName, Rgb, VectorRenderer } from './model.js';
import { paletteColour, rampColours } from './ramps.js';

/** Categories beyond this many are folded into "other": a legend of hundreds helps nobody. */
export const MAX_CATEGORIES = 64;

const asClassValue = (v: unknown): ClassValue =>
  v === undefined || v === null
    ? null
    : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
      ? v
      : JSON.stringify(v);

/** Distinct values of `field`, most frequent first (ties in value order), at most MAX_CATEGORIES. */
export function distinctValues(
  rows: Iterable<Readonly<Record<string, unknown>>>,
  field: string,
): ClassValue[] {
  const counts = new Map<ClassValue, number>();
  for (const row of rows) {
    const value = asClassValue(row[field]);
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]), 'zh-CN'))
    .slice(0, MAX_CATEGORIES)
    .map(([value]) => value);
}

export function categorised(
  field: string,
  values: readonly ClassValue[],
  palette: PaletteName,
  otherColour: Rgb,
): VectorRenderer {
  return {
    kind: 'categorised',
    field,
    palette,
    classes: values.map((value, i) => ({ value, colour: paletteColour(palette, i) })),
    otherColour,
  };
}

/** Finite numbers of `field` (numeric strings count, as in a DBF's text columns). */
export function numericValues(rows: Iterable<Readonly<Record<string, unknown>>>, field: string): number[] {
  const out: number[] = [];
  for (const row of rows) {
    const raw = row[field];
    const v =
      typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (Number.isFinite(v)) out.push(v);
  }
  return out;
}

/** Class limits (count + 1 ascending numbers) by equal interval or quantile. */
export function breaks(values: readonly number[], method: 'equal' | 'quantile', count: number): number[] {
  if (values.length === 0 || count < 1) return [];
  const sorted = [...values].sort((a, b) => a - b);
  const min = sorted[0] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;
  if (method === 'equal')
    return Array.from({ length: count + 1 }, (_, i) => (i === count ? max : min + ((max - min) * i) / count));
  const limits = [min];
  for (let i = 1; i < count; i++) {
    const rank = (i / count) * (sorted.length - 1);
    const lo = Math.floor(rank);
    const a = sorted[lo] ?? min;
    const b = sorted[Math.min(sorted.length - 1, lo + 1)] ?? a;
    limits.push(a + (b - a) * (rank - lo));
  }
  limits.push(max);
  // Ties in the data make repeated limits: an empty class is noise in the legend.
  return limits.filter((v, i) => i === 0 || v > (limits[i - 1] ?? -Infinity));
}

export function graduated(
  field: string,
  values: readonly number[],
  method: 'equal' | 'quantile',
  count: number,
  ramp: RampName,
  otherColour: Rgb,
): VectorRenderer {
  const limits = breaks(values, method, count);
  const colours = rampColours(ramp, Math.max(1, limits.length - 1));
  return {
    kind: 'graduated',
    field,
    method,
    ramp,
    classes: limits
      .slice(1)
      .map((max, i) => ({ min: limits[i] ?? max, max, colour: colours[i] ?? otherColour })),
    otherColour,
  };
}

/** The colour a feature with these properties gets under the renderer. */
export function symbolColour(renderer: VectorRenderer, properties: Readonly<Record<string, unknown>>): Rgb {
  if (renderer.kind === 'single') return renderer.colour;
  if (renderer.kind === 'categorised') {
    const value = asClassValue(properties[renderer.field]);
    return renderer.classes.find((c) => c.value === value)?.colour ?? renderer.otherColour;
  }
  const [v] = numericValues([properties], renderer.field);
  if (v === undefined) return renderer.otherColour;
  const last = renderer.classes.length - 1;
  const found = renderer.classes.find((c, i) => v >= c.min && (v < c.max || (i === last && v <= c.max)));
  return found?.colour ?? renderer.otherColour;
}
