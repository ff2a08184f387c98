import { percentile, type BandStats } from './histogram.js';
import type { Stretch } from './model.js';

/** The raw values shown as 0 and 1 under `stretch`, from the band's sampled statistics. */
export function resolveStretch(stretch: Stretch, stats: BandStats | undefined): readonly [number, number] {
  if (stretch.kind === 'custom') return [stretch.min, stretch.max];
  if (!stats || stats.count === 0) return [0, 1];
  if (stretch.kind === 'minmax') return [stats.min, stats.max];
  return [percentile(stats, stretch.low), percentile(stats, stretch.high)];
}
