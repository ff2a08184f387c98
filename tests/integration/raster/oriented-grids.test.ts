// Rotated and south-up grids (ADR 0132): read with their full geotransform, reviewed at their true
// pixel size, and refused by the public-version block average with a reason rather than written
// at the wrong place.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pixelSizeMetres } from '../../../src-main/core/review/rules/raster-resolution.js';
import { readRasterInfo, resampleToPublic } from '../../../src-main/node/raster/index.js';
import { gdalinfo } from '../../support/gdal.js';
import { expectRasterInfoLikeGdal } from '../../support/raster-vs-gdal.js';
import { compareWithGdalwarp } from './compare.js';
import { fixture } from '../../fixtures/index.js';

const ROTATED = fixture('raster/geo/rotated_30deg.tif');
const SOUTH_UP = fixture('raster/geo/south_up.tif');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strata-oriented-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('rotated and south-up GeoTIFFs', () => {
  it('a 30° rotated 10 m grid has GDAL’s geotransform, a 10 m pixel and its corners’ extent', async () => {
    const [info, gdal] = await Promise.all([readRasterInfo(ROTATED), gdalinfo(ROTATED)]);
    expect(info.geoTransform).toHaveLength(6);
    info.geoTransform?.forEach((v, i) => {
      expect(v).toBeCloseTo(gdal.geoTransform?.[i] ?? Number.NaN, 9);
    });
    expect(info.pixelSize[0]).toBeCloseTo(10, 9);
    expect(info.pixelSize[1]).toBeCloseTo(10, 9);
    expect(pixelSizeMetres(info)).toBeCloseTo(10, 6);
    // GDAL's corner coordinates (pixel corners 0,0 and 200,150) bound our extent.
    const corners = (gdal as unknown as { cornerCoordinates: Record<string, [number, number]> })
      .cornerCoordinates;
    const xs = Object.values(corners).map(([x]) => x);
    const ys = Object.values(corners).map(([, y]) => y);
    expect(info.extent?.[0]).toBeCloseTo(Math.min(...xs), 3);
    expect(info.extent?.[1]).toBeCloseTo(Math.min(...ys), 3);
    expect(info.extent?.[2]).toBeCloseTo(Math.max(...xs), 3);
    expect(info.extent?.[3]).toBeCloseTo(Math.max(...ys), 3);
  });

  it('a south-up grid keeps its positive row step; its extent runs from the origin northwards', async () => {
    const info = await readRasterInfo(SOUTH_UP);
    expect(info.geoTransform).toEqual([110, 0.001, 0, 30, 0, 0.001]);
    expect(info.pixelSize).toEqual([0.001, 0.001]);
    expect(info.extent?.[1]).toBeCloseTo(30, 9);
    expect(info.extent?.[3]).toBeCloseTo(30.1, 9);
  });

  it.each([ROTATED, SOUTH_UP])(
    'the public-version resample refuses %s with the reason, leaving nothing',
    async (src) => {
      const out = join(dir, 'public.tif');
      await expect(resampleToPublic(src, out, [100, 100])).rejects.toMatchObject({
        code: 'UNSUPPORTED_FORMAT',
        params: { problem: 'problem.resampleNotNorthUp' },
      });
      expect(await readdir(dir)).toEqual([]);
    },
  );
});

/** Negates ModelPixelScale's Y in a little-endian classic TIFF's first IFD; returns the old value. */
function negateScaleY(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ifd = view.getUint32(4, true);
  for (let i = 0; i < view.getUint16(ifd, true); i += 1) {
    const entry = ifd + 2 + i * 12;
    if (view.getUint16(entry, true) !== 33550) continue;
    const at = view.getUint32(entry + 8, true) + 8;
    const sy = view.getFloat64(at, true);
    view.setFloat64(at, -sy, true);
    return sy;
  }
  return Number.NaN;
}

describe('a negative ModelPixelScale Y', () => {
  it('is read as north-up, as GDAL does by default', async () => {
    const bytes = new Uint8Array(await readFile(fixture('raster/elev.tif')));
    expect(negateScaleY(bytes)).toBeGreaterThan(0);
    const file = join(dir, 'negative_scale_y.tif');
    await writeFile(file, bytes);
    const info = await readRasterInfo(file);
    expect(info.geoTransform).toBeUndefined();
    await expectRasterInfoLikeGdal(file);
    await rm(file);
  });
});

describe('public versions of the newly read encodings (ADR 0131)', () => {
  it.each([
    // Targets that divide each grid into whole cells (300 × 200, 301 × 203 and 200 × 100 pixels of
    // 10 m), where gdalwarp's average and ours weigh the same source pixels.
    ['raster/types/float32_lerc_tiled.tif', 20, 1e-3],
    ['raster/types/int16_lerc_zstd_nodata.tif', 20, 1],
    ['raster/types/float32_zstd_predictor3_tiled.tif', 20, 1e-3],
    ['raster/types/uint16_nbits12.tif', 70, 1],
    ['raster/types/bilevel_1bit.tif', 20, 1],
  ] as const)('%s averages like gdalwarp -r average', async (rel, target, tolerance) => {
    const name = rel.replace(/\W/g, '_');
    const { worst, nodataMismatch } = await compareWithGdalwarp(dir, fixture(rel), [target, target], name);
    expect(worst).toBeLessThanOrEqual(tolerance);
    expect(nodataMismatch).toBe(0);
  });
});
