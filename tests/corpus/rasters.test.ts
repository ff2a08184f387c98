import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StrataError } from '../../src-main/api/errors.js';
import { readRasterInfo } from '../../src-main/node/raster/index.js';
import { openFile } from '../../src-main/node/formats/index.js';
import { expectRasterInfoLikeGdal } from '../support/raster-vs-gdal.js';
import { expectTileRasterLikeGdal } from '../support/tile-raster-vs-gdal.js';
import { corpus, corpusFiles, corpusRoot } from './corpus.js';

const present = corpusRoot() !== null;

/** User-defined GeoKeys our registry identifies exactly (ADR 0014); GDAL 3.6 names no EPSG code. */
const IDENTIFIED: Readonly<Record<string, string>> = {
  'lcc2sp.tif': 'EPSG:3812',
  'transverse_mercator.tif': 'EPSG:3814',
};
/** User-defined GeoKeys that give a CRS without an EPSG code. */
const USER_DEFINED = new Set(['lamb_con.tiff', 'float_raster_with_nodata.tif', ...Object.keys(IDENTIFIED)]);

const GOOD = [...corpusFiles('raster', /\.tiff?$/i), ...corpusFiles('chinese/raster', /\.tiff?$/i)];
const BAD = corpusFiles('raster_bad', /\.tiff?$/i);

describe.skipIf(!present)('corpus rasters: our header reading agrees with gdalinfo', () => {
  it.each(GOOD)('%s', async (file) => {
    const name = path.basename(file);
    await expectRasterInfoLikeGdal(file, IDENTIFIED[name]);
    if (USER_DEFINED.has(name)) expect((await readRasterInfo(file)).crs).not.toBeNull();
  });

  it('names user-defined CRSs as the files do', async () => {
    expect((await readRasterInfo(corpus('raster', 'lamb_con.tiff'))).crs?.name).toBe(
      'Lambert_Conformal_Conic_2SP',
    );
    expect((await readRasterInfo(corpus('raster', 'lcc2sp.tif'))).crs?.name).toBe(
      'ETRS89 / Belgian Lambert 2008',
    );
  });
});

describe.skipIf(!present)('corpus GeoPackage tile tables: raster facts agree with gdalinfo', () => {
  it.each(corpusFiles('gpkg', /\.gpkg$/i))('%s', async (file) => {
    const opened = await openFile(file).catch(() => null);
    for (const layer of opened?.layers ?? [])
      if (layer.kind === 'raster') await expectTileRasterLikeGdal(file, layer.layer ?? '');
  });

  it('test_tiles_srid.gpkg holds one tile raster', async () => {
    const opened = await openFile(corpus('gpkg', 'test_tiles_srid.gpkg'));
    expect(opened.layers.map((l) => [l.kind, l.layer])).toEqual([['raster', 'test']]);
  });
});

describe.skipIf(!present)('corpus hostile rasters (fuzzer output, IFD loops) are refused cleanly', () => {
  it.each(BAD)('%s', async (file) => {
    const err = await readRasterInfo(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StrataError);
    expect(['CORRUPT_FILE', 'TOO_LARGE', 'UNSUPPORTED_FORMAT']).toContain((err as StrataError).code);
    expect((err as StrataError).params['file']).toBe(path.basename(file));
  });
});
