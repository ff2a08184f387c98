import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fromFile } from 'geotiff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { percentile } from '../../../src-renderer/map/style/histogram.js';
import { describeRaster } from '../../../src-renderer/map/style/raster-sample.js';
import { fixture } from '../../fixtures/index.js';
import { gdalinfo } from '../../support/gdal.js';

// The style panel's statistics and the map's colour tables come from the renderer's own read of
// the file (geotiff.js); GDAL is the reference for what that read must find.

interface GdalBand {
  readonly computedMin?: number;
  readonly computedMax?: number;
  readonly colorTable?: { readonly entries: readonly (readonly number[])[] };
  readonly overviews?: readonly { readonly size: readonly [number, number] }[];
  readonly histogram?: { readonly min: number; readonly max: number; readonly buckets: readonly number[] };
  readonly metadata?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

const bands = async (file: string, ...args: string[]): Promise<GdalBand[]> =>
  (await gdalinfo(file, ...args)).bands as unknown as GdalBand[];

const describeFile = async (file: string) => describeRaster(await fromFile(file));

let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'strata-style-sample-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('the raster sample behind stretches and the histogram', () => {
  it('reads a small DEM whole: range, valid count and 2–98 % cut agree with GDAL’s statistics and histogram', async () => {
    // gdalinfo -stats/-hist writes a .aux.xml beside the file: run it on a copy, not on the fixture.
    const file = path.join(scratch, 'dem.tif');
    await copyFile(fixture('chinese', 'raster', 'guangxi_dem_cgcs2000_geo.tif'), file);
    const sample = await describeFile(file);
    const [gdal] = await bands(file, '-stats', '-hist');
    const info = await gdalinfo(file);
    const stats = sample.stats[0];
    if (!stats || !gdal?.histogram) throw new Error('no band');
    expect(sample.level).toEqual({ width: info.size[0], height: info.size[1], overview: false });
    expect(sample.nodata).toBe(Number(info.bands[0]?.noDataValue));
    const meta = gdal.metadata?.[''] ?? {};
    expect(stats.min).toBe(Number(meta['STATISTICS_MINIMUM']));
    expect(stats.max).toBe(Number(meta['STATISTICS_MAXIMUM']));
    expect(stats.bins.reduce((a, b) => a + b, 0)).toBe(stats.count);

    // Where GDAL's cumulative histogram crosses 2 % and 98 %, to within one of its buckets.
    const { min, max, buckets } = gdal.histogram;
    const width = (max - min) / buckets.length;
    const total = buckets.reduce((a, b) => a + b, 0);
    // GDAL's histogram counts every valid pixel once, as the sample must.
    expect(stats.count).toBe(total);
    const crossing = (p: number): number => {
      let seen = 0;
      const index = buckets.findIndex((n) => (seen += n) >= (p / 100) * total);
      return min + (index + 0.5) * width;
    };
    for (const p of [2, 98]) expect(Math.abs(percentile(stats, p) - crossing(p))).toBeLessThanOrEqual(width);
  });

  it('samples a large level without overviews in spread windows, inside GDAL’s range', async () => {
    const file = fixture('chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
    const sample = await describeFile(file);
    const [gdal] = await bands(file, '-mm');
    const stats = sample.stats[0];
    if (!stats || gdal?.computedMin === undefined || gdal.computedMax === undefined)
      throw new Error('no band');
    expect(sample.level.overview).toBe(false);
    expect(sample.sampled).toBeLessThan(sample.level.width * sample.level.height);
    expect(stats.count).toBeGreaterThan(100_000);
    expect(stats.min).toBeGreaterThanOrEqual(gdal.computedMin);
    expect(stats.max).toBeLessThanOrEqual(gdal.computedMax);
    // The sample spans most of the range (the terrain is smooth, the windows spread over it).
    expect(stats.max - stats.min).toBeGreaterThan(0.8 * (gdal.computedMax - gdal.computedMin));
  });

  it('reads the smallest overview when there are overviews, as RGB for YCbCr JPEG', async () => {
    const file = fixture('raster', 'types', 'rgb_jpeg_ycbcr_overviews.tif');
    const sample = await describeFile(file);
    const [gdal] = await bands(file);
    const sizes = (gdal?.overviews ?? []).map((o) => o.size);
    const smallest = sizes.reduce((a, b) => (b[0] * b[1] < a[0] * a[1] ? b : a));
    expect(sample.level).toEqual({ width: smallest[0], height: smallest[1], overview: true });
    expect(sample.bandCount).toBe(3);
    expect(sample.stats).toHaveLength(3);
  });

  it('finds the colour table GDAL reads, and the alpha band of BGRA imagery', async () => {
    const palette = fixture('raster', 'worldPalette.tiff');
    const sample = await describeFile(palette);
    const [gdal] = await bands(palette);
    expect(sample.hasColourTable).toBe(true);
    expect(sample.colourTable?.map(([r, g, b]) => [r, g, b])).toEqual(
      gdal?.colorTable?.entries.map((e) => e.slice(0, 3)),
    );

    const bgra = fixture('raster', 'RGBA.uint16.tif');
    const image = await describeFile(bgra);
    const info = await gdalinfo(bgra);
    const alphaIndex = info.bands.findIndex(
      (b) => (b as { colorInterpretation?: string }).colorInterpretation === 'Alpha',
    );
    expect(image.alpha).toEqual({ band: alphaIndex + 1, opaque: 65535 });
    expect(image.colourTable).toBeNull();
  });
});
