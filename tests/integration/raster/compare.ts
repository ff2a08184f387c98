import { join } from 'node:path';
import { expect } from 'vitest';
import { resampleToPublic } from '../../../src-main/node/raster/index.js';
import { gdal } from '../../support/gdal.js';
import { readPixels } from './read-pixels.js';

export interface Comparison {
  /** Max |ours - gdal| over pixels valid in both. */
  readonly worst: number;
  /** Mean |ours - gdal| over samples valid in both. */
  readonly mean: number;
  /** Share of pixels where exactly one side is nodata. */
  readonly nodataMismatch: number;
  /** Band count of our output. */
  readonly bands: number;
}

/**
 * Runs resampleToPublic on `src` and `gdalwarp -r average` (full resolution, no overviews) on
 * `reference` (the same file unless GDAL needs a view of it, e.g. a palette expanded to RGB),
 * both into `dir`, and compares every sample.
 */
export async function compareWithGdalwarp(
  dir: string,
  src: string,
  target: [number, number],
  name: string,
  reference: string = src,
): Promise<Comparison> {
  const ours = join(dir, `${name}.ours.tif`);
  const ref = join(dir, `${name}.gdal.tif`);
  await resampleToPublic(src, ours, target);
  // -ovr NONE: by default gdalwarp averages from the nearest internal overview, not the full grid.
  await gdal('gdalwarp', [
    '-overwrite',
    '-q',
    '-ovr',
    'NONE',
    '-tr',
    String(target[0]),
    String(target[1]),
    '-r',
    'average',
    reference,
    ref,
  ]);
  const [a, b] = await Promise.all([readPixels(ours), readPixels(ref)]);
  expect([a.info.width, a.info.height, a.info.bandCount]).toEqual([
    b.info.width,
    b.info.height,
    b.info.bandCount,
  ]);
  expect(a.info.origin[0]).toBeCloseTo(b.info.origin[0], 6);
  expect(a.info.origin[1]).toBeCloseTo(b.info.origin[1], 6);
  const nd = a.info.nodata;
  const isNodata = (v: number): boolean => Number.isNaN(v) || (nd !== null && v === Math.fround(nd));
  let worst = 0;
  let sum = 0;
  let valid = 0;
  let mismatch = 0;
  for (let i = 0; i < a.data.length; i += 1) {
    const x = a.data[i] ?? Number.NaN;
    const y = b.data[i] ?? Number.NaN;
    if (isNodata(x) !== isNodata(y)) mismatch += 1;
    else if (!isNodata(x)) {
      const d = Math.abs(x - y);
      worst = Math.max(worst, d);
      sum += d;
      valid += 1;
    }
  }
  return {
    worst,
    mean: valid === 0 ? 0 : sum / valid,
    nodataMismatch: mismatch / a.data.length,
    bands: a.info.bandCount,
  };
}
