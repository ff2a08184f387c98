import { expect } from 'vitest';
import { geoTransformOf } from '../../src-main/core/model/index.js';
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
    const [w, h] = gdal.size;
    const t = geoTransformOf(ours);
    const scale = Math.max(Math.abs(gt[0]), Math.abs(gt[3]), 1);
    t.forEach((v, i) => {
      expect(Math.abs(v - (gt[i] ?? Number.NaN)), `geotransform[${String(i)}]`).toBeLessThanOrEqual(
        i === 0 || i === 3 ? 1e-9 * scale : 1e-12 * Math.max(1, Math.abs(gt[i] ?? 0)),
      );
    });
    // North-up grids keep the plain fields only; others carry the full transform.
    expect(ours.geoTransform === undefined).toBe(gt[2] === 0 && gt[4] === 0 && gt[1] > 0 && gt[5] < 0);
    expect(ours.pixelSize[0]).toBeCloseTo(Math.hypot(gt[1], gt[4]), 9);
    expect(ours.pixelSize[1]).toBeCloseTo(Math.hypot(gt[2], gt[5]), 9);
    // Extent: the bounding box of the four corners GDAL reports.
    const xs = [0, w].flatMap((c) => [0, h].map((r) => gt[0] + c * gt[1] + r * gt[2]));
    const ys = [0, w].flatMap((c) => [0, h].map((r) => gt[3] + c * gt[4] + r * gt[5]));
    const expected = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    expected.forEach((v, i) => {
      expect(ours.extent?.[i]).toBeCloseTo(v, 5);
    });
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
