import type { DatasetSummary, RecordFields } from '../../src-main/api/types.js';
import { fixture } from '../fixtures/index.js';
import type { Harness } from './harness-fixture.js';

// The scenarios' input files from the generated fixture set. Functions, not constants: Playwright
// loads spec files to list the tests before its global setup has built the set.

/** Xian 1980 / 3-degree Gauss-Krüger zone 40 DEM on a 5 m grid (finer than the 100 m the review allows). */
export const demFile = (): string => fixture('chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');

/** The DEM imported and described: version 2 of its record holds `fields`. */
export async function describedDem(
  harness: Harness,
  fields: Omit<RecordFields, 'attribution'>,
): Promise<DatasetSummary> {
  const dem = await harness.importOne(demFile());
  await harness.api.call('catalogue.save', { id: dem.id, baseVersion: 1, fields });
  return dem;
}

/** Mineral occurrences (points), GBK attributes with a .cpg, CGCS2000 Gauss-Krüger. */
export const mineralPointsFile = (): string =>
  fixture('chinese', 'shapefile', 'kuangdian_gbk_cpg', '矿点.shp');

/** World countries with Chinese names, GeoJSON in WGS 84. */
export const worldFile = (): string => fixture('geojson', 'world.zh.json');
