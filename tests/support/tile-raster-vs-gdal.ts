import { expect } from 'vitest';
import type { RasterLayerRead } from '../../src-main/core/formats/format-module.js';
import { geoTransformOf } from '../../src-main/core/model/index.js';
import { openFile } from '../../src-main/node/formats/index.js';
import { gdalinfo } from './gdal.js';

/** GDAL's name of one tile table of a GeoPackage. */
export const gpkgName = (file: string, table: string): string => `GPKG:${file}:${table}`;

/** The raster layer `table` of a GeoPackage as Strata opens it. */
export async function tileLayer(file: string, table: string): Promise<RasterLayerRead> {
  const layer = (await openFile(file)).layers.find((l) => l.layer === table);
  if (layer?.kind !== 'raster') throw new Error(`no raster layer ${table}`);
  return layer;
}

/**
 * Compares a tile table's raster facts with `gdalinfo -json GPKG:file:table`: size, band count,
 * data type, CRS code, geotransform and the extent of that grid.
 */
export async function expectTileRasterLikeGdal(file: string, table: string): Promise<void> {
  const { info } = await tileLayer(file, table);
  const g = await gdalinfo(gpkgName(file, table));
  expect([info.width, info.height]).toEqual(g.size);
  expect(info.bandCount).toBe(g.bands.length);
  expect(info.dataType).toBe(g.bands[0]?.type);
  expect(info.crs?.code).toBe(`EPSG:${String(g.stac?.['proj:epsg'])}`);
  const gt = g.geoTransform ?? [];
  geoTransformOf(info).forEach((v, i) => {
    expect(v).toBeCloseTo(gt[i] ?? NaN, 6);
  });
  // The extent bounds the grid GDAL reports (its cornerCoordinates are rounded to 3 decimals).
  const [w, h] = g.size;
  const expected = [
    gt[0] ?? NaN,
    (gt[3] ?? NaN) + h * (gt[5] ?? NaN),
    (gt[0] ?? NaN) + w * (gt[1] ?? NaN),
    gt[3] ?? NaN,
  ];
  (info.extent ?? []).forEach((v, i) => {
    expect(v).toBeCloseTo(expected[i] ?? NaN, 6);
  });
}
