/** Summary of one band's sampled values (nodata and non-finite values left out). */
export interface BandStats {
  readonly count: number;
  readonly min: number;
  readonly max: number;
  /** Equal-width bins from min to max (the last bin includes max). */
  readonly bins: readonly number[];
  /** The sampled values, ascending: percentiles are read from it exactly. */
  readonly sorted: Float64Array;
}

/** Statistics of `values` excluding `nodata`; `binCount` bins for the chart. */
export function bandStats(values: ArrayLike<number>, nodata: number | null, binCount = 64): BandStats {
  const kept = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? NaN;
    if (!Number.isFinite(v) || (nodata !== null && v === nodata)) continue;
    kept[n++] = v;
  }
  const sorted = kept.slice(0, n).sort();
  const min = n > 0 ? (sorted[0] ?? 0) : 0;
  const max = n > 0 ? (sorted[n - 1] ?? 0) : 0;
  const bins = new Array<number>(binCount).fill(0);
  const width = (max - min) / binCount;
  for (let i = 0; i < n; i++) {
    const v = sorted[i] ?? 0;
    const bin = width > 0 ? Math.min(binCount - 1, Math.floor((v - min) / width)) : 0;
    bins[bin] = (bins[bin] ?? 0) + 1;
  }
  return { count: n, min, max, bins, sorted };
}

/**
 * The p-th percentile (0..100) of the sampled values, linear between the two nearest ranks (the
 * "R-7" rule that NumPy and most GIS stretch dialogs use).
 */
export function percentile(stats: BandStats, p: number): number {
  const { sorted } = stats;
  if (sorted.length === 0) return 0;
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(sorted.length - 1, lo + 1);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (rank - lo);
}
