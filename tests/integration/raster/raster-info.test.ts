import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StrataError } from '../../../src-main/api/errors.js';
import { readRasterInfo } from '../../../src-main/node/raster/index.js';
import { gdalinfo } from '../../support/gdal.js';

const DATA = '/work/shared/data';
const GOOD = [
  ...readdirSync(join(DATA, 'raster')).map((f) => join(DATA, 'raster', f)),
  ...readdirSync(join(DATA, 'chinese/raster')).map((f) => join(DATA, 'chinese/raster', f)),
];

/** User-defined GeoKeys that now give a CRS (ADR 0014); GDAL 3.6 names no EPSG code for them. */
const USER_DEFINED = new Set([
  'lcc2sp.tif',
  'transverse_mercator.tif',
  'lamb_con.tiff',
  'float_raster_with_nodata.tif',
]);
/** Of those, the ones whose datum code and parameters equal a registry row exactly. */
const IDENTIFIED: Readonly<Record<string, string>> = {
  'lcc2sp.tif': 'EPSG:3812',
  'transverse_mercator.tif': 'EPSG:3814',
};

describe('readRasterInfo matches gdalinfo on every sample raster', () => {
  it.each(GOOD)('%s', async (path) => {
    const [ours, gdal] = await Promise.all([readRasterInfo(path), gdalinfo(path)]);
    expect([ours.width, ours.height]).toEqual(gdal.size);
    expect(ours.bandCount).toBe(gdal.bands.length);
    expect(ours.dataType).toBe(gdal.bands[0]?.type);
    const nd = gdal.bands[0]?.noDataValue;
    if (nd === undefined) expect(ours.nodata).toBeNull();
    else expect(ours.nodata).toBeCloseTo(Number(nd), 0);
    const gt = gdal.geoTransform;
    if (gt === undefined) {
      expect(ours.extent).toBeNull();
    } else {
      expect(ours.origin[0]).toBeCloseTo(gt[0], 6);
      expect(ours.origin[1]).toBeCloseTo(gt[3], 6);
      expect(ours.pixelSize[0]).toBeCloseTo(gt[1], 9);
      expect(ours.pixelSize[1]).toBeCloseTo(-gt[5], 9);
      expect(ours.extent?.[2]).toBeCloseTo(gt[0] + gt[1] * gdal.size[0], 5);
      expect(ours.extent?.[1]).toBeCloseTo(gt[3] + gt[5] * gdal.size[1], 5);
    }
    const epsg = gdal.stac?.['proj:epsg'] ?? null;
    const file = path.split('/').pop() ?? '';
    expect(ours.crs?.code ?? null).toBe(IDENTIFIED[file] ?? (epsg === null ? null : `EPSG:${String(epsg)}`));
    if (USER_DEFINED.has(file)) expect(ours.crs).not.toBeNull();
  });

  it('reads the Chinese Gauss-Kruger DEM as EPSG:2364 in metres', async () => {
    const info = await readRasterInfo(join(DATA, 'chinese/raster/guilin_dem_xian80_gk40_5m.tif'));
    expect(info.crs?.code).toBe('EPSG:2364');
    expect(info.crs?.geographic).toBe(false);
    expect(info.crs?.metresPerUnit).toBe(1);
    expect(info.extent).toEqual([40455000, 2795000, 40461000, 2800000]);
  });
});

describe('hostile files', () => {
  const BAD = readdirSync(join(DATA, 'raster_bad')).map((f) => join(DATA, 'raster_bad', f));

  it.each(BAD)('%s is refused with a StrataError naming the file', async (path) => {
    const started = performance.now();
    const err = await readRasterInfo(path).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StrataError);
    const strata = err as StrataError;
    expect(['CORRUPT_FILE', 'TOO_LARGE', 'UNSUPPORTED_FORMAT']).toContain(strata.code);
    expect(strata.params['file']).toBe(path.split('/').pop());
    expect(JSON.stringify(strata.params)).not.toContain('/work');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a missing file is FILE_NOT_FOUND with the base name only', async () => {
    await expect(readRasterInfo('/nonexistent/dir/gone.tif')).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
      params: { file: 'gone.tif' },
    });
  });

  it('a non-TIFF file is UNSUPPORTED_FORMAT', async () => {
    await expect(readRasterInfo(join(DATA, 'csv/wkt.csv'))).rejects.toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
      params: { file: 'wkt.csv' },
    });
  });
});
