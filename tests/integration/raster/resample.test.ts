import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StrataError } from '../../../src-main/api/errors.js';
import { rasterValueRange, readRasterInfo, resampleToPublic } from '../../../src-main/node/raster/index.js';
import { compareWithGdalwarp } from './compare.js';
import { gdalinfo } from '../../support/gdal.js';
import { listTags, readPixels } from './read-pixels.js';
import { fixture } from '../../fixtures/index.js';

const GUILIN = fixture('chinese/raster/guilin_dem_xian80_gk40_5m.tif');
/** Structural tags the writer may emit (SECURITY.md "Leaks": allow-list only). */
const ALLOWED_TAGS = new Set([
  256, 257, 258, 259, 262, 277, 284, 317, 322, 323, 324, 325, 338, 339, 33550, 33922, 34735, 34736, 34737,
  42113,
]);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strata-raster-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('resampleToPublic', () => {
  it('resamples the Guilin 5 m DEM to a 100 m grid GDAL reads as EPSG:2364 with the same nodata', async () => {
    const out = join(dir, 'guilin_100m.tif');
    const progress: [number, number][] = [];
    const info = await resampleToPublic(GUILIN, out, [100, 100], {
      onProgress: (d, t) => progress.push([d, t]),
    });
    expect(info).toMatchObject({ width: 60, height: 50, dataType: 'Float32', bandCount: 1, nodata: -32768 });
    expect(info.extent).toEqual([40455000, 2795000, 40461000, 2800000]);
    expect(progress.at(-1)?.[0]).toBe(progress.at(-1)?.[1]);

    const g = await gdalinfo(out, '-mdd', 'all');
    expect(g.size).toEqual([60, 50]);
    expect(g.geoTransform).toEqual([40455000, 100, 0, 2800000, 0, -100]);
    expect(g.stac?.['proj:epsg']).toBe(2364);
    expect(g.bands[0]).toMatchObject({ type: 'Float32', noDataValue: -32768 });
    // Only what GDAL derives from structure: no descriptions, software, dates or statistics.
    // DERIVED_SUBDATASETS is GDAL's own virtual log-amplitude entry, listed for every raster.
    expect(Object.keys(g.metadata).sort()).toEqual(['', 'DERIVED_SUBDATASETS', 'IMAGE_STRUCTURE']);
    expect(g.metadata['']).toEqual({ AREA_OR_POINT: 'Area' });
    expect(Object.keys(g.metadata['IMAGE_STRUCTURE'] ?? {}).sort()).toEqual([
      'COMPRESSION',
      'INTERLEAVE',
      'PREDICTOR',
    ]);

    const tags = listTags(new Uint8Array(await readFile(out)));
    expect(tags).toHaveLength(1);
    for (const tag of tags[0] ?? []) expect(ALLOWED_TAGS.has(tag)).toBe(true);
  });

  it('equals gdalwarp -r average on the Guilin DEM (factor 20, nodata corner)', async () => {
    const { worst, nodataMismatch } = await compareWithGdalwarp(dir, GUILIN, [100, 100], 'guilin');
    expect(worst).toBeLessThan(1e-3);
    expect(nodataMismatch).toBe(0);
  });

  it('agrees with gdallocationinfo on sampled pixels of our output', async () => {
    const out = join(dir, 'guilin_100m.tif');
    const { data } = await readPixels(out);
    for (const [x, y] of [
      [0, 0],
      [59, 49],
      [30, 25],
      [5, 40],
    ] as const) {
      const { stdout } = await promisify(execFile)('gdallocationinfo', [
        '-valonly',
        out,
        String(x),
        String(y),
      ]);
      expect(Number(stdout.trim())).toBeCloseTo(data[y * 60 + x] ?? Number.NaN, 3);
    }
  });

  it('equals gdalwarp on LZW tiled RGB bytes with nodata 0 (factor 2)', async () => {
    const src = fixture('raster/rgb_lzw.tif');
    const info = await readRasterInfo(src);
    const { worst, nodataMismatch } = await compareWithGdalwarp(
      dir,
      src,
      [info.pixelSize[0] * 2, info.pixelSize[1] * 2],
      'rgb',
    );
    expect(worst).toBeLessThanOrEqual(1);
    expect(nodataMismatch).toBe(0);
  });

  it('equals gdalwarp on an Int16 DEFLATE COG (factor 3)', async () => {
    const src = fixture('raster/cog_int16.tif');
    const info = await readRasterInfo(src);
    const { worst, nodataMismatch } = await compareWithGdalwarp(
      dir,
      src,
      [info.pixelSize[0] * 3, info.pixelSize[1] * 3],
      'cog',
    );
    expect(worst).toBeLessThanOrEqual(1);
    expect(nodataMismatch).toBe(0);
  });

  it('is close to gdalwarp on a geographic Int16 LZW-strip DEM with a non-integer factor (3″ -> 0.001°)', async () => {
    const src = fixture('chinese/raster/guangxi_dem_cgcs2000_geo.tif');
    const ours = join(dir, 'guangxi_ours.tif');
    const info = await resampleToPublic(src, ours, [0.001, 0.001]);
    expect(info).toMatchObject({ width: 500, height: 500, dataType: 'Int16', nodata: -32768 });
    expect(info.crs?.code).toBe('EPSG:4490');
    const { worst, nodataMismatch } = await compareWithGdalwarp(dir, src, [0.001, 0.001], 'guangxi');
    expect(worst).toBeLessThanOrEqual(1);
    expect(nodataMismatch).toBe(0);
  });

  it('refuses a raster without CRS', async () => {
    await expect(
      resampleToPublic(fixture('raster/minisblack-1c-16b.tiff'), join(dir, 'x.tif'), [2, 2]),
    ).rejects.toMatchObject({
      code: 'CRS_UNKNOWN',
    });
  });

  it('cancels on abort and leaves nothing behind', async () => {
    const sub = await mkdtemp(join(dir, 'cancel-'));
    const src = join(sub, 'cog.tif');
    await copyFile(fixture('raster/cog_int16.tif'), src);
    const controller = new AbortController();
    const run = resampleToPublic(src, join(sub, 'out.tif'), [500, 500], {
      signal: controller.signal,
      onProgress: () => {
        controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await readdir(sub)).toEqual(['cog.tif']);
  });

  it('bad files fail with a StrataError, never a hang', async () => {
    for (const name of await readdir(fixture('raster_bad'))) {
      const err = await resampleToPublic(
        fixture('raster_bad', name),
        join(dir, 'bad.tif'),
        [1000, 1000],
      ).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, name).toBeInstanceOf(StrataError);
      expect((err as StrataError).params['file']).toBe(name);
    }
    expect((await readdir(dir)).filter((f) => f.startsWith('bad'))).toEqual([]);
  });
});

describe('rasterValueRange', () => {
  it('gives the DEM range ignoring nodata, like gdalinfo -mm', async () => {
    const info = await readRasterInfo(GUILIN);
    const range = await rasterValueRange(GUILIN, info);
    const { stdout } = await promisify(execFile)('gdalinfo', ['-mm', GUILIN]);
    const m = /Computed Min\/Max=([-\d.]+),([-\d.]+)/.exec(stdout);
    expect(range?.[0]).toBeCloseTo(Number(m?.[1]), 2);
    expect(range?.[1]).toBeCloseTo(Number(m?.[2]), 2);
  });

  it('is null for imagery', async () => {
    const src = fixture('raster/RGB.byte.tif');
    expect(await rasterValueRange(src, await readRasterInfo(src))).toBeNull();
  });

  it('reads Int16 LZW strips in a geographic CRS', async () => {
    const src = fixture('raster/elev.tif');
    const range = await rasterValueRange(src, await readRasterInfo(src));
    const { stdout } = await promisify(execFile)('gdalinfo', ['-mm', src]);
    const m = /Computed Min\/Max=([-\d.]+),([-\d.]+)/.exec(stdout);
    expect(range).toEqual([Number(m?.[1]), Number(m?.[2])]);
  });
});
