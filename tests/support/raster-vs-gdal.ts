import { expect } from 'vitest';
import { readRasterInfo } from '../../src-main/node/raster/index.js';
import { gdalinfo } from './gdal.js';

/**
 * Asserts that our header reading of `path` agrees with `gdalinfo -json`: size, bands, type,
 * nodata, geotransform and the EPSG code GDAL identifies (or `code` where we knowingly identify
 * more than GDAL 3.6, e.g. user-defined GeoKeys equal to a registry row).
 */
export async function expectRasterInfoLikeGdal(path: string, code?: string | null): Promise<void> {
  const [ours, gdal] = await Promise.all([readRasterInfo(path), gdalinfo(path)]);
  expect([ours.width, ours.height]).toEqual(gdal.size);
  expect(ours.bandCount).toBe(gdal.bands.length);
  expect(ours.dataType).toBe(gdal.bands[0]?.type);
  const nd = gdal.bands[0]?.noDataValue;
  if (nd === undefined) expect(ours.nodata).toBeNull();
  else
    expect(Math.abs((ours.nodata ?? NaN) - Number(nd))).toBeLessThanOrEqual(
      1e-6 * Math.max(1, Math.abs(Number(nd))),
    );
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
  // A GCP-only raster's CRS is the GCPs' (GDAL's STAC block names none for it).
  const gcpWkt = (gdal as { gcps?: { coordinateSystem?: { wkt?: string } } }).gcps?.coordinateSystem?.wkt;
  const gcpEpsg =
    gt === undefined && gcpWkt !== undefined ? /ID\["EPSG",(\d+)\]\]$/.exec(gcpWkt.trim())?.[1] : undefined;
  const epsg = gdal.stac?.['proj:epsg'] ?? (gcpEpsg === undefined ? null : Number(gcpEpsg));
  expect(ours.crs?.code ?? null).toBe(
    code !== undefined ? code : epsg === null ? null : `EPSG:${String(epsg)}`,
  );
}
