import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StrataError } from '../../../src-main/api/errors.js';
import { readRasterInfo } from '../../../src-main/node/raster/index.js';
import { expectRasterInfoLikeGdal } from '../../support/raster-vs-gdal.js';
import { fixture } from '../../fixtures/index.js';

/** Every GeoTIFF of the generated set (CRSs, layouts, codecs, sample types; ADR 0090). */
const GOOD = ['raster', 'chinese/raster'].flatMap((dir) =>
  readdirSync(fixture(dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tiff?$/i.test(f))
    .map((f) => fixture(dir, f)),
);

describe('readRasterInfo matches gdalinfo on every fixture raster', () => {
  it.each(GOOD)('%s', async (path) => {
    await expectRasterInfoLikeGdal(path);
  });

  it('reads the Chinese Gauss-Kruger DEM as EPSG:2364 in metres', async () => {
    const info = await readRasterInfo(fixture('chinese/raster/guilin_dem_xian80_gk40_5m.tif'));
    expect(info.crs?.code).toBe('EPSG:2364');
    expect(info.crs?.geographic).toBe(false);
    expect(info.crs?.metresPerUnit).toBe(1);
    expect(info.extent).toEqual([40455000, 2795000, 40461000, 2800000]);
  });
});

describe('hostile files', () => {
  const BAD = readdirSync(fixture('raster_bad')).map((f) => fixture('raster_bad', f));

  // No time limit: a chain loop or a huge claimed size would hang or exhaust memory, not run slowly.
  it.each(BAD)('%s is refused with a StrataError naming the file', async (path) => {
    const err = await readRasterInfo(path).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StrataError);
    const strata = err as StrataError;
    expect(['CORRUPT_FILE', 'TOO_LARGE', 'UNSUPPORTED_FORMAT']).toContain(strata.code);
    expect(strata.params['file']).toBe(path.split('/').pop());
    expect(JSON.stringify(strata.params)).not.toContain(fixture());
  });

  it('a missing file is FILE_NOT_FOUND with the base name only', async () => {
    await expect(readRasterInfo('/nonexistent/dir/gone.tif')).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
      params: { file: 'gone.tif' },
    });
  });

  it('a non-TIFF file is UNSUPPORTED_FORMAT', async () => {
    await expect(readRasterInfo(fixture('geojson', 'world.zh.json'))).rejects.toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
      params: { file: 'world.zh.json' },
    });
  });
});
